package dev.kcaws.access;

/** {@code <account id>:<permission set name>}: names one access in role names and login choices. */
public final class AccessKey {

    private AccessKey() {
    }

    public static String of(String accountId, String permissionSetName) {
        return accountId + ":" + permissionSetName;
    }
}
