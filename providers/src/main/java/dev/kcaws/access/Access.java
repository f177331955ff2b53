package dev.kcaws.access;

import dev.kcaws.aws.RolePair;

/** Access to one account as one permission set: what one assignment grants and one login can name. */
public record Access(AwsAccount account, PermissionSet permissionSet) {

    public RolePair rolePair() {
        return new RolePair(account.partition(), account.id(), permissionSet.name().iamRoleName(), account.samlProvider());
    }

    public String key() {
        return AccessKey.of(account.id().value(), permissionSet.name().value());
    }
}
