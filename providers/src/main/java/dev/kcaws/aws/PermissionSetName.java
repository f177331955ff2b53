package dev.kcaws.aws;

import java.util.regex.Pattern;

/**
 * A permission set name by IAM Identity Center's rule: 1..32 of {@code [\w+=,.@-]}. The same
 * string is the IAM role name in every account, which is why it must also be a valid role name.
 */
public record PermissionSetName(String value) {

    private static final Pattern RULE = Pattern.compile("[A-Za-z0-9_+=,.@-]{1," + AwsLimits.MAX_PERMISSION_SET_NAME_CHARS + "}");

    public PermissionSetName {
        if (!isValid(value)) {
            throw new AwsRuleViolation("permissionSet.name",
                    "must be 1 to 32 characters of letters, digits and _+=,.@- (was '" + value + "')");
        }
    }

    public static boolean isValid(String value) {
        return value != null && RULE.matcher(value).matches();
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
