package dev.kcaws.testsupport.awssp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.Response;

/**
 * Stands in for AWS sign-in in tests: validates a posted SAML Response the way AWS does
 * (aws-saml-rules.md) and reports what AWS would then offer. Immutable; the with* methods copy.
 */
public final class AwsLikeServiceProvider {
    public static final String DEFAULT_AUDIENCE = "urn:amazon:webservices";
    /** Clock skew tolerated on every time bound. */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private final IdpMetadata idp;
    private final String audience;
    private final Clock clock;
    private final Set<String> registeredProviderArns;

    private AwsLikeServiceProvider(IdpMetadata idp, String audience, Clock clock, Set<String> registeredProviderArns) {
        this.idp = idp;
        this.audience = audience;
        this.clock = clock;
        this.registeredProviderArns = Set.copyOf(registeredProviderArns);
    }

    /**
     * @param idpMetadataXml the realm's SAML IdP metadata (EntityDescriptor with IDPSSODescriptor and
     *     signing KeyDescriptor(s) with X509 certificates) as Keycloak serves it at
     *     /realms/{realm}/protocol/saml/descriptor
     * @throws IllegalArgumentException when IAM would refuse to create a provider from it
     */
    public static AwsLikeServiceProvider trustingIdpMetadata(String idpMetadataXml) {
        OpenSaml.initialize();
        return new AwsLikeServiceProvider(IdpMetadata.parse(idpMetadataXml), DEFAULT_AUDIENCE, Clock.systemUTC(), Set.of());
    }

    public AwsLikeServiceProvider withAudience(String audience) {
        return new AwsLikeServiceProvider(idp, Objects.requireNonNull(audience), clock, registeredProviderArns);
    }

    public AwsLikeServiceProvider withClock(Clock clock) {
        return new AwsLikeServiceProvider(idp, audience, Objects.requireNonNull(clock), registeredProviderArns);
    }

    /**
     * Optional: the SAML provider ARNs that exist in IAM. Once set, a Role value naming another
     * provider is refused with "Specified provider doesn't exist". Unset, any well-formed one passes.
     */
    public AwsLikeServiceProvider withRegisteredSamlProviders(String... providerArns) {
        return new AwsLikeServiceProvider(idp, audience, clock, Set.of(providerArns));
    }

    /** The metadata's entityID, which every Issuer must equal. */
    public String idpEntityId() {
        return idp.entityId();
    }

    /**
     * Validates a POSTed SAMLResponse.
     *
     * @param samlResponseBase64 the SAMLResponse form value, base64 as posted (already URL-decoded)
     * @param postedTo the URL the browser posted it to, e.g. https://signin.aws.amazon.com/saml
     */
    public AwsSignIn accept(String samlResponseBase64, String postedTo) throws AwsSamlRejection {
        Instant now = clock.instant();
        AwsSigninEndpoint endpoint = AwsSigninEndpoint.of(postedTo);

        Response response = SamlResponseDecoder.decode(samlResponseBase64);
        ResponseStructureCheck.requireSuccess(response);
        Assertion assertion = ResponseStructureCheck.singleCleartextAssertion(response);
        IssuerCheck.requireIssuedBy(idp.entityId(), response, assertion);
        new SignatureCheck(idp.signingKeys()).requireSigned(response, assertion);

        SubjectConfirmationCheck.requireDestination(response, postedTo);
        SubjectConfirmationCheck.requireBearerFor(assertion, postedTo, now, CLOCK_SKEW);
        ConditionsCheck.requireValidFor(assertion, audience, now, CLOCK_SKEW);
        NameID nameId = NameIdCheck.requireNameId(assertion);

        AssertionAttributes attributes = AssertionAttributes.of(assertion);
        List<RolePair> rolePairs = RoleAttributeCheck.rolePairs(attributes, endpoint.partition(), registeredProviderArns);
        String roleSessionName = SessionAttributeCheck.roleSessionName(attributes);
        Integer sessionDuration = SessionAttributeCheck.sessionDurationSeconds(attributes);
        Map<String, String> tags = SessionAttributeCheck.principalTags(attributes);
        List<String> transitiveTagKeys = SessionAttributeCheck.transitiveTagKeys(attributes, tags);
        String sourceIdentity = SessionAttributeCheck.sourceIdentity(attributes);

        return new AwsSignIn(rolePairs, roleSessionName, sessionDuration, tags, transitiveTagKeys, sourceIdentity,
                nameId.getValue(), nameId.getFormat(), samlResponseBase64.length(), attributes.names());
    }
}
