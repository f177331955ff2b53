package dev.kcaws.admin;

import java.util.List;

/** The access review as JSON: the realm, when it was made (ISO-8601, UTC), the filters applied, and the rows. */
public record AccessReviewRepresentation(String realm, String generatedAt, String accountId, String permissionSet, String user,
                                         List<AccessReviewRowRepresentation> rows) {
}
