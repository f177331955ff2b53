package dev.kcaws.aws;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

/**
 * One rule a value can break (or a thing a request names that is missing, or a change the realm's
 * state refuses), named by its message key: the text exists once, in the bundle's
 * messages ({@code theme-resources/messages/messages_{en,ko}.properties}), with {0}, {1}… for the
 * values each violation fills in. The English text of {@link AwsRuleViolation#getMessage()} (what
 * the admin API, logs and realm import say) is read from the English bundle, so a page in another
 * language says the same thing from the same key. {@code AwsRuleKeysTest} checks that every rule
 * has its text in both languages.
 */
public enum AwsRule {
    ACCOUNT_ID("kcawsRuleAccountId"),
    ACCOUNT_ID_FIXED("kcawsRuleAccountIdFixed"),
    ACCOUNT_NAME("kcawsRuleAccountName"),
    ACCOUNT_REGION_PARTITION("kcawsRuleAccountRegionPartition"),
    REGION_OF_PARTITION("kcawsRuleRegionOfPartition"),
    REGION_NAME("kcawsRuleRegionName"),
    PARTITION("kcawsRulePartition"),
    PARTITION_REQUIRED("kcawsRulePartitionRequired"),
    SAML_PROVIDER_NAME("kcawsRuleSamlProviderName"),
    SESSION_DURATION_RANGE("kcawsRuleSessionDurationRange"),
    SESSION_DURATION_NUMBER("kcawsRuleSessionDurationNumber"),
    PERMISSION_SET_NAME("kcawsRulePermissionSetName"),
    PERMISSION_SET_NAME_FIXED("kcawsRulePermissionSetNameFixed"),
    PERMISSION_SET_DESCRIPTION("kcawsRulePermissionSetDescription"),
    MANAGED_POLICY_ARN("kcawsRuleManagedPolicyArn"),
    MANAGED_POLICIES_MAX("kcawsRuleManagedPoliciesMax"),
    INLINE_POLICY_BYTES("kcawsRuleInlinePolicyBytes"),
    INLINE_POLICY_JSON("kcawsRuleInlinePolicyJson"),
    INLINE_POLICY_STATEMENT("kcawsRuleInlinePolicyStatement"),
    INLINE_POLICY_INTRINSIC("kcawsRuleInlinePolicyIntrinsic"),
    CONSOLE_URL("kcawsRuleConsoleUrl"),
    CONSOLE_URL_ANY_PARTITION("kcawsRuleConsoleUrlAnyPartition"),
    URL("kcawsRuleUrl"),
    ENDPOINT_REGION_AWS_ONLY("kcawsRuleEndpointRegionAwsOnly"),
    ENDPOINT_REGION("kcawsRuleEndpointRegion"),
    SIGNIN_ENDPOINT("kcawsRuleSigninEndpoint"),
    SIGNIN_ENDPOINT_ONE_PER_PARTITION("kcawsRuleSigninEndpointOnePerPartition"),
    REQUIRED("kcawsRuleRequired"),
    NOT_EMPTY("kcawsRuleNotEmpty"),
    MAX_CHARS_WAS("kcawsRuleMaxCharsWas"),
    WINDOW_ORDER("kcawsRuleWindowOrder"),
    WINDOW_YEARS("kcawsRuleWindowYears"),
    WINDOW_INSTANT("kcawsRuleWindowInstant"),
    WINDOW_PAST("kcawsRuleWindowPast"),
    PRINCIPAL_ONE("kcawsRulePrincipalOne"),
    BULK_EMPTY("kcawsRuleBulkEmpty"),
    JSON_OBJECT("kcawsRuleJsonObject"),
    JSON_OBJECT_WAS("kcawsRuleJsonObjectWas"),
    JSON_INVALID("kcawsRuleJsonInvalid"),
    JSON_UNKNOWN_FIELD("kcawsRuleJsonUnknownField"),
    JSON_TYPE("kcawsRuleJsonType"),
    JSON_TYPE_DETAIL("kcawsRuleJsonTypeDetail"),
    WHOLE_NUMBER_RANGE("kcawsRuleWholeNumberRange"),
    CLIENT_URL_NAME("kcawsRuleClientUrlName"),
    CLIENT_NAME("kcawsRuleClientName"),
    NOT_AN_AWS_CLIENT("kcawsRuleNotAnAwsClient"),
    CLIENT_CANNOT_SERVE("kcawsRuleClientCannotServe"),
    USER_NAME_SOURCE("kcawsRuleUserNameSource"),
    REVIEW_FORMAT("kcawsRuleReviewFormat"),
    METADATA_OR_URLS("kcawsRuleMetadataOrUrls"),
    METADATA_MISSING("kcawsRuleMetadataMissing"),
    IDENTITY_CENTER_ACCOUNT_PARTITION("kcawsRuleIdentityCenterAccountPartition"),
    IDENTITY_CENTER_ONE_PARTITION("kcawsRuleIdentityCenterOnePartition"),
    PUSH_NOT_CONFIGURED("kcawsRulePushNotConfigured"),
    SCIM_ENDPOINT_REQUIRED("kcawsRuleScimEndpointRequired"),
    SCIM_ENDPOINT_NOT_A_URL("kcawsRuleScimEndpointNotAUrl"),
    SCIM_ENDPOINT_ABSOLUTE("kcawsRuleScimEndpointAbsolute"),
    SCIM_ENDPOINT_HTTPS("kcawsRuleScimEndpointHttps"),
    SCIM_ENDPOINT_USER_INFO("kcawsRuleScimEndpointUserInfo"),
    SCIM_ENDPOINT_QUERY("kcawsRuleScimEndpointQuery"),
    SCIM_ENDPOINT_PATH("kcawsRuleScimEndpointPath"),
    SCIM_ENDPOINT_AWS("kcawsRuleScimEndpointAws"),
    SCIM_ENDPOINT_PORT("kcawsRuleScimEndpointPort"),
    SCIM_ENDPOINT_LOOPBACK("kcawsRuleScimEndpointLoopback"),
    SCIM_TOKEN_REQUIRED("kcawsRuleScimTokenRequired"),
    SCIM_TOKEN_VAULT_KEY("kcawsRuleScimTokenVaultKey"),
    SCIM_TOKEN_VAULT_FORM("kcawsRuleScimTokenVaultForm"),
    SCIM_TOKEN_MASK("kcawsRuleScimTokenMask"),
    SCIM_TOKEN_LENGTH("kcawsRuleScimTokenLength"),
    SCIM_GROUPS_UNKNOWN("kcawsRuleScimGroupsUnknown"),
    SCIM_GROUPS_NONE("kcawsRuleScimGroupsNone"),
    SCIM_LEAVE_POLICY("kcawsRuleScimLeavePolicy"),
    SCIM_INTERVAL_NUMBER("kcawsRuleScimIntervalNumber"),
    SCIM_INTERVAL_RANGE("kcawsRuleScimIntervalRange"),
    MISSING("kcawsRuleMissing"),
    IC_ACS_URLS_MAX("kcawsRuleIcAcsUrlsMax"),
    IC_ISSUER("kcawsRuleIcIssuer"),
    IC_ISSUER_IS_ACS("kcawsRuleIcIssuerIsAcs"),
    IC_ACS("kcawsRuleIcAcs"),
    IC_ACS_IS_ISSUER("kcawsRuleIcAcsIsIssuer"),
    IC_ACCESS_PORTAL("kcawsRuleIcAccessPortal"),
    IC_NO_REGION("kcawsRuleIcNoRegion"),
    IC_REGION_PARTITION("kcawsRuleIcRegionPartition"),
    METADATA_DOCTYPE("kcawsRuleMetadataDoctype"),
    METADATA_NO_POST_ACS("kcawsRuleMetadataNoPostAcs"),
    METADATA_ACS_URLS_MAX("kcawsRuleMetadataAcsUrlsMax"),
    METADATA_XML_AT("kcawsRuleMetadataXmlAt"),
    METADATA_XML("kcawsRuleMetadataXml"),
    METADATA_ROOT("kcawsRuleMetadataRoot"),
    METADATA_NO_SP("kcawsRuleMetadataNoSp"),
    METADATA_IDP("kcawsRuleMetadataIdp"),
    TAG_KEY("kcawsRuleTagKey"),
    TAG_KEY_AWS("kcawsRuleTagKeyAws"),
    TAG_VALUE("kcawsRuleTagValue"),
    IC_ATTRIBUTES_MAX("kcawsRuleIcAttributesMax"),
    IC_ATTRIBUTE_TWICE("kcawsRuleIcAttributeTwice"),
    IC_USER_ATTRIBUTE("kcawsRuleIcUserAttribute"),
    MAX_CHARS("kcawsRuleMaxChars"),
    PRINTABLE_ASCII("kcawsRulePrintableAscii"),
    SAML_AUDIENCE("kcawsRuleSamlAudience"),
    IC_SET_NAME("kcawsRuleIcSetName"),
    IC_SESSION_HOURS("kcawsRuleIcSessionHours"),
    IC_SESSION_MINUTES("kcawsRuleIcSessionMinutes"),
    IC_DESCRIPTION_LENGTH("kcawsRuleIcDescriptionLength"),
    IC_DESCRIPTION_CHARS("kcawsRuleIcDescriptionChars"),
    IC_RELAY_STATE("kcawsRuleIcRelayState"),
    IC_GROUP_NAME("kcawsRuleIcGroupName"),
    IC_GROUP_RESERVED("kcawsRuleIcGroupReserved"),
    STS_NAME("kcawsRuleStsName"),
    NOT_AWS_PREFIX("kcawsRuleNotAwsPrefix"),
    MAPPER_TAG_ENTRY("kcawsRuleMapperTagEntry"),
    MAPPER_TAG_TWICE("kcawsRuleMapperTagTwice"),
    MAPPER_TRANSITIVE_KEY("kcawsRuleMapperTransitiveKey"),
    MAPPER_SWITCH("kcawsRuleMapperSwitch"),
    // Not found and conflicts (the admin API's 404 and 409).
    UNKNOWN_ACCOUNT("kcawsRuleUnknownAccount"),
    UNKNOWN_PERMISSION_SET("kcawsRuleUnknownPermissionSet"),
    UNKNOWN_GROUP("kcawsRuleUnknownGroup"),
    UNKNOWN_USER("kcawsRuleUnknownUser"),
    UNKNOWN_CLIENT("kcawsRuleUnknownClient"),
    UNKNOWN_ASSIGNMENT("kcawsRuleUnknownAssignment"),
    NO_SCIM_SETTINGS("kcawsRuleNoScimSettings"),
    NO_SCIM_SETTINGS_SAVE_FIRST("kcawsRuleNoScimSettingsSaveFirst"),
    NO_IC_SAML_CLIENT("kcawsRuleNoIcSamlClient"),
    ACCOUNT_EXISTS("kcawsRuleAccountExists"),
    PERMISSION_SET_EXISTS("kcawsRulePermissionSetExists"),
    PUSH_RUNNING("kcawsRulePushRunning"),
    CLIENT_ID_EXISTS("kcawsRuleClientIdExists"),
    URL_NAME_TAKEN("kcawsRuleUrlNameTaken"),
    IC_CLIENT_EXISTS("kcawsRuleIcClientExists"),
    // The stored model (realm import, Keycloak's own endpoints): its format and what refers to what.
    STORED_EMPTY("kcawsRuleStoredEmpty"),
    STORED_UNKNOWN_FIELD("kcawsRuleStoredUnknownField"),
    STORED_JSON("kcawsRuleStoredJson"),
    STORED_PARTITION_MISSING("kcawsRuleStoredPartitionMissing"),
    STORED_WINDOW_IDS("kcawsRuleStoredWindowIds"),
    STORED_WINDOW("kcawsRuleStoredWindow"),
    WINDOW_GROUP_UNKNOWN("kcawsRuleWindowGroupUnknown"),
    WINDOW_USER_UNKNOWN("kcawsRuleWindowUserUnknown"),
    STORED_WINDOW_BOUND("kcawsRuleStoredWindowBound"),
    STORED_DEFAULT_CLIENT("kcawsRuleStoredDefaultClient"),
    ACCESS_ROLE_NAME("kcawsRuleAccessRoleName"),
    ACCESS_ROLE_ACCOUNT("kcawsRuleAccessRoleAccount"),
    ACCESS_ROLE_PERMISSION_SET("kcawsRuleAccessRolePermissionSet"),
    IN_ATTRIBUTE("kcawsRuleInAttribute"),
    IN_ROLE("kcawsRuleInRole"),
    IN_MAPPER("kcawsRuleInMapper"),
    MODEL_INVALID("kcawsRuleModelInvalid"),
    KEYCLOAK_API("kcawsRuleKeycloakApi"),
    KEYCLOAK_API_STALE("kcawsRuleKeycloakApiStale"),
    // Identity Center: its settings, metadata, attributes and generated code.
    SCIM_SETTINGS_PARENT("kcawsRuleScimSettingsParent"),
    SCIM_SETTINGS_EXIST("kcawsRuleScimSettingsExist"),
    SCIM_TOKEN_EMPTY("kcawsRuleScimTokenEmpty"),
    SCIM_TOKEN_CHARS("kcawsRuleScimTokenChars"),
    METADATA_ENTITY_ID("kcawsRuleMetadataEntityId"),
    METADATA_ACS_LOCATION("kcawsRuleMetadataAcsLocation"),
    IC_ATTRIBUTE_ENTRY("kcawsRuleIcAttributeEntry"),
    IC_ATTRIBUTE_AT("kcawsRuleIcAttributeAt"),
    IC_GROUP_NO_NAME("kcawsRuleIcGroupNoName"),
    IC_GROUP_NO_ID("kcawsRuleIcGroupNoId"),
    IC_MODEL_ACCOUNT_PARTITION("kcawsRuleIcModelAccountPartition"),
    IC_GROUP_NAME_TWICE("kcawsRuleIcGroupNameTwice"),
    IC_RELAY_STATE_PARTITION("kcawsRuleIcRelayStatePartition"),
    CFN_NOTHING_ASSIGNED_IN_ACCOUNT("kcawsRuleCfnNothingAssignedInAccount"),
    CFN_NOTHING_ASSIGNED("kcawsRuleCfnNothingAssigned"),
    CFN_TOO_BIG("kcawsRuleCfnTooBig");

    private static final String ENGLISH = "theme-resources/messages/messages_en.properties";

    private final String key;

    AwsRule(String key) {
        this.key = key;
    }

    /** The message key, in the bundles and in the admin API's errors ({@code messageKey}). */
    public String key() {
        return key;
    }

    /** The English text with the values filled in, as {@code MessageFormat} (and so Keycloak's templates) would. */
    public String english(String... params) {
        String pattern = English.TEXTS.getProperty(key);
        return pattern == null ? key : new MessageFormat(pattern, Locale.ENGLISH).format(params);
    }

    /** Read once: a resource of the bundle's own jar, the same on every node. */
    private static final class English {
        static final Properties TEXTS = load();

        private static Properties load() {
            Properties texts = new Properties();
            try (InputStream in = AwsRule.class.getClassLoader().getResourceAsStream(ENGLISH)) {
                if (in != null) {
                    texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return texts;
        }
    }
}
