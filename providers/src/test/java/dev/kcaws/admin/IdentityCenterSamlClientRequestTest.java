package dev.kcaws.admin;

import dev.kcaws.admin.IdentityCenterSamlClientRequest.AccessControlAttributeRepresentation;
import dev.kcaws.template.IdentityCenterClientOptions;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ErrorRepresentation;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The Identity Center SAML client's request: metadata or ACS + issuer, optional fields, every bad one listed. */
class IdentityCenterSamlClientRequestTest {

    static final String ISSUER = "https://eu-west-1.signin.aws.amazon.com/platform/saml/d-9367000000";
    static final String ACS = "https://eu-west-1.signin.aws/platform/saml/acs/4ac38751-0bc8-4220-b40b-e027af9ecaa5";

    @Test
    void acsUrlAndIssuerWithDefaults() {
        IdentityCenterClientOptions options = IdentityCenterSamlClientResource.options(
                new IdentityCenterSamlClientRequest(null, ACS, ISSUER, null, null, null, null));
        assertThat(options.sp().issuer()).isEqualTo(ISSUER);
        assertThat(options.sp().acsUrls()).containsExactly(ACS);
        assertThat(options.urlName()).isEqualTo("aws-identity-center");
        assertThat(options.displayName()).isEqualTo("AWS IAM Identity Center");
        assertThat(options.attributes()).isEmpty();
        assertThat(options.accessPortalUrl()).isNull();
    }

    @Test
    void everyBadFieldIsListedAtOnce() {
        ErrorRepresentation error = refusal(new IdentityCenterSamlClientRequest(null, ISSUER, ACS,
                List.of(new AccessControlAttributeRepresentation("aws:x", "a"), new AccessControlAttributeRepresentation("Team", null)),
                "a/b", "x".repeat(256), "https://evil.example/start"));
        assertThat(fields(error)).containsExactly("issuer", "acsUrl", "attributes[0].key", "attributes[1].userAttribute", "urlName", "name",
                "accessPortalUrl");
        error.getErrors().forEach(e -> assertThat(e.getErrorMessage()).startsWith(e.getField() + ":"));
    }

    @Test
    void metadataOrUrlsNotBothAndNotNeither() {
        assertThat(fields(refusal(new IdentityCenterSamlClientRequest("<x/>", ACS, null, null, null, null, null)))).containsExactly("metadata");
        ErrorRepresentation neither = refusal(new IdentityCenterSamlClientRequest(null, null, null, List.of(), null, null, null));
        assertThat(neither.getErrorMessage()).startsWith("metadata: is missing: give Identity Center's service-provider metadata");
        assertThat(fields(refusal(new IdentityCenterSamlClientRequest(null, ACS, null, null, null, null, null)))).containsExactly("issuer");
    }

    private static ErrorRepresentation refusal(IdentityCenterSamlClientRequest request) {
        InvalidFields e = catchThrowableOfType(InvalidFields.class, () -> IdentityCenterSamlClientResource.options(request));
        assertThat(e).as("refused").isNotNull();
        return AdminErrors.representation(e);
    }

    private static List<String> fields(ErrorRepresentation error) {
        return error.getErrors() == null ? List.of(error.getField()) : error.getErrors().stream().map(ErrorRepresentation::getField).toList();
    }
}
