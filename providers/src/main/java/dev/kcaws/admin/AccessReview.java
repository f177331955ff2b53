package dev.kcaws.admin;

import dev.kcaws.access.AccessStore;
import dev.kcaws.access.AwsAccount;
import dev.kcaws.access.EffectiveAccess;
import dev.kcaws.access.EffectiveAccess.Group;
import dev.kcaws.access.EffectiveAccess.GroupSource;
import dev.kcaws.access.EffectiveAccess.Mapping;
import dev.kcaws.access.EffectiveAccess.Membership;
import dev.kcaws.access.EffectiveAccess.Person;
import dev.kcaws.access.ModelFormat;
import dev.kcaws.access.ModelFormat.AccessName;
import dev.kcaws.access.PermissionSet;
import dev.kcaws.access.StorageGroupMembers;
import dev.kcaws.aws.AccountId;
import dev.kcaws.aws.PermissionSetName;
import dev.kcaws.keycloak.AccessReviewQueries;
import dev.kcaws.keycloak.AccessReviewQueries.Link;
import dev.kcaws.keycloak.AccessReviewQueries.RoleRow;
import dev.kcaws.keycloak.AccessReviewQueries.UserRow;
import dev.kcaws.keycloak.RoleMappingQueries;
import dev.kcaws.keycloak.RoleMappingQueries.GroupRow;
import org.keycloak.common.util.Time;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The access review of a realm: {@link EffectiveAccess} over the realm's mappings read in bulk
 * ({@link AccessReviewQueries}), as representation rows, for the users the admin may view. Costs a
 * fixed number of queries (access roles, composite edges, the composites' names, group mappings,
 * user mappings), one per level of the mapped groups' sub-group trees and of their ancestors, and
 * one per 1,000 groups for the members (plus one per 1,000 users for identity-provider links when an
 * identity provider keeps a group); then work in memory proportional to the rows.
 */
final class AccessReview {

    static final String LDAP_MAPPER_TYPE = "org.keycloak.storage.ldap.mappers.LDAPStorageMapper";
    static final String LDAP_GROUP_MAPPER = "group-ldap-mapper";
    static final String LDAP_GROUPS_PATH = "groups.path";
    static final String IDP_MAPPER_GROUP = "group";

    private final KeycloakSession session;
    private final RealmModel realm;

