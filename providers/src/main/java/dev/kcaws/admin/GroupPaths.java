package dev.kcaws.admin;

import dev.kcaws.keycloak.RoleMappingQueries.GroupRow;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Group paths ({@code /parent/child}) built from stored groups loaded with their ancestors, the way
 * Keycloak builds them (its setting for escaping {@code /} in names included), without a query per
 * group. An organization's group (rare here) is left to Keycloak's own path rule.
 */
final class GroupPaths {

    private static final int REALM_GROUP = 0;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final Map<String, GroupRow> groups;
    private final boolean escapeSlashes;
    private final Map<String, String> built = new HashMap<>();

    GroupPaths(KeycloakSession session, RealmModel realm, Map<String, GroupRow> groupsWithAncestors) {
        this.session = session;
        this.realm = realm;
        this.groups = groupsWithAncestors;
        this.escapeSlashes = KeycloakModelUtils.escapeSlashesInGroupPath(session);
    }

    String of(GroupRow group) {
        return built.computeIfAbsent(group.id(), id -> build(group));
    }

    private String build(GroupRow group) {
        List<String> names = new ArrayList<>();
        for (GroupRow g = group; g != null; g = g.parentId() == null ? null : groups.get(g.parentId())) {
            if (g.type() != REALM_GROUP) {
                GroupModel model = session.groups().getGroupById(realm, group.id());
                if (model != null) {
                    return KeycloakModelUtils.buildGroupPath(model);
                }
                names.add(g.name()); // deleted meanwhile: its name at least
                break;
            }
            names.add(g.name());
        }
        Collections.reverse(names);
        return KeycloakModelUtils.buildGroupPath(escapeSlashes, names.toArray(String[]::new));
    }
}
