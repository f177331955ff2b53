package dev.kcaws.aws;

/**
 * A permission set name by IAM Identity Center's rule: 1..32 of {@code [\w+=,.@-]}. The same
 * string is the IAM role name in every account, which is why it must also be a valid role name.
 * {@code .} and {@code ..} are refused too: the name is a segment of admin URLs
 * ({@code permission-sets/{name}}), where those two mean "here" and "up" and never reach the set.
 */
public record PermissionSetName(String value) {


    public PermissionSetName {
        if (!isValid(value)) {
            throw new AwsRuleViolation("permissionSet.name", AwsRule.PERMISSION_SET_NAME, Shown.value(value));
        }
    }

    /** A loop, not a regex: it runs for every role pair of every login. */
    public static boolean isValid(String value) {
        if (value == null || value.isEmpty() || value.length() > AwsLimits.MAX_PERMISSION_SET_NAME_CHARS
                || value.equals(".") || value.equals("..")) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "_+=,.@-".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The IAM role that stands for this permission set in each account (documented rule: same name, no path). */
    public String iamRoleName() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
