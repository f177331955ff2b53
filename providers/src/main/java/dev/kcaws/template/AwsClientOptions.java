package dev.kcaws.template;

import dev.kcaws.aws.AwsRule;
import dev.kcaws.aws.AwsRuleViolation;
import dev.kcaws.aws.Partition;
import dev.kcaws.aws.SamlAudience;
import dev.kcaws.aws.SigninEndpoint;

import java.util.regex.Pattern;

/**
 * What an admin chooses when creating an AWS client; everything else is fixed by AWS's rules.
 *
 * @param endpoint where AWS receives the response (global, a region, GovCloud, China)
 * @param entityId the SP entity ID AWS expects as audience; GovCloud setups often use {@code urn:amazon:webservices:govcloud}
 * @param urlName  the IdP-initiated URL name: {@code /realms/{realm}/protocol/saml/clients/{urlName}}
 */
public record AwsClientOptions(SigninEndpoint endpoint, String entityId, String urlName, String displayName) {

    public static final String DEFAULT_ENTITY_ID = "urn:amazon:webservices";
    private static final Pattern URL_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

    public AwsClientOptions {
        if (endpoint == null) {
            endpoint = SigninEndpoint.GLOBAL;
        }
        if (entityId == null || entityId.isBlank()) {
            entityId = endpoint.partition() == Partition.AWS_US_GOV ? DEFAULT_ENTITY_ID + ":govcloud" : DEFAULT_ENTITY_ID;
        }
        SamlAudience.check("clientId", entityId);
        if (urlName == null || urlName.isBlank()) {
            urlName = switch (endpoint.partition()) {
                case AWS -> "amazon-aws";
                case AWS_US_GOV -> "amazon-aws-govcloud";
                case AWS_CN -> "amazon-aws-china";
            };
        }
        checkUrlName(urlName);
        if (displayName == null || displayName.isBlank()) {
            displayName = switch (endpoint.partition()) {
                case AWS -> "Amazon Web Services";
                case AWS_US_GOV -> "Amazon Web Services (GovCloud US)";
                case AWS_CN -> "Amazon Web Services (China)";
            };
        }
        checkDisplayName(displayName);
    }

    /** An IdP-initiated URL name a SAML client of the bundle may have. */
    public static void checkUrlName(String urlName) {
        if (!URL_NAME.matcher(urlName).matches()) {
            // It is a path segment of Keycloak's IdP-initiated URL: nothing that a URL or a path would reinterpret.
            throw new AwsRuleViolation("urlName", AwsRule.CLIENT_URL_NAME);
        }
    }

    /** A client name Keycloak can store. */
    public static void checkDisplayName(String displayName) {
        // Keycloak stores the client name in a 255-character column: longer is a database error, not a 400.
        if (displayName.length() > 255 || displayName.chars().anyMatch(Character::isISOControl)) {
            throw new AwsRuleViolation("name", AwsRule.CLIENT_NAME);
        }
    }

    /** {@code global}, a known region of the aws partition such as {@code eu-west-1}, {@code aws-us-gov} or {@code aws-cn}. */
    public static SigninEndpoint parseEndpoint(String text) {
        return SigninEndpoint.choose("endpoint", text);
    }
}
