package dev.kcaws.testsupport.awssp;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import net.shibboleth.utilities.java.support.xml.SerializeSupport;
import org.opensaml.core.xml.util.XMLObjectSupport;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Attribute;
import org.opensaml.saml.saml2.core.AttributeStatement;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.NameIDPolicy;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.SubjectConfirmationData;
import org.w3c.dom.Element;

/**
 * Stands in for IAM Identity Center with an external identity provider: it publishes its
 * service-provider metadata (issuer, ACS URLs, email NameID), sends AuthnRequests as its access
 * portal's start URL does (SP-initiated), and validates a posted response the way Identity
 * Center does: the SAML rules of every AWS sign-in (reused from {@link AwsLikeServiceProvider}'s
 * checks, with the audience being Identity Center's issuer and the destination and recipient one
 * of its ACS URLs), then its own ({@link IdentityCenterRule}): the NameID in email format equal to
 * the userName of a provisioned user, and the AccessControl attributes by STS's session-tag rules.
 *
 * <p>Immutable configuration; the AuthnRequests it has sent are shared by the copies the with*
 * methods make, so a response is matched to the request that asked for it, once.
 */
public final class IdentityCenterLikeServiceProvider {
    public static final String NAME_ID_EMAIL = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress";
    public static final String ACCESS_CONTROL_PREFIX = "https://aws.amazon.com/SAML/Attributes/AccessControl:";
    static final int MAX_ACCESS_CONTROL = 50;
    // RFC 2822 addr-spec, dot-atom form: what "user@domain.com" means in Identity Center's guide.
    private static final String ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
    private static final Pattern ADDRESS = Pattern.compile(ATOM + "(\\." + ATOM + ")*@" + ATOM + "(\\." + ATOM + ")*");
    private static final Set<String> SAML_NAME_FORMATS = Set.of(Attribute.BASIC, Attribute.URI_REFERENCE, Attribute.UNSPECIFIED);
    private static final Pattern TAG_CHARS = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    private final String issuer;
    private final List<String> acsUrls;
    private final IdpMetadata idp;
    private final Set<String> provisionedUserNames;
    private final Clock clock;
    private final Set<String> outstandingRequests;

    private IdentityCenterLikeServiceProvider(String issuer, List<String> acsUrls, IdpMetadata idp, Set<String> users, Clock clock,
                                              Set<String> outstandingRequests) {
        this.issuer = issuer;
        this.acsUrls = List.copyOf(acsUrls);
        this.idp = idp;
        this.provisionedUserNames = Set.copyOf(users);
        this.clock = clock;
        this.outstandingRequests = outstandingRequests;
    }

    /** An instance with this issuer (its entity ID) and ACS URLs, the first its default; trusting no IdP yet. */
    public static IdentityCenterLikeServiceProvider instance(String issuer, String... acsUrls) {
        OpenSaml.initialize();
        return new IdentityCenterLikeServiceProvider(issuer, List.of(acsUrls), null, Set.of(), Clock.systemUTC(), ConcurrentHashMap.newKeySet());
    }

    /** Uploads the IdP's metadata, as the admin does in Identity Center's "Change identity source" step. */
    public IdentityCenterLikeServiceProvider trustingIdpMetadata(String idpMetadataXml) {
        return new IdentityCenterLikeServiceProvider(issuer, acsUrls, IdpMetadata.parse(idpMetadataXml), provisionedUserNames, clock,
                outstandingRequests);
    }

    /** The userNames the SCIM push (or an admin) provisioned; Identity Center signs in only these. */
    public IdentityCenterLikeServiceProvider withProvisionedUsers(Collection<String> userNames) {
        return new IdentityCenterLikeServiceProvider(issuer, acsUrls, idp, new HashSet<>(userNames), clock, outstandingRequests);
    }

    public IdentityCenterLikeServiceProvider withClock(Clock clock) {
        return new IdentityCenterLikeServiceProvider(issuer, acsUrls, idp, provisionedUserNames, Objects.requireNonNull(clock),
                outstandingRequests);
    }

    public String issuer() {
        return issuer;
    }

    public List<String> acsUrls() {
        return acsUrls;
    }

