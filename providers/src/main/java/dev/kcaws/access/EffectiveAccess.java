package dev.kcaws.access;

import dev.kcaws.access.ModelFormat.AccessName;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Who can reach which (account, permission set), and why: the one source of the access review
 * (admin API and export) and of the admin page's effective access. Pure: it works on the realm's
 * role mappings, composites, groups and memberships as read in bulk (see
 * {@code dev.kcaws.admin.AccessReviewReader}), and decides as Keycloak does
 * ({@link HeldRoles}): a user holds a role mapped to them, to a group they are a member of, or to
 * any parent of such a group; a composite brings what it contains, nested; a time-bound assignment
 * grants only inside its window.
 *
 * <p>One row per way a user reaches a pair: a user in two groups that both grant it has two rows.
 */
public final class EffectiveAccess {

    /** How a row's grant comes to the user. */
    public enum Via {
        /** The role (or a composite bringing it) is mapped to the user. */
        USER,
        /** The role (or a composite bringing it) is mapped to a group the user is in, or to its parent. */
        GROUP
    }

    /** A group as the review needs it: its path is built by the caller (Keycloak's escaping rules). */
    public record Group(String id, String path, String parentId) {
    }

    /** A person: {@code links} are the federation provider and identity providers the user is linked to, by id/alias. */
    public record Person(String id, String username, boolean enabled, Set<String> links) {
    }

    /** A role mapping: a group's or user's ({@code principalId}) mapping of {@code roleId}. */
    public record Mapping(String principalId, String roleId) {
    }

    /**
     * A user's direct membership of a group. {@code keptBy} names the user-storage provider that
     * reported it ({@code ldap:corp-ldap}: an LDAP group mapper in {@code READ_ONLY} or
     * {@code LDAP_ONLY} mode keeps memberships in LDAP, never in Keycloak's tables); null for one
     * read from Keycloak's tables.
     */
    public record Membership(String userId, String groupId, String keptBy) {
        public Membership(String userId, String groupId) {
            this(userId, groupId, null);
        }
    }

    /**
     * What keeps a group's memberships: an LDAP group mapper or an identity provider's group mapper.
     * {@code link} is what a managed member is linked to (the LDAP provider's component id, the
     * identity provider's alias); {@code label} names it in the review ({@code ldap:corp-ldap},
     * {@code idp:google}).
     */
    public record GroupSource(String link, String label) {
    }

    /** Everything the review reads, in bulk. Roles are by id; composites map a role to the roles it contains. */
    public record Realm(Map<String, AccessName> accessRoles,
                        Map<String, List<String>> composites,
                        Map<String, String> roleLabels,
                        Map<String, Group> groups,
                        List<Mapping> groupMappings,
                        List<Mapping> userMappings,
                        List<Membership> memberships,
                        Map<String, Person> people,
                        Map<String, List<GroupSource>> groupSources,
                        Function<AccessName, AccessWindows> windows) {
    }

    /**
     * One way one user reaches one pair. {@code group} is the group holding the mapping,
     * {@code memberOf} the user's own group when it is a sub-group of it (inherited); {@code composite}
     * the composite role the mapping is of (null when the access role itself is mapped);
     * {@code managedBy} what keeps the user's membership ({@link GroupSource#label()}), when Keycloak tells it.
     */
    public record Row(String userId, String username, boolean enabled, AccessName access, Via via, String group, String memberOf,
                      String composite, String managedBy, AccessWindow window, boolean heldNow) {
    }

    /**
     * The windows as Keycloak's login decides with them, from the model client's attributes: none
     * for an access without any, {@link AccessWindows#UNREADABLE} (nothing granted) for one that
     * cannot be read.
     */
    public static Function<AccessName, AccessWindows> windows(Map<String, String> modelClientAttributes) {
        Map<AccessName, AccessWindows> read = new HashMap<>();
        return name -> read.computeIfAbsent(name, n -> {
            String attribute = ModelFormat.windowAttribute(AccessKey.of(n.account().value(), n.permissionSet().value()));
            String value = modelClientAttributes.get(attribute);
            if (value == null) {
                return AccessWindows.NONE;
            }
            try {
                return ModelFormat.readWindows(attribute, value);
            } catch (RuntimeException e) {
                return AccessWindows.UNREADABLE;
            }
        });
    }

    private final Realm realm;
    private final long nowMillis;
    private final Map<String, Map<String, String>> reachCache = new HashMap<>();
    private final Map<String, List<String>> childGroups = new HashMap<>();

    private EffectiveAccess(Realm realm, long nowMillis) {
        this.realm = realm;
        this.nowMillis = nowMillis;
        realm.groups().values().forEach(g -> {
            if (g.parentId() != null) {
                childGroups.computeIfAbsent(g.parentId(), k -> new ArrayList<>()).add(g.id());
            }
        });
    }

    /** Every row, sorted by account, permission set, username, then user mappings before groups (by path). */
    public static List<Row> rows(Realm realm, long nowMillis) {
        return new EffectiveAccess(realm, nowMillis).compute();
    }

