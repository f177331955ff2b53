package dev.kcaws.admin;

import dev.kcaws.access.AwsAccount;
import dev.kcaws.access.EffectiveAccess;

import java.util.Locale;

/**
 * One way one user reaches one account as one permission set, and why. {@code via} is {@code user}
 * (the role is mapped to the user) or {@code group} (to {@code group}, a path; {@code memberOf} is
 * the user's own sub-group when the role is inherited from its parent group). {@code compositeRole}
 * names the composite role mapped when the access role comes inside one ({@code <clientId>/<role>}
 * for a client role). {@code managedBy} says what keeps the user's membership when Keycloak's
 * configuration tells it ({@code ldap:<provider name>}, {@code idp:<alias>}). {@code notBefore} /
 * {@code notAfter} are the window of a time-bound assignment (ISO-8601, UTC); {@code heldNow} whether
 * this path grants at the moment of the review.
 */
public record AccessReviewRowRepresentation(String user, boolean userEnabled, String accountId, String accountName,
                                            String permissionSet, String via, String group, String memberOf,
                                            String compositeRole, String managedBy, String notBefore, String notAfter,
                                            boolean heldNow) {

    /** The CSV columns, in order: the fields' names. */
    static final String[] COLUMNS = {"user", "userEnabled", "accountId", "accountName", "permissionSet", "via", "group", "memberOf",
            "compositeRole", "managedBy", "notBefore", "notAfter", "heldNow"};

    static AccessReviewRowRepresentation of(EffectiveAccess.Row row, AwsAccount account) {
        return new AccessReviewRowRepresentation(row.username(), row.enabled(), row.access().account().value(),
                account == null ? null : account.name(), row.access().permissionSet().value(), row.via().name().toLowerCase(Locale.ROOT),
                row.group(), row.memberOf(), row.composite(), row.managedBy(),
                row.window() == null ? null : row.window().notBeforeText(), row.window() == null ? null : row.window().notAfterText(),
                row.heldNow());
    }

    /** The values in {@link #COLUMNS} order; absent ones empty. */
    String[] values() {
        return new String[]{user, String.valueOf(userEnabled), accountId, accountName, permissionSet, via, group, memberOf,
                compositeRole, managedBy, notBefore, notAfter, String.valueOf(heldNow)};
    }
}
