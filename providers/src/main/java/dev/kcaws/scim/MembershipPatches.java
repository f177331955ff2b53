package dev.kcaws.scim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a membership change of any size into PatchGroup bodies Identity Center accepts: one
 * {@code add} of {@code members} with the values to add, and the members to remove named in the
 * form {@link MemberRemoval} chooses (a {@code value} list, or one filter path per member); at
 * most {@value #MAX_CHANGES} membership changes per request. Never {@code replace}, and never a
 * {@code remove} of {@code members} with neither a value list nor a filter (remove-all, which
 * AWS refuses).
 */
public final class MembershipPatches {
    /** PatchGroup's limit of membership changes in a single request. */
    public static final int MAX_CHANGES = 100;

    private MembershipPatches() {
    }

    /**
     * @param add    user IDs (Identity Center's) to add
     * @param remove user IDs to remove; an ID in both is dropped from both (no net change)
     * @return the request bodies in order, empty when nothing changes
     */
    public static List<ObjectNode> bodies(Collection<String> add, Collection<String> remove) {
        return bodies(add, remove, MemberRemoval.VALUE_LIST);
    }

    /** As {@link #bodies(Collection, Collection)}, removing in the given form. */
    public static List<ObjectNode> bodies(Collection<String> add, Collection<String> remove, MemberRemoval removal) {
        Set<String> adds = new LinkedHashSet<>(add);
        Set<String> removes = new LinkedHashSet<>(remove);
        Set<String> both = new LinkedHashSet<>(adds);
        both.retainAll(removes);
        adds.removeAll(both);
        removes.removeAll(both);

        List<String[]> changes = new ArrayList<>();
        adds.forEach(id -> changes.add(new String[]{"add", id}));
        removes.forEach(id -> changes.add(new String[]{"remove", id}));

        List<ObjectNode> bodies = new ArrayList<>();
        for (int from = 0; from < changes.size(); from += MAX_CHANGES) {
            List<String[]> batch = changes.subList(from, Math.min(changes.size(), from + MAX_CHANGES));
            ObjectNode body = ScimJson.object();
            body.putArray("schemas").add(ScimJson.PATCH_OP_SCHEMA);
            ArrayNode operations = body.putArray("Operations");
            ArrayNode addValues = null;
            ArrayNode removeValues = null;
            for (String[] change : batch) {
                if (change[0].equals("add")) {
                    if (addValues == null) {
                        ObjectNode addMembers = operations.addObject();
                        addMembers.put("op", "add").put("path", "members");
                        addValues = addMembers.putArray("value");
                    }
                    addValues.addObject().put("value", change[1]);
                } else if (removal == MemberRemoval.FILTER_PATH) {
                    operations.addObject().put("op", "remove").put("path", "members[" + ScimFilter.eq("value", change[1]) + "]");
                } else {
                    if (removeValues == null) {
                        ObjectNode removeMembers = operations.addObject();
                        removeMembers.put("op", "remove").put("path", "members");
                        removeValues = removeMembers.putArray("value");
                    }
                    removeValues.addObject().put("value", change[1]);
                }
            }
            bodies.add(body);
        }
        return bodies;
    }

    /** The body of a rename: {@code replace displayName}, allowed (only members may not be replaced). */
    public static ObjectNode rename(String displayName) {
        String name = ScimUserDocument.clean(displayName);
        if (name == null) {
            throw new ScimInputException("displayName", "the group has no name");
        }
        ObjectNode body = ScimJson.object();
        body.putArray("schemas").add(ScimJson.PATCH_OP_SCHEMA);
        body.putArray("Operations").addObject().put("op", "replace").put("path", "displayName").put("value", name);
        return body;
    }

}
