package dev.kcaws.testsupport.awsscim;

import static dev.kcaws.testsupport.awsscim.ScimRejection.require;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** CreateUser / PutUser / PatchUser rules of AWS's guide. */
final class UserDocumentRules {
    static final List<String> FORBIDDEN = List.of("password", "ims", "photos", "x509Certificates", "entitlements");
    static final int MAX_USER_NAME = 128;
    static final List<String> RESERVED_NAMES = List.of("Administrator", "AWSAdministrators");
    static final List<String> SINGLE_VALUED = List.of("emails", "addresses", "phoneNumbers", "roles");
    static final Set<String> PATCHABLE = Set.of("username", "active", "externalid", "displayname", "nickname",
            "profileurl", "title", "usertype", "preferredlanguage", "locale", "timezone", "name", "enterprise",
            "emails", "addresses", "phonenumbers");

    private UserDocumentRules() {
    }

    /** CreateUser (groups refused) and PutUser. */
    static void checkUser(JsonNode user, boolean create) {
        require(user.isObject(), ScimRule.PARSEABLE_BODY, "Request body is not a JSON object");
        for (String forbidden : FORBIDDEN) {
            require(!user.has(forbidden), ScimRule.USER_FORBIDDEN_ATTRIBUTES, "Attribute " + forbidden + " is not supported");
        }
        require(!create || !user.has("groups"), ScimRule.USER_FORBIDDEN_ATTRIBUTES, "groups cannot be specified with createUser");
        require(nonBlank(user.path("userName")), ScimRule.USER_REQUIRED_FIELDS, "userName is required");
        String userName = user.path("userName").asText();
        require(userName.codePointCount(0, userName.length()) <= MAX_USER_NAME, ScimRule.USER_NAME_VALUE,
                "userName must be at most " + MAX_USER_NAME + " characters");
        require(RESERVED_NAMES.stream().noneMatch(userName::equalsIgnoreCase), ScimRule.USER_NAME_VALUE,
                userName + " is a reserved name and cannot be used for users");
        require(nonBlank(user.at("/name/givenName")), ScimRule.USER_REQUIRED_FIELDS, "name.givenName is required");
        require(nonBlank(user.at("/name/familyName")), ScimRule.USER_REQUIRED_FIELDS, "name.familyName is required");
        require(nonBlank(user.path("displayName")), ScimRule.USER_REQUIRED_FIELDS, "displayName is required");
        checkMultiValued(user);
    }

    static void checkMultiValued(JsonNode user) {
        for (String attribute : SINGLE_VALUED) {
            JsonNode values = user.get(attribute);
            if (values == null || values.isNull()) {
                continue;
            }
            require(values.isArray(), ScimRule.PARSEABLE_BODY, attribute + " must be an array");
            require(values.size() <= 1, ScimRule.SINGLE_VALUED_ATTRIBUTES,
                    "Multiple values for " + attribute + " are not supported");
            if (!attribute.equals("roles")) {
                values.forEach(v -> require(!v.has("display"), ScimRule.NO_DISPLAY_SUBATTRIBUTE,
                        "display sub-attribute of " + attribute + " is not supported"));
            }
        }
        JsonNode emails = user.get("emails");
        if (emails != null && emails.size() == 1) {
            require(emails.get(0).path("primary").asBoolean(false), ScimRule.EMAIL_PRIMARY,
                    "The emails attribute value must be marked as primary");
        }
    }

    /** PatchUser body; returns the operations to apply. */
    static JsonNode checkPatch(JsonNode body) {
        JsonNode operations = PatchBodies.operations(body);
        int userNameOps = 0;
        int activeOps = 0;
        for (JsonNode op : operations) {
            String kind = op.path("op").asText("").toLowerCase(Locale.ROOT);
            require(Set.of("add", "replace", "remove").contains(kind), ScimRule.PATCH_USER_OPERATIONS,
                    "The operation must be add, replace or remove");
            String path = op.path("path").asText(null);
            require(!kind.equals("remove") || path != null, ScimRule.PATCH_USER_OPERATIONS, "path is required for remove");
            require(kind.equals("remove") || op.has("value"), ScimRule.PATCH_USER_OPERATIONS, "value is required for " + kind);
            List<String> roots = path != null ? List.of(PatchBodies.root(path)) : PatchBodies.fieldNames(op.path("value"));
            for (String root : roots) {
                require(PATCHABLE.contains(root), ScimRule.PATCH_USER_OPERATIONS, "Modification of " + root + " is not allowed");
                require(!(kind.equals("remove") && (root.equals("username") || root.equals("active"))),
                        ScimRule.PATCH_USER_OPERATIONS, "remove is not supported for " + root);
                userNameOps += root.equals("username") ? 1 : 0;
                activeOps += root.equals("active") ? 1 : 0;
            }
        }
        require(userNameOps <= 1 && activeOps <= 1, ScimRule.PATCH_USER_OPERATIONS,
                "Multiple PATCH operations on userName or active are not supported");
        return operations;
    }

    static boolean nonBlank(JsonNode value) {
        return value != null && value.isTextual() && !value.asText().isBlank();
    }
}
