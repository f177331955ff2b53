package dev.kcaws.admin;

/**
 * One assignment: a group (by path, e.g. {@code /Developers}) or a user (by username) × an account
 * × a permission set. Exactly one of {@code group} and {@code user}. {@code notBefore} and
 * {@code notAfter} (ISO-8601 instants, both optional) bound a time-bound assignment: it grants from
 * {@code notBefore} until just before {@code notAfter}; absent, it is permanent.
 */
public record AssignmentRepresentation(String group, String user, String accountId, String permissionSet,
                                       String notBefore, String notAfter) {

    static AssignmentRepresentation ofGroup(String group) {
        return new AssignmentRepresentation(group, null, null, null, null, null);
    }

    static AssignmentRepresentation ofUser(String user) {
        return new AssignmentRepresentation(null, user, null, null, null, null);
    }
}
