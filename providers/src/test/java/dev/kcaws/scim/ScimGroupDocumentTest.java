package dev.kcaws.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class ScimGroupDocumentTest {

    @Test
    void groupIsCreatedWithNameExternalIdAndNoMembers() {
        JsonNode json = ScimGroupDocument.of(" DevOps ", "kc-g1").toJson();
        assertThat(json.get("schemas").get(0).asText()).isEqualTo(ScimJson.GROUP_SCHEMA);
        assertThat(json.get("displayName").asText()).isEqualTo("DevOps");
        assertThat(json.get("externalId").asText()).isEqualTo("kc-g1");
        assertThat(json.get("members")).isEmpty();
    }

    @Test
    void blankNameIsRefused() {
        assertThatThrownBy(() -> ScimGroupDocument.of("  ", "kc-g1")).isInstanceOf(ScimInputException.class);
    }
}
