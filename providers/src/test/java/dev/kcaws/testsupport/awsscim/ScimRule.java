package dev.kcaws.testsupport.awsscim;

/**
 * The rules of AWS's <em>IAM Identity Center SCIM Implementation Developer Guide</em> the fake
 * enforces, each with the status and error AWS names for it (see
 * {@code docs/identity-center-scim-rules.md} for the page of each; inferred ones say so).
 */
public enum ScimRule {
    /** Every page: "Authorization header is invalid or missing ... also if the tenant ID is incorrect". */
    BEARER_TOKEN(401, "UnauthorizedException"),
    /** /Bulk, /Me, /Search are not supported (limitations page); status 400 "operation is unsupported". */
    UNSUPPORTED_ENDPOINT(400, "ValidationException"),
    /** Body "cannot be parsed, is syntactically incorrect, or violates schema". */
    PARSEABLE_BODY(400, "ValidationException"),
    /** Filters: only eq, combined only with and. */
    FILTER_ONLY_EQ_AND(400, "ValidationException"),
    /** ListUsers (userName)/(externalId)/(groups.value)/(id and manager); ListGroups (displayName)/(externalId)/(id and members). */
    FILTER_COMBINATION(400, "ValidationException"),
    /** ListUsers/ListGroups: startIndex, attributes, excludedAttributes not supported. */
    LIST_UNSUPPORTED_PARAMETER(400, "ValidationException"),
    /** ListUsers/ListGroups: count 1..100 (pages themselves hold at most 50 here, the older limit). */
    LIST_COUNT_RANGE(400, "ValidationException"),
    /** CreateUser/PutUser: givenName, familyName, userName, displayName required. */
    USER_REQUIRED_FIELDS(400, "ValidationException"),
    /** CreateUser/PutUser: no password, ims, photos, x509Certificates, entitlements; no groups. */
    USER_FORBIDDEN_ATTRIBUTES(400, "ValidationException"),
    /**
     * CreateUser/PutUser: userName at most 128 characters, not the reserved names Administrator or
     * AWSAdministrators (Identity Store's CreateUser reference, the store behind the SCIM endpoint;
     * the case-insensitive comparison of the reserved names is inferred).
     */
    USER_NAME_VALUE(400, "ValidationException"),
    /** Users: one value only in emails, addresses, phoneNumbers, roles. */
    SINGLE_VALUED_ATTRIBUTES(400, "ValidationException"),
    /** Users: the emails value must be marked primary. */
    EMAIL_PRIMARY(400, "ValidationException"),
    /** Users: no display sub-attribute of emails, addresses, phoneNumbers. */
    NO_DISPLAY_SUBATTRIBUTE(400, "ValidationException"),
    /** PatchUser: op add/replace/remove, path for remove, value for add/replace, allowed attributes, no remove/multiple ops of userName/active. */
    PATCH_USER_OPERATIONS(400, "ValidationException"),
    /** CreateGroup: displayName required. */
    GROUP_DISPLAY_NAME_REQUIRED(400, "ValidationException"),
    /** CreateGroup: at most 100 members in a single request. */
    CREATE_GROUP_MEMBER_LIMIT(400, "ValidationException"),
    /** PatchGroup: only displayName, members, externalId. */
    PATCH_GROUP_ATTRIBUTES(400, "ValidationException"),
    /** PatchGroup: replacing or removing all memberships in one request is refused. */
    PATCH_GROUP_NO_REPLACE_OR_REMOVE_ALL(400, "ValidationException"),
    /** PatchGroup: at most 100 membership changes in a single request. */
    PATCH_GROUP_CHANGE_LIMIT(400, "ValidationException"),
    /** (inferred) a member value that is no user of the directory. */
    MEMBER_MUST_EXIST(400, "ValidationException"),
    /** CreateUser/CreateGroup: 409 when the user (userName) or group (displayName) already exists. */
    CONFLICT_ON_EXISTING(409, "ConflictException"),
    /** Get/Put/Patch/Delete of an ID that does not exist. */
    RESOURCE_EXISTS(404, "ResourceNotFoundException");

    private final int status;
    private final String exceptionType;

    ScimRule(int status, String exceptionType) {
        this.status = status;
        this.exceptionType = exceptionType;
    }

    public int status() {
        return status;
    }

    public String exceptionType() {
        return exceptionType;
    }
}
