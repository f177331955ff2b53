package dev.kcaws.admin;

/**
 * One assignment: a group (by path, e.g. {@code /Developers}) or a user (by username) × an account
 * × a permission set. Exactly one of {@code group} and {@code user}.
 */
public record AssignmentRepresentation(String group, String user, String accountId, String permissionSet) {
}
