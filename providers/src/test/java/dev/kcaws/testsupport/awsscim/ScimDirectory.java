package dev.kcaws.testsupport.awsscim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The fake's Identity Center directory: users, groups and memberships. userName and displayName
 * are unique ignoring case (inferred: Identity Center treats them as case-insensitive names).
 * Not thread-safe by itself; the server serialises access.
 */
public final class ScimDirectory {
    private final Map<String, ObjectNode> users = new LinkedHashMap<>();
    private final Map<String, ObjectNode> groups = new LinkedHashMap<>();
    private final Map<String, Set<String>> members = new LinkedHashMap<>();

    static String newId() {
        return "9067729b3d-" + UUID.randomUUID();
    }

    synchronized ObjectNode addUser(JsonNode document) {
        String userName = document.get("userName").asText();
        if (userByUserName(userName).isPresent()) {
            throw new ScimRejection(ScimRule.CONFLICT_ON_EXISTING, "Duplicate userName: a user with this userName already exists");
        }
        ObjectNode user = document.deepCopy();
        String id = newId();
        user.put("id", id);
        user.putObject("meta").put("resourceType", "User");
        users.put(id, user);
        return user;
    }

    synchronized ObjectNode replaceUser(String id, JsonNode document) {
        ObjectNode existing = user(id);
        Optional<ObjectNode> clash = userByUserName(document.get("userName").asText());
        if (clash.isPresent() && !clash.get().get("id").asText().equals(id)) {
            throw new ScimRejection(ScimRule.CONFLICT_ON_EXISTING, "Duplicate userName");
        }
        ObjectNode user = document.deepCopy();
        user.put("id", id);
        user.set("meta", existing.get("meta"));
        users.put(id, user);
        return user;
    }

    synchronized void patchUser(String id, JsonNode operations) {
        ObjectNode user = user(id);
        for (JsonNode op : operations) {
            String kind = op.path("op").asText().toLowerCase(Locale.ROOT);
            String path = op.path("path").asText(null);
            if (path == null) {
                op.get("value").fields().forEachRemaining(e -> user.set(e.getKey(), e.getValue()));
            } else {
                // "name.givenName" addresses a sub-attribute; the rules already refused anything else odd.
                int dot = path.startsWith("urn:") ? -1 : path.indexOf('.');
                ObjectNode parent = dot < 0 ? user : user.with(path.substring(0, dot));
                String field = dot < 0 ? path : path.substring(dot + 1);
                if (kind.equals("remove")) {
                    parent.remove(field);
                } else {
                    parent.set(field, op.get("value"));
                }
            }
        }
        UserDocumentRules.checkMultiValued(user);
    }

    synchronized void deleteUser(String id) {
        user(id);
        users.remove(id);
        members.values().forEach(set -> set.remove(id));
    }

    synchronized ObjectNode user(String id) {
        ObjectNode user = users.get(id);
        if (user == null) {
            throw new ScimRejection(ScimRule.RESOURCE_EXISTS, "User " + id + " does not exist");
        }
        return user;
    }

    public synchronized Optional<ObjectNode> userByUserName(String userName) {
        return users.values().stream()
                .filter(u -> u.path("userName").asText().equalsIgnoreCase(userName)).findFirst();
    }

    synchronized ObjectNode addGroup(JsonNode document) {
        String name = document.get("displayName").asText();
        if (groupByDisplayName(name).isPresent()) {
            throw new ScimRejection(ScimRule.CONFLICT_ON_EXISTING, "Duplicate displayName: a group with this displayName already exists");
        }
        List<String> initial = new ArrayList<>();
        document.path("members").forEach(m -> initial.add(m.path("value").asText()));
        initial.forEach(this::requireUser);
        ObjectNode group = document.deepCopy();
        group.remove("members");
        String id = newId();
        group.put("id", id);
        group.putObject("meta").put("resourceType", "Group");
        groups.put(id, group);
        members.put(id, new LinkedHashSet<>(initial));
        return group;
    }

    synchronized void patchGroup(String id, GroupDocumentRules.GroupPatch patch) {
        ObjectNode group = group(id);
        patch.changes().forEach(change -> requireUser(change.userId()));
        if (patch.displayName() != null) {
            Optional<ObjectNode> clash = groupByDisplayName(patch.displayName());
            if (clash.isPresent() && !clash.get().get("id").asText().equals(id)) {
                throw new ScimRejection(ScimRule.CONFLICT_ON_EXISTING, "Duplicate displayName");
            }
            group.put("displayName", patch.displayName());
        }
        if (patch.externalId() != null) {
            group.put("externalId", patch.externalId());
        }
        Set<String> set = members.get(id);
        for (GroupDocumentRules.MemberChange change : patch.changes()) {
            if (change.add()) {
                set.add(change.userId());
            } else {
                set.remove(change.userId());
            }
        }
    }

    synchronized void deleteGroup(String id) {
        group(id);
        groups.remove(id);
        members.remove(id);
    }

    synchronized ObjectNode group(String id) {
        ObjectNode group = groups.get(id);
        if (group == null) {
            throw new ScimRejection(ScimRule.RESOURCE_EXISTS, "Group " + id + " does not exist");
        }
        return group;
    }

    public synchronized Optional<ObjectNode> groupByDisplayName(String displayName) {
        return groups.values().stream()
                .filter(g -> g.path("displayName").asText().equalsIgnoreCase(displayName)).findFirst();
    }

    /** Member user IDs of a group (the test's view; AWS's GetGroup does not return them). */
    public synchronized Set<String> membersOf(String groupId) {
        return Set.copyOf(members.getOrDefault(groupId, Set.of()));
    }

    /** Every user's ID and userName (a benchmark checks thousands of memberships without a scan per user). */
    public synchronized Map<String, String> userNamesById() {
        Map<String, String> names = new HashMap<>();
        users.forEach((id, user) -> names.put(id, user.path("userName").asText()));
        return names;
    }

    public synchronized int userCount() {
        return users.size();
    }

    public synchronized int groupCount() {
        return groups.size();
    }

    synchronized List<ObjectNode> users() {
        return new ArrayList<>(users.values());
    }

    synchronized List<ObjectNode> groups() {
        return new ArrayList<>(groups.values());
    }

    synchronized boolean isMember(String groupId, String userId) {
        return members.getOrDefault(groupId, Set.of()).contains(userId);
    }

    private void requireUser(String id) {
        if (!users.containsKey(id)) {
            throw new ScimRejection(ScimRule.MEMBER_MUST_EXIST, "Member " + id + " is not a user of this directory");
        }
    }
}
