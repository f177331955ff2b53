package dev.kcaws.testsupport.awsscim;

import static dev.kcaws.testsupport.awsscim.ScimRejection.require;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What PatchUser and PatchGroup bodies share: the PatchOp schema and an Operations array. */
final class PatchBodies {
    static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    private PatchBodies() {
    }

    static JsonNode operations(JsonNode body) {
        require(body.isObject(), ScimRule.PARSEABLE_BODY, "Request body is not a JSON object");
        boolean patchOp = false;
        for (JsonNode schema : body.path("schemas")) {
            patchOp |= PATCH_OP.equals(schema.asText());
        }
        require(patchOp, ScimRule.PARSEABLE_BODY, "schemas must contain " + PATCH_OP);
        JsonNode operations = body.get("Operations");
        require(operations != null && operations.isArray() && !operations.isEmpty(), ScimRule.PARSEABLE_BODY,
                "Operations must be a non-empty array");
        return operations;
    }

    /** "members[value eq \"x\"]" → "members", "name.givenName" → "name", lower-cased. */
    static String root(String path) {
        String root = path;
        int bracket = root.indexOf('[');
        if (bracket >= 0) {
            root = root.substring(0, bracket);
        }
        int dot = root.indexOf('.');
        if (dot >= 0 && !root.startsWith("urn:")) {
            root = root.substring(0, dot);
        }
        if (root.startsWith("urn:ietf:params:scim:schemas:extension:enterprise")) {
            return "enterprise";
        }
        return root.toLowerCase(Locale.ROOT);
    }

    static List<String> fieldNames(JsonNode value) {
        List<String> names = new ArrayList<>();
        if (value.isObject()) {
            value.fieldNames().forEachRemaining(name -> names.add(root(name)));
        } else {
            names.add("");
        }
        return names;
    }
}
