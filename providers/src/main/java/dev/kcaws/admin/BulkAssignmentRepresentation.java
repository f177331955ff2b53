package dev.kcaws.admin;

import java.util.List;

/**
 * Many principals × many accounts × many permission sets, granted in one all-or-nothing call; the
 * optional window ({@code notBefore}, {@code notAfter}) is given to every one of these grants.
 */
public record BulkAssignmentRepresentation(List<String> groups, List<String> users, List<String> accountIds, List<String> permissionSets,
                                           String notBefore, String notAfter) {

    List<String> groupsOrEmpty() {
        return groups == null ? List.of() : groups;
    }

    List<String> usersOrEmpty() {
        return users == null ? List.of() : users;
    }

    List<String> accountIdsOrEmpty() {
        return accountIds == null ? List.of() : accountIds;
    }

    List<String> permissionSetsOrEmpty() {
        return permissionSets == null ? List.of() : permissionSets;
    }
}
