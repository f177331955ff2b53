package dev.kcaws.cli;

import java.util.Map;
import java.util.regex.Pattern;

/** One (account, permission set) the user holds, as {@code /aws/cli/roles} lists it. */
public record Role(String accountId, String accountName, String permissionSet, String region, String partition,
        Integer sessionDuration, String notAfter) {

    private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");
    /** IAM's role-name characters, within a permission set name's 32. */
    private static final Pattern PERMISSION_SET = Pattern.compile("[A-Za-z0-9+=,.@_-]{1,32}");
    /** AWS's region names: eu-west-1, us-gov-west-1, cn-north-1, us-iso-east-1. */
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]{1,2}");
    private static final Pattern PARTITION = Pattern.compile("aws(-[a-z]+)*");

    static Role from(Map<String, Object> json) {
        Object duration = json.get("sessionDuration");
        return new Role(Json.string(json, "accountId"), Json.string(json, "accountName"), Json.string(json, "permissionSet"),
                Json.string(json, "region"), Json.string(json, "partition"),
                duration instanceof Long l ? Integer.valueOf(l.intValue()) : null, Json.string(json, "notAfter"));
    }

    /**
     * What makes the server's values unfit for a profile, or null when they are fit. They go into
     * {@code ~/.aws/config} and a command line, so a value outside AWS's own formats (a newline could
     * add config lines, another {@code credential_process}) is never written.
     */
    String problem() {
        if (accountId == null || !ACCOUNT_ID.matcher(accountId).matches()) {
            return "account ID " + shown(accountId) + " is not 12 digits";
        }
        if (permissionSet == null || !PERMISSION_SET.matcher(permissionSet).matches()) {
            return "permission set " + shown(permissionSet) + " is not an IAM role name";
        }
        if (region != null && !region.isEmpty() && !REGION.matcher(region).matches()) {
            return "region " + shown(region) + " is not an AWS region name";
        }
        if (partition != null && !PARTITION.matcher(partition).matches()) {
            return "partition " + shown(partition) + " is not an AWS partition";
        }
        if (notAfter != null && !notAfter.matches("[0-9A-Za-z:.+-]{1,40}")) {
            return "end time " + shown(notAfter) + " is not a time";
        }
        return null;
    }

    /** A value for a one-line message: control characters escaped, at most 40 characters. */
    private static String shown(String value) {
        if (value == null) {
            return "(none)";
        }
        String quoted = Json.write(value);
        return quoted.length() > 42 ? quoted.substring(0, 40) + "…\"" : quoted;
    }
}
