package dev.kcaws.admin;

import jakarta.ws.rs.Path;

/**
 * {@code /aws/identity-center}: the IAM Identity Center side of the bundle, one sub-resource per
 * thing (the SAML client, the SCIM push settings and status, the Identity Center side as code).
 */
public class IdentityCenterResource {

    private final AdminContext context;

    IdentityCenterResource(AdminContext context) {
        this.context = context;
    }

    /** The SCIM push's status and sync now. */
    @Path("push")
    public IdentityCenterPushResource push() {
        return new IdentityCenterPushResource(context);
    }
}