    AccessReview(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** The rows, for one account and/or one permission set when given (both already valid names of existing ones). */
    List<AccessReviewRowRepresentation> rows(AccountId account, PermissionSetName set, AssignmentVisibility visibility) {
        return rows(account, set, null, visibility);
    }

    /** As above, for one user (by ID) when {@code userId} is not null. */
    List<AccessReviewRowRepresentation> rows(AccountId account, PermissionSetName set, String userId, AssignmentVisibility visibility) {
        AccessStore store = AccessStore.of(realm);
        ClientModel modelClient = realm.getClientByClientId(ModelFormat.MODEL_CLIENT_ID);
        if (modelClient == null) {
            return List.of();
        }
        Map<String, AwsAccount> accounts = new HashMap<>();
        store.accounts().forEach(a -> accounts.put(a.id().value(), a));
        Set<String> sets = new HashSet<>();
        store.permissionSets().stream().map(PermissionSet::name).map(PermissionSetName::value).forEach(sets::add);

        AccessReviewQueries queries = AccessReviewQueries.of(session, realm, modelClient);
        Map<String, AccessName> accessRoles = new HashMap<>();
        for (RoleRow role : queries.clientRoles(ModelFormat.ACCESS_PREFIX + (account == null ? "" : account.value() + ":"))) {
            AccessName name = AccessStore.accessNameOrNull(role.name());
            // A pair whose account or set is gone is reached by no login.
            if (name != null && accounts.containsKey(name.account().value()) && sets.contains(name.permissionSet().value())
                    && (set == null || set.equals(name.permissionSet()))) {
                accessRoles.put(role.id(), name);
            }
        }
        if (accessRoles.isEmpty()) {
            return List.of();
        }

        Map<String, List<String>> composites = queries.compositeEdges();
        Set<String> relevant = withCompositesContaining(accessRoles.keySet(), composites);
        Map<String, String> labels = compositeLabels(queries, relevant, accessRoles.keySet());

        List<Link<GroupRow>> groupLinks = queries.groupMappings(relevant);
        List<Link<UserRow>> userLinks = queries.userMappings(relevant);
        Map<String, GroupRow> memberGroups = queries.withDescendants(groupLinks.stream().map(Link::principal).toList());
        List<Link<UserRow>> members = queries.members(memberGroups.keySet());
        Map<String, GroupRow> withAncestors = RoleMappingQueries.of(session, realm, modelClient).withAncestors(memberGroups.values());
        GroupPaths paths = new GroupPaths(session, realm, withAncestors);
        Map<String, Group> groups = new HashMap<>();
        withAncestors.values().forEach(g -> groups.put(g.id(), new Group(g.id(), paths.of(g), g.parentId())));

        Map<String, List<GroupSource>> sources = groupSources(groups);
        Map<String, UserRow> users = new HashMap<>();
        userLinks.forEach(l -> users.put(l.principal().id(), l.principal()));
        members.forEach(l -> users.put(l.principal().id(), l.principal()));
        List<Membership> memberships = new ArrayList<>();
        members.forEach(l -> memberships.add(new Membership(l.principal().id(), l.roleOrGroupId())));
        storageMembers(memberGroups.keySet(), users, memberships);
        boolean idpKeepsGroups = sources.values().stream().flatMap(List::stream).anyMatch(s -> s.label().startsWith("idp:"));
        Map<String, Set<String>> idpLinks = idpKeepsGroups ? queries.identityProviderLinks(users.keySet()) : Map.of();
        Map<String, Person> people = new HashMap<>();
        users.values().forEach(u -> {
            Set<String> links = new HashSet<>(idpLinks.getOrDefault(u.id(), Set.of()));
            if (u.federationLink() != null) {
                links.add(u.federationLink());
            }
            people.put(u.id(), new Person(u.id(), u.username(), u.enabled(), links));
        });

        EffectiveAccess.Realm input = new EffectiveAccess.Realm(accessRoles, composites, labels, groups,
                groupLinks.stream().map(l -> new Mapping(l.principal().id(), l.roleOrGroupId())).toList(),
                userLinks.stream().map(l -> new Mapping(l.principal().id(), l.roleOrGroupId())).toList(),
                memberships,
                people, sources, EffectiveAccess.windows(modelClient.getAttributes()));

        Map<String, Boolean> visible = new HashMap<>();
        List<AccessReviewRowRepresentation> rows = new ArrayList<>();
        for (EffectiveAccess.Row row : EffectiveAccess.rows(input, Time.currentTimeMillis())) {
            if ((userId == null || userId.equals(row.userId())) && visible.computeIfAbsent(row.userId(), visibility::userVisible)) {
                rows.add(AccessReviewRowRepresentation.of(row, accounts.get(row.access().account().value())));
            }
        }
        return rows;
    }

    /**
     * Adds the memberships the user-storage providers keep themselves (LDAP group mappers in
     * {@code READ_ONLY} or {@code LDAP_ONLY} mode), each marked with its provider, and their users:
     * a login grants these roles, so the review lists them. One request per provider and group,
     * only in a realm with a provider. A membership also in Keycloak's tables is listed once, as the
     * provider's.
     */
    private void storageMembers(Set<String> groupIds, Map<String, UserRow> users, List<Membership> memberships) {
        Set<String> seen = new HashSet<>();
        List<Membership> reported = new ArrayList<>();
        StorageGroupMembers.of(session, realm).forEachMember(groupIds, (groupId, user, label) -> {
            if (seen.add(user.getId() + "\n" + groupId)) {
                reported.add(new Membership(user.getId(), groupId, label));
                users.putIfAbsent(user.getId(), new UserRow(user.getId(), user.getUsername(), user.isEnabled(), user.getFederationLink()));
            }
        });
        memberships.removeIf(m -> seen.contains(m.userId() + "\n" + m.groupId()));
        memberships.addAll(reported);
    }

    /** The access roles and every role that contains one of them, at any depth. */
    private static Set<String> withCompositesContaining(Set<String> accessRoles, Map<String, List<String>> composites) {
        Map<String, List<String>> parents = new HashMap<>();
        composites.forEach((parent, children) -> children.forEach(c -> parents.computeIfAbsent(c, k -> new ArrayList<>()).add(parent)));
        Set<String> all = new HashSet<>(accessRoles);
        Deque<String> todo = new ArrayDeque<>(accessRoles);
        while (!todo.isEmpty()) {
            for (String parent : parents.getOrDefault(todo.pop(), List.of())) {
                if (all.add(parent)) {
                    todo.push(parent);
                }
            }
        }
        return all;
    }

    /** A composite's name as the review shows it: a realm role's name, a client role as {@code <clientId>/<role>}. */
    private Map<String, String> compositeLabels(AccessReviewQueries queries, Set<String> relevant, Set<String> accessRoles) {
        Set<String> composites = new HashSet<>(relevant);
        composites.removeAll(accessRoles);
        Map<String, String> labels = new HashMap<>();
        Map<String, String> clientIds = new HashMap<>();
        for (RoleRow role : queries.roles(composites)) {
            if (role.clientId() == null) {
                labels.put(role.id(), role.name());
            } else {
                String clientId = clientIds.computeIfAbsent(role.clientId(), id -> {
                    ClientModel client = realm.getClientById(id);
                    return client == null ? id : client.getClientId();
                });
                labels.put(role.id(), clientId + "/" + role.name());
            }
        }
        return labels;
    }

    /**
     * What keeps the memberships of which groups, as far as Keycloak's configuration tells: an LDAP
     * provider's group mapper imports its groups under its groups path (the provider's users are
     * linked to it by their federation link); an identity provider's mapper with a {@code group}
     * setting adds its users (linked to it by their identity-provider link) to that group.
     */
    private Map<String, List<GroupSource>> groupSources(Map<String, Group> groups) {
        Map<String, List<GroupSource>> sources = new HashMap<>();
        realm.getComponentsStream().filter(c -> LDAP_MAPPER_TYPE.equals(c.getProviderType()) && LDAP_GROUP_MAPPER.equals(c.getProviderId()))
                .forEach(mapper -> {
                    ComponentModel provider = realm.getComponent(mapper.getParentId());
                    GroupSource source = new GroupSource(mapper.getParentId(), "ldap:" + (provider == null ? mapper.getParentId() : provider.getName()));
                    String path = mapper.get(LDAP_GROUPS_PATH, "/");
                    if (path == null || path.isBlank() || path.equals("/")) {
                        groups.values().stream().filter(g -> g.parentId() == null)
                                .forEach(g -> sources.computeIfAbsent(g.id(), k -> new ArrayList<>()).add(source));
                    } else {
                        addToGroup(sources, path, source);
                    }
                });
        session.identityProviders().getMappersStream().forEach(mapper -> {
            String path = mapper.getConfig() == null ? null : mapper.getConfig().get(IDP_MAPPER_GROUP);
            if (path != null && !path.isBlank()) {
                addToGroup(sources, path, new GroupSource(mapper.getIdentityProviderAlias(), "idp:" + mapper.getIdentityProviderAlias()));
            }
        });
        return sources;
    }

    private void addToGroup(Map<String, List<GroupSource>> sources, String path, GroupSource source) {
        GroupModel group = KeycloakModelUtils.findGroupByPath(session, realm, path.startsWith("/") ? path : "/" + path);
        if (group != null) {
            sources.computeIfAbsent(group.getId(), k -> new ArrayList<>()).add(source);
        }
    }
}
