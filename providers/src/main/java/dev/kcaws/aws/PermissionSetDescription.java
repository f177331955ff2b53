package dev.kcaws.aws;

/**
 * A permission set's description: at most 700 characters (IAM Identity Center's limit), printable
 * text where only tab, line feed and carriage return are allowed of the control characters (the
 * same three IAM allows in a role description, where it is written). Characters IAM does not take
 * in a role description are replaced there by the generators; the portal shows the text as is.
 */
public record PermissionSetDescription(String value) {

    public PermissionSetDescription {
        if (value == null || value.length() > AwsLimits.MAX_PERMISSION_SET_DESCRIPTION_CHARS || !Text.isPrintableMultiLine(value)) {
            throw new AwsRuleViolation("permissionSet.description", AwsRule.PERMISSION_SET_DESCRIPTION,
                    AwsLimits.MAX_PERMISSION_SET_DESCRIPTION_CHARS, Shown.value(value));
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
