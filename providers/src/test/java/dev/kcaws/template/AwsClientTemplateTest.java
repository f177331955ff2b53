package dev.kcaws.template;



import dev.kcaws.aws.AwsRuleViolation;
import dev.kcaws.aws.Partition;
import dev.kcaws.aws.SigninEndpoint;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AwsClientTemplateTest {

    @Test
    void globalClientClosesEveryKnownTrap() {
        ClientRepresentation rep = AwsClientTemplate.render("aws-demo", new AwsClientOptions(null, null, null, null));
        assertThat(rep.getClientId()).isEqualTo("urn:amazon:webservices");
        assertThat(rep.getProtocol()).isEqualTo("saml");
        assertThat(rep.isFullScopeAllowed()).isFalse();
        assertThat(rep.getDefaultClientScopes()).isEmpty();
        assertThat(rep.getOptionalClientScopes()).isEmpty();
        assertThat(rep.getProtocolMappers()).singleElement().satisfies(m -> assertThat(m.getProtocolMapper()).isEqualTo("aws-role-pair-mapper"));
        assertThat(rep.getAttributes())
                .containsEntry("saml_assertion_consumer_url_post", "https://signin.aws.amazon.com/saml")
                .containsEntry("saml_idp_initiated_sso_url_name", "amazon-aws")
                .containsEntry("saml.server.signature", "true")
                .containsEntry("saml.assertion.signature", "true")
                .containsEntry("saml.signature.algorithm", "RSA_SHA256")
                .containsEntry("saml_name_id_format", "persistent")
                .containsEntry("saml_force_name_id_format", "true")
                .containsEntry("saml.force.post.binding", "true");
        assertThat(rep.getBaseUrl()).isEqualTo("/realms/aws-demo/protocol/saml/clients/amazon-aws");
    }

    @Test
    void regionalGovCloudAndChinaEndpoints() {
        assertThat(AwsClientTemplate.render("r", new AwsClientOptions(AwsClientOptions.parseEndpoint("eu-west-1"), null, null, null))
                .getAttributes()).containsEntry("saml_assertion_consumer_url_post", "https://eu-west-1.signin.aws.amazon.com/saml");
        AwsClientOptions gov = new AwsClientOptions(AwsClientOptions.parseEndpoint("aws-us-gov"), null, null, null);
        assertThat(gov.entityId()).isEqualTo("urn:amazon:webservices:govcloud");
        assertThat(gov.urlName()).isEqualTo("amazon-aws-govcloud");
        assertThat(gov.endpoint().url()).isEqualTo("https://signin.amazonaws-us-gov.com/saml");
        AwsClientOptions cn = new AwsClientOptions(SigninEndpoint.of(Partition.AWS_CN), null, null, null);
        assertThat(cn.endpoint().url()).isEqualTo("https://signin.amazonaws.cn/saml");
    }

    @Test
    void badOptionsNameTheirField() {
        assertThatThrownBy(() -> new AwsClientOptions(AwsClientOptions.parseEndpoint("atlantis"), null, null, null))
                .isInstanceOf(AwsRuleViolation.class).hasMessageStartingWith("endpoint:");
        assertThatThrownBy(() -> AwsClientOptions.parseEndpoint("us-gov-west-1")).hasMessageStartingWith("endpoint:").hasMessageContaining("aws-us-gov");
        assertThatThrownBy(() -> AwsClientOptions.parseEndpoint("cn-north-1")).hasMessageStartingWith("endpoint:").hasMessageContaining("aws-cn");
        assertThatThrownBy(() -> new AwsClientOptions(null, "my-aws", null, null)).hasMessageStartingWith("clientId");
        assertThatThrownBy(() -> new AwsClientOptions(null, "urn:amazon:webservices\u0000", null, null)).hasMessageStartingWith("clientId");
        assertThatThrownBy(() -> new AwsClientOptions(null, null, "..", null)).hasMessageStartingWith("urlName");
        assertThatThrownBy(() -> new AwsClientOptions(null, null, "a%2Fb", null)).hasMessageStartingWith("urlName");
        assertThatThrownBy(() -> new AwsClientOptions(null, null, "has space", null)).hasMessageStartingWith("urlName");
        assertThatThrownBy(() -> new AwsClientOptions(null, "urn:a b", null, null)).hasMessageStartingWith("clientId");
    }
}
