package dev.kcaws.iac;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TerraformJsonTest {

    @ParameterizedTest
    @ValueSource(strings = {"${file(\"/etc/passwd\")}", "%{ if true }x%{ endif }", "${aws:username}", "$${already}", "%%{already}",
            "$$${x}", "%${x}", "$%{x}", "a$", "a%", "${", "%{", "$ {x}", "plain text", "line\nbreak\u0000nul"})
    void escapedTextReadsBackLiterallyWithNothingEvaluated(String text) {
        TerraformTemplates.Reading reading = TerraformTemplates.read(TerraformJson.escape(text));
        assertThat(reading.interpolations()).isEmpty();
        assertThat(reading.directives()).isEmpty();
        assertThat(reading.literal()).isEqualTo(text);
    }

    @Test
    void everyStringAndKeyIsEscapedExceptTheBundlesOwnReferences() {
        ObjectNode config = Json.MAPPER.createObjectNode();
        config.put("a", "${data}");
        config.putObject("m").put("%{ key }", "v").putArray("list").add("${x}").add(1);
        config.set("ref", TerraformJson.reference("aws_iam_role.x.id"));
        ObjectNode doc = Json.MAPPER.createObjectNode();
        doc.put("Resource", "arn:aws:s3:::${aws:username}");
        doc.set("Federated", TerraformJson.reference("aws_iam_saml_provider.keycloak.arn"));
        config.set("policy", TerraformJson.document(doc));

        JsonNode out = TerraformJson.literal(config);
        assertThat(out.path("a").asText()).isEqualTo("$${data}");
        assertThat(out.path("m").has("%%{ key }")).isTrue();
        assertThat(out.path("m").path("list").get(0).asText()).isEqualTo("$${x}");
        assertThat(out.path("m").path("list").get(1).asInt()).isEqualTo(1);
        assertThat(out.path("ref").asText()).isEqualTo("${aws_iam_role.x.id}");
        assertThat(out.path("policy").asText())
                .isEqualTo("{\"Resource\":\"arn:aws:s3:::$${aws:username}\",\"Federated\":\"${aws_iam_saml_provider.keycloak.arn}\"}");
        assertThat(TerraformTemplates.evaluated(out))
                .containsExactly("${aws_iam_role.x.id}", "${aws_iam_saml_provider.keycloak.arn}");
    }
}