    private List<Row> compute() {
        List<Row> rows = new ArrayList<>();
        for (Mapping mapping : realm.userMappings()) {
            Person person = realm.people().get(mapping.principalId());
            if (person == null) {
                continue;
            }
            reach(mapping.roleId()).forEach((accessRole, composite) ->
                    rows.add(row(person, accessRole, composite, mapping.roleId(), Via.USER, null, null, null)));
        }
        Map<String, List<Membership>> membersByGroup = new HashMap<>();
        realm.memberships().forEach(m -> membersByGroup.computeIfAbsent(m.groupId(), k -> new ArrayList<>()).add(m));
        for (Mapping mapping : realm.groupMappings()) {
            Group holder = realm.groups().get(mapping.principalId());
            Map<String, String> reached = reach(mapping.roleId());
            if (holder == null || reached.isEmpty()) {
                continue;
            }
            for (String memberGroupId : subtree(holder.id())) {
                Group memberGroup = realm.groups().get(memberGroupId);
                for (Membership membership : membersByGroup.getOrDefault(memberGroupId, List.of())) {
                    Person person = realm.people().get(membership.userId());
                    if (person == null) {
                        continue;
                    }
                    String memberOf = memberGroupId.equals(holder.id()) ? null : memberGroup.path();
                    String managedBy = membership.keptBy() != null ? membership.keptBy() : managedBy(person, memberGroupId);
                    reached.forEach((accessRole, composite) ->
                            rows.add(row(person, accessRole, composite, mapping.roleId(), Via.GROUP, holder, memberOf, managedBy)));
                }
            }
        }
        rows.sort(ORDER);
        return rows;
    }

    private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());

    static final Comparator<Row> ORDER = Comparator.comparing((Row r) -> r.access().account().value())
            .thenComparing(r -> r.access().permissionSet().value())
            .thenComparing(Row::username)
            .thenComparing(Row::via)
            .thenComparing(Row::group, NULLS_FIRST)
            .thenComparing(Row::memberOf, NULLS_FIRST)
            .thenComparing(Row::composite, NULLS_FIRST);

    private Row row(Person person, String accessRoleId, String composite, String mappedRoleId, Via via, Group holder, String memberOf,
                    String managedBy) {
        AccessName access = realm.accessRoles().get(accessRoleId);
        // A window belongs to a mapping of an access role; a composite's mapping has none.
        AccessName mappedAccess = realm.accessRoles().get(mappedRoleId);
        AccessWindow window = null;
        boolean held = true;
        if (mappedAccess != null) {
            AccessWindows windows = realm.windows().apply(mappedAccess);
            if (windows == AccessWindows.UNREADABLE) {
                held = false;
            } else if (windows != null) {
                window = via == Via.USER ? windows.ofUser(person.id()) : windows.ofGroup(holder.id());
                held = window == null || window.contains(nowMillis);
            }
        }
        return new Row(person.id(), person.username(), person.enabled(), access, via, holder == null ? null : holder.path(), memberOf,
                composite, managedBy, window, held);
    }

    /**
     * The access roles a mapped role brings, each with the composite it comes through (null: the
     * access role itself is mapped). A role brought both ways counts as mapped itself.
     */
    private Map<String, String> reach(String roleId) {
        return reachCache.computeIfAbsent(roleId, id -> {
            Map<String, String> reached = new LinkedHashMap<>();
            if (realm.accessRoles().containsKey(id)) {
                reached.put(id, null);
            }
            String label = realm.roleLabels().getOrDefault(id, id);
            Set<String> seen = new HashSet<>(Set.of(id));
            Deque<String> todo = new ArrayDeque<>(realm.composites().getOrDefault(id, List.of()));
            while (!todo.isEmpty()) {
                String child = todo.pop();
                if (seen.add(child)) {
                    if (realm.accessRoles().containsKey(child)) {
                        reached.putIfAbsent(child, label);
                    }
                    todo.addAll(realm.composites().getOrDefault(child, List.of()));
                }
            }
            return reached;
        });
    }

    /** The group and all its sub-groups: their members inherit its roles, as Keycloak counts them. */
    private List<String> subtree(String groupId) {
        List<String> all = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(groupId));
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (seen.add(id)) {
                all.add(id);
                todo.addAll(childGroups.getOrDefault(id, List.of()));
            }
        }
        return all;
    }

    /** The first source of the member's group (or of a parent of it) the user is linked to. */
    private String managedBy(Person person, String groupId) {
        Set<String> seen = new HashSet<>();
        for (Group g = realm.groups().get(groupId); g != null && seen.add(g.id()); g = g.parentId() == null ? null : realm.groups().get(g.parentId())) {
            for (GroupSource source : realm.groupSources().getOrDefault(g.id(), List.of())) {
                if (person.links().contains(source.link())) {
                    return source.label();
                }
            }
        }
        return null;
    }
}
