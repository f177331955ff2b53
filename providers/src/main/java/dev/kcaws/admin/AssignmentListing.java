package dev.kcaws.admin;

import dev.kcaws.access.AccessStore;
import dev.kcaws.access.ModelFormat;
import dev.kcaws.access.ModelFormat.AccessName;
import dev.kcaws.aws.AccountId;
import dev.kcaws.aws.PermissionSetName;
import dev.kcaws.keycloak.RoleMappingQueries;
import dev.kcaws.keycloak.RoleMappingQueries.GroupRow;
import dev.kcaws.keycloak.RoleMappingQueries.Mapping;
import dev.kcaws.keycloak.RoleMappingQueries.RoleCount;
import dev.kcaws.keycloak.RoleMappingQueries.RoleNames;
import org.keycloak.models.ClientModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One page of {@code GET assignments}: the access roles' group and user mappings in the order
 * account, permission set, then the set's groups (by path) before its users (by username), paged
 * in the database. Costs a fixed handful of queries whatever the number of roles: the mappings
 * counted per role (one query per kind), then only the page's groups (with their ancestors, for
 * the paths) and usernames fetched.
 *
 * <p>Where an admin's view permission plugs in: the users are already filtered in the database as
 * Keycloak's own role-members list filters them (see {@link RoleMappingQueries#userCounts}); a
 * filter of the groups an admin may view belongs in {@link RoleMappingQueries#groupCounts} and
 * {@link RoleMappingQueries#groupsOf} alike, so that counts and pages agree.
 */
final class AssignmentListing {


    private enum Kind { GROUPS, USERS }

    /** The rows of one kind of one role: {@code [offset, offset + count)} in the whole listing. */
    private record Block(AccessName access, String roleId, Kind kind, long count) {
    }

    /** The part {@code [from, to)} of a block that falls on the page. */
    private record Slice(Block block, int from, int to) {
        boolean whole() {
            return from == 0 && to == block.count();
        }
    }

    private final KeycloakSession session;
    private final RealmModel realm;

    AssignmentListing(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /**
     * The page; each filter may be null. A filter that names no existing group, user, or no valid
     * account or set matches nothing (an empty page, as before).
     */
    List<AssignmentRepresentation> page(String accountId, String permissionSet, String group, String user, int first, int max) {
        ClientModel modelClient = realm.getClientByClientId(ModelFormat.MODEL_CLIENT_ID);
        if (modelClient == null || (group != null && user != null)
                || (accountId != null && !AccountId.isValid(accountId))
                || (permissionSet != null && !PermissionSetName.isValid(permissionSet))) {
            return List.of();
        }
        RoleMappingQueries queries = RoleMappingQueries.of(session, realm, modelClient);
        String groupId = null;
        if (group != null) {
            Optional<String> id = groupIdByPath(group.startsWith("/") ? group : "/" + group);
            if (id.isEmpty()) {
                return List.of();
            }
            groupId = id.get();
        }
        String userId = null;
        if (user != null) {
            Optional<String> id = queries.userIdByUsername(user);
            if (id.isEmpty()) {
                return List.of();
            }
            userId = id.get();
        }

        RoleNames names = accountId != null && permissionSet != null ? RoleNames.exactly(ModelFormat.accessRoleName(accountId, permissionSet))
                : RoleNames.startingWith(ModelFormat.ACCESS_PREFIX + (accountId == null ? "" : accountId + ":"));
        List<RoleCount> groupCounts = user == null ? queries.groupCounts(names, groupId) : List.of();
        List<RoleCount> userCounts = group == null ? queries.userCounts(names, userId) : List.of();

        List<Slice> slices = slices(blocks(groupCounts, userCounts, accountId, permissionSet), first, max);
        Map<Slice, List<String>> principals = new HashMap<>();
        fetchGroupPaths(queries, slices, groupId, principals);
        fetchUsernames(queries, slices, userId, principals);

        List<AssignmentRepresentation> page = new ArrayList<>();
        for (Slice slice : slices) {
            String account = slice.block().access().account().value();
            String set = slice.block().access().permissionSet().value();
            for (String principal : principals.getOrDefault(slice, List.of())) {
                page.add(slice.block().kind() == Kind.GROUPS ? new AssignmentRepresentation(principal, null, account, set, null, null)
                        : new AssignmentRepresentation(null, principal, account, set, null, null));
            }
        }
        return page;
    }

    /** The group with exactly this path, as {@code GET assignments} has always compared paths. */
    private Optional<String> groupIdByPath(String path) {
        GroupModel group = KeycloakModelUtils.findGroupByPath(session, realm, path);
        return group != null && path.equals(KeycloakModelUtils.buildGroupPath(group)) ? Optional.of(group.getId()) : Optional.empty();
    }

    /** The non-empty blocks in listing order: by account, then set, a role's groups before its users. */
    private static List<Block> blocks(List<RoleCount> groupCounts, List<RoleCount> userCounts, String accountId, String permissionSet) {
        Map<String, AccessName> accessByRole = new HashMap<>();
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (int kind = 0; kind < 2; kind++) {
            for (RoleCount count : kind == 0 ? groupCounts : userCounts) {
                AccessName access = accessByRole.computeIfAbsent(count.roleId(), id -> AccessStore.accessNameOrNull(count.roleName()));
                if (access == null || (accountId != null && !accountId.equals(access.account().value()))
                        || (permissionSet != null && !permissionSet.equals(access.permissionSet().value()))) {
                    continue;
                }
                counts.computeIfAbsent(count.roleId(), id -> new long[2])[kind] = count.count();
            }
        }
        List<String> roles = new ArrayList<>(counts.keySet());
        roles.sort(Comparator.comparing((String id) -> accessByRole.get(id).account().value())
                .thenComparing(id -> accessByRole.get(id).permissionSet().value()));
        List<Block> blocks = new ArrayList<>();
        for (String role : roles) {
            long[] c = counts.get(role);
            if (c[0] > 0) {
                blocks.add(new Block(accessByRole.get(role), role, Kind.GROUPS, c[0]));
            }
            if (c[1] > 0) {
                blocks.add(new Block(accessByRole.get(role), role, Kind.USERS, c[1]));
            }
        }
        return blocks;
    }


    /** The parts of the blocks that fall on rows {@code [first, first + max)}. */
    private static List<Slice> slices(List<Block> blocks, int first, int max) {
        long start = first;
        long end = (long) first + max;
        long offset = 0;
        List<Slice> slices = new ArrayList<>();
        for (Block block : blocks) {
            long blockEnd = offset + block.count();
            if (blockEnd > start && offset < end) {
                slices.add(new Slice(block, (int) (Math.max(start, offset) - offset), (int) (Math.min(end, blockEnd) - offset)));
            }
            if (blockEnd >= end) {
                break;
            }
            offset = blockEnd;
        }
        return slices;
    }

    /**
     * The group paths of the page: every group of the page's roles (a role has at most as many as
     * the realm has groups), their ancestors, then each role's paths sorted and cut to its slice.
     */
    private void fetchGroupPaths(RoleMappingQueries queries, List<Slice> slices, String groupId, Map<Slice, List<String>> out) {
        List<Slice> groupSlices = slices.stream().filter(s -> s.block().kind() == Kind.GROUPS).toList();
        if (groupSlices.isEmpty()) {
            return;
        }
        List<Mapping<GroupRow>> mappings = queries.groupsOf(groupSlices.stream().map(s -> s.block().roleId()).toList(), groupId);
        GroupPaths paths = new GroupPaths(session, realm, queries.withAncestors(mappings.stream().map(Mapping::principal).toList()));
        Map<String, List<String>> byRole = new HashMap<>();
        mappings.forEach(m -> byRole.computeIfAbsent(m.roleId(), k -> new ArrayList<>()).add(paths.of(m.principal())));
        for (Slice slice : groupSlices) {
            List<String> sorted = byRole.getOrDefault(slice.block().roleId(), List.of()).stream().sorted().toList();
            out.put(slice, cut(sorted, slice));
        }
    }

    /** The usernames of the page: whole blocks in one query, a block cut by the page's edge paged in the database. */
    private static void fetchUsernames(RoleMappingQueries queries, List<Slice> slices, String userId, Map<Slice, List<String>> out) {
        List<Slice> whole = new ArrayList<>();
        for (Slice slice : slices) {
            if (slice.block().kind() != Kind.USERS) {
                continue;
            }
            if (slice.whole()) {
                whole.add(slice);
            } else {
                out.put(slice, queries.usernamesOf(List.of(slice.block().roleId()), userId, slice.from(), slice.to() - slice.from())
                        .stream().map(Mapping::principal).toList());
            }
        }
        if (whole.isEmpty()) {
            return;
        }
        Map<String, List<String>> byRole = new HashMap<>();
        queries.usernamesOf(whole.stream().map(s -> s.block().roleId()).toList(), userId, 0, -1)
                .forEach(m -> byRole.computeIfAbsent(m.roleId(), k -> new ArrayList<>()).add(m.principal()));
        // A mapping added since the count would make a block longer than counted: the page keeps its size.
        whole.forEach(slice -> out.put(slice, cut(byRole.getOrDefault(slice.block().roleId(), List.of()), slice)));
    }

    private static List<String> cut(List<String> sorted, Slice slice) {
        return sorted.subList(Math.min(slice.from(), sorted.size()), Math.min(slice.to(), sorted.size()));
    }
}