    /** Its service-provider metadata, shaped like the file Identity Center's console offers. */
    public String metadataXml() {
        StringBuilder acs = new StringBuilder();
        for (int i = 0; i < acsUrls.size(); i++) {
            acs.append("<md:AssertionConsumerService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\" Location=\"")
                    .append(acsUrls.get(i)).append("\" index=\"").append(i).append('"').append(i == 0 ? " isDefault=\"true\"" : "").append("/>");
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\""
                + issuer + "\"><md:SPSSODescriptor AuthnRequestsSigned=\"false\" WantAssertionsSigned=\"true\" "
                + "protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\"><md:NameIDFormat>" + NAME_ID_EMAIL
                + "</md:NameIDFormat>" + acs + "</md:SPSSODescriptor></md:EntityDescriptor>";
    }

    /**
     * SP-initiated sign-in, as Identity Center's start URL begins it: an unsigned AuthnRequest for
     * an email NameID, answered by POST to {@code acsUrl}, sent with the HTTP-Redirect binding.
     *
     * @return the URL the browser is redirected to (the IdP's SSO URL with SAMLRequest and RelayState)
     */
    public String authnRequestUrl(String idpSsoUrl, String acsUrl, String relayState) {
        AuthnRequest request = SignedResponseFactory.build(AuthnRequest.DEFAULT_ELEMENT_NAME);
        String id = "_" + UUID.randomUUID();
        request.setID(id);
        request.setVersion(SAMLVersion.VERSION_20);
        request.setIssueInstant(clock.instant());
        request.setDestination(idpSsoUrl);
        request.setAssertionConsumerServiceURL(acsUrl);
        request.setProtocolBinding(SAMLConstants.SAML2_POST_BINDING_URI);
        Issuer requestIssuer = SignedResponseFactory.build(Issuer.DEFAULT_ELEMENT_NAME);
        requestIssuer.setValue(issuer);
        request.setIssuer(requestIssuer);
        NameIDPolicy policy = SignedResponseFactory.build(NameIDPolicy.DEFAULT_ELEMENT_NAME);
        policy.setFormat(NAME_ID_EMAIL);
        policy.setAllowCreate(true);
        request.setNameIDPolicy(policy);
        String xml;
        try {
            xml = SerializeSupport.nodeToString(XMLObjectSupport.marshall(request));
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the AuthnRequest", e);
        }
        outstandingRequests.add(id);
        return idpSsoUrl + (idpSsoUrl.contains("?") ? "&" : "?") + "SAMLRequest=" + enc(deflatedBase64(xml))
                + (relayState == null ? "" : "&RelayState=" + enc(relayState));
    }

    /**
     * Validates a POSTed SAMLResponse as Identity Center does.
     *
     * @param postedTo the URL the browser posted to (one of the ACS URLs, or not)
     */
    public IdentityCenterSignIn accept(String samlResponseBase64, String relayState, String postedTo) throws IdentityCenterRejection {
        if (idp == null) {
            throw new IllegalStateException("no IdP metadata uploaded to this Identity Center");
        }
        if (!acsUrls.contains(postedTo)) {
            throw IdentityCenterRule.ACS_UNKNOWN.rejection("posted to " + postedTo + "; ACS URLs " + acsUrls);
        }
        Instant now = clock.instant();
        Response response;
        Assertion assertion;
        NameID nameId;
        try {
            response = SamlResponseDecoder.decode(samlResponseBase64);
            ResponseStructureCheck.requireSuccess(response);
            assertion = ResponseStructureCheck.singleCleartextAssertion(response);
            IssuerCheck.requireIssuedBy(idp.entityId(), response, assertion);
            new SignatureCheck(idp.signingKeys()).requireSigned(response, assertion);
            SubjectConfirmationCheck.requireDestination(response, postedTo);
            SubjectConfirmationCheck.requireBearerFor(assertion, postedTo, now, AwsLikeServiceProvider.CLOCK_SKEW);
            ConditionsCheck.requireValidFor(assertion, issuer, now, AwsLikeServiceProvider.CLOCK_SKEW);
            nameId = NameIdCheck.requireNameId(assertion);
        } catch (AwsSamlRejection e) {
            throw IdentityCenterRejection.of(e);
        }
        String inResponseTo = requireAnsweredRequest(response, assertion);
        if (!NAME_ID_EMAIL.equals(nameId.getFormat())) {
            throw IdentityCenterRule.NAME_ID_FORMAT_NOT_EMAIL.rejection("Format '" + nameId.getFormat() + "'");
        }
        if (!ADDRESS.matcher(nameId.getValue()).matches()) {
            throw IdentityCenterRule.NAME_ID_NOT_AN_ADDRESS.rejection("NameID '" + nameId.getValue() + "'");
        }
        if (!provisionedUserNames.contains(nameId.getValue())) {
            throw IdentityCenterRule.NAME_ID_NOT_PROVISIONED.rejection("NameID '" + nameId.getValue() + "'; provisioned " + provisionedUserNames);
        }
        requirePlainAccessControl(assertion);
        AssertionAttributes attributes = AssertionAttributes.of(assertion);
        return new IdentityCenterSignIn(nameId.getValue(), nameId.getFormat(), inResponseTo, relayState, accessControl(attributes),
                attributes.names());
    }

    /** An unsolicited response (IdP-initiated) is accepted; one answering a request must answer one of ours, once. */
    private String requireAnsweredRequest(Response response, Assertion assertion) throws IdentityCenterRejection {
        String inResponseTo = response.getInResponseTo();
        SubjectConfirmationData data = assertion.getSubject().getSubjectConfirmations().get(0).getSubjectConfirmationData();
        String confirmed = data == null ? null : data.getInResponseTo();
        if (inResponseTo == null && confirmed == null) {
            return null;
        }
        if (inResponseTo == null || (confirmed != null && !confirmed.equals(inResponseTo))) {
            throw IdentityCenterRule.IN_RESPONSE_TO_UNKNOWN.rejection("Response InResponseTo " + inResponseTo + ", SubjectConfirmationData " + confirmed);
        }
        if (!outstandingRequests.remove(inResponseTo)) {
            throw IdentityCenterRule.IN_RESPONSE_TO_UNKNOWN.rejection("'" + inResponseTo + "' was not sent, or was already answered");
        }
        return inResponseTo;
    }

    /** A SAML 2.0 NameFormat on each AccessControl attribute, and values that are text, not XML. */
    private static void requirePlainAccessControl(Assertion assertion) throws IdentityCenterRejection {
        for (AttributeStatement statement : assertion.getAttributeStatements()) {
            for (Attribute attribute : statement.getAttributes()) {
                if (attribute.getName() == null || !attribute.getName().startsWith(ACCESS_CONTROL_PREFIX)) {
                    continue;
                }
                if (!SAML_NAME_FORMATS.contains(attribute.getNameFormat())) {
                    throw IdentityCenterRule.ACCESS_CONTROL_NAME_FORMAT.rejection(attribute.getName() + " NameFormat " + attribute.getNameFormat());
                }
                for (XMLObject value : attribute.getAttributeValues()) {
                    Element dom = value.getDOM();
                    for (int i = 0; dom != null && i < dom.getChildNodes().getLength(); i++) {
                        if (dom.getChildNodes().item(i) instanceof Element) {
                            throw IdentityCenterRule.ACCESS_CONTROL_INVALID.rejection(attribute.getName() + " has an XML value");
                        }
                    }
                }
            }
        }
    }

    private static Map<String, String> accessControl(AssertionAttributes attributes) throws IdentityCenterRejection {
        List<AssertionAttributes.Element> elements = attributes.prefixed(ACCESS_CONTROL_PREFIX);
        if (elements.size() > MAX_ACCESS_CONTROL) {
            throw IdentityCenterRule.ACCESS_CONTROL_TOO_MANY.rejection(elements.size() + " AccessControl attributes");
        }
        Map<String, String> values = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (AssertionAttributes.Element element : elements) {
            String key = element.name().substring(ACCESS_CONTROL_PREFIX.length());
            if (key.isEmpty() || key.length() > SessionAttributeCheck.MAX_TAG_KEY || !TAG_CHARS.matcher(key).matches()
                    || key.toLowerCase(Locale.ROOT).startsWith("aws:")) {
                throw IdentityCenterRule.ACCESS_CONTROL_INVALID.rejection("key '" + key + "' (" + key.length() + " chars)");
            }
            if (!seen.add(key.toLowerCase(Locale.ROOT))) {
                throw IdentityCenterRule.ACCESS_CONTROL_KEY_REPEATED.rejection("key '" + key + "'");
            }
            if (element.values().size() != 1) {
                throw IdentityCenterRule.ACCESS_CONTROL_INVALID.rejection("key '" + key + "' has " + element.values().size() + " values");
            }
            String value = element.values().get(0);
            if (value.length() > SessionAttributeCheck.MAX_TAG_VALUE || !TAG_CHARS.matcher(value).matches()) {
                throw IdentityCenterRule.ACCESS_CONTROL_INVALID.rejection("key '" + key + "' value of " + value.length() + " chars");
            }
            values.put(key, value);
        }
        return values;
    }

    private static String deflatedBase64(String xml) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // HTTP-Redirect binding: raw DEFLATE (no zlib header), then base64, then URL encoding.
        try (DeflaterOutputStream out = new DeflaterOutputStream(bytes, new Deflater(Deflater.DEFLATED, true))) {
            out.write(xml.getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
