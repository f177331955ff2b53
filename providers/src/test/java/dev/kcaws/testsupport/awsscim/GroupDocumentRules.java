package dev.kcaws.testsupport.awsscim;

import static dev.kcaws.testsupport.awsscim.ScimRejection.require;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** CreateGroup and PatchGroup rules of AWS's guide. */
final class GroupDocumentRules {
    static final int MAX_MEMBERS_PER_REQUEST = 100;
    private static final Set<String> PATCHABLE = Set.of("displayname", "members", "externalid");
    private static final Pattern MEMBER_PATH = Pattern.compile("members\\[value eq \"([^\"]+)\"\\]", Pattern.CASE_INSENSITIVE);

    /** One membership change of a PatchGroup request. */
    record MemberChange(boolean add, String userId) {
    }

    /** A checked PatchGroup request: membership changes and attribute replacements. */
    record GroupPatch(List<MemberChange> changes, String displayName, String externalId) {
    }

    private GroupDocumentRules() {
    }

    static void checkCreate(JsonNode group) {
        require(group.isObject(), ScimRule.PARSEABLE_BODY, "Request body is not a JSON object");
        require(UserDocumentRules.nonBlank(group.path("displayName")), ScimRule.GROUP_DISPLAY_NAME_REQUIRED,
                "displayName is required");
        require(group.path("members").size() <= MAX_MEMBERS_PER_REQUEST, ScimRule.CREATE_GROUP_MEMBER_LIMIT,
                "A maximum of 100 members can be added in a single request");
    }

    static GroupPatch checkPatch(JsonNode body) {
        JsonNode operations = PatchBodies.operations(body);
        List<MemberChange> changes = new ArrayList<>();
        String displayName = null;
        String externalId = null;
        for (JsonNode op : operations) {
            String kind = op.path("op").asText("").toLowerCase(Locale.ROOT);
            require(Set.of("add", "replace", "remove").contains(kind), ScimRule.PARSEABLE_BODY,
                    "The operation must be add, replace or remove");
            String path = op.path("path").asText(null);
            JsonNode value = op.get("value");
            if (path == null) {
                // No path: the value is an object of attributes to add/replace.
                require(value != null && value.isObject(), ScimRule.PARSEABLE_BODY, "value must be an object when path is absent");
                for (String root : PatchBodies.fieldNames(value)) {
                    require(PATCHABLE.contains(root), ScimRule.PATCH_GROUP_ATTRIBUTES, "Attribute " + root + " is not allowed");
                }
                require(!(kind.equals("replace") && value.has("members")) && !kind.equals("remove"),
                        ScimRule.PATCH_GROUP_NO_REPLACE_OR_REMOVE_ALL, "Replacing group memberships is not supported");
                if (value.has("members")) {
                    value.get("members").forEach(m -> changes.add(new MemberChange(true, m.path("value").asText())));
                }
                displayName = value.hasNonNull("displayName") ? value.get("displayName").asText() : displayName;
                externalId = value.hasNonNull("externalId") ? value.get("externalId").asText() : externalId;
                continue;
            }
            String root = PatchBodies.root(path);
            require(PATCHABLE.contains(root), ScimRule.PATCH_GROUP_ATTRIBUTES, "Attribute " + root + " is not allowed");
            if (root.equals("members")) {
                require(!kind.equals("replace"), ScimRule.PATCH_GROUP_NO_REPLACE_OR_REMOVE_ALL,
                        "Replacing group memberships is not supported");
                Matcher one = MEMBER_PATH.matcher(path.strip());
                if (one.matches()) {
                    require(kind.equals("remove"), ScimRule.PARSEABLE_BODY, "A member filter path is only for remove");
                    changes.add(new MemberChange(false, one.group(1)));
                } else {
                    require(path.strip().equalsIgnoreCase("members"), ScimRule.PARSEABLE_BODY, "Unsupported path " + path);
                    require(value != null && value.isArray() && !value.isEmpty(), ScimRule.PATCH_GROUP_NO_REPLACE_OR_REMOVE_ALL,
                            kind.equals("remove") ? "Removing all group memberships is not supported" : "value is required");
                    value.forEach(m -> changes.add(new MemberChange(kind.equals("add"), m.path("value").asText())));
                }
            } else {
                require(!kind.equals("remove") && value != null && value.isTextual(), ScimRule.PARSEABLE_BODY,
                        "value is required for " + root);
                if (root.equals("displayname")) {
                    require(!value.asText().isBlank(), ScimRule.GROUP_DISPLAY_NAME_REQUIRED, "displayName is required");
                    displayName = value.asText();
                } else {
                    externalId = value.asText();
                }
            }
        }
        require(changes.size() <= MAX_MEMBERS_PER_REQUEST, ScimRule.PATCH_GROUP_CHANGE_LIMIT,
                "A maximum of 100 membership changes are allowed in a single request; got " + changes.size());
        return new GroupPatch(changes, displayName, externalId);
    }
}
