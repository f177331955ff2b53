package dev.kcaws.scim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** What counts as a difference between Identity Center's copy of a user and what the push would send. */
class DriftTest {
    private final ScimUserDocument wanted = ScimUserDocument.from(
            new KeycloakUser("kc-1", "ada", "ada@example.com", "Ada", "Lovelace", true), UserNameSource.EMAIL);

    private ObjectNode held() {
        ObjectNode held = wanted.toJson();
        held.put("id", "9067729b3d-1");
        held.put("title", "kept by Identity Center, not the push's business");
        return held;
    }

    @Test
    void theSameDocumentWithMoreAttributesDoesNotDiffer() {
        assertThat(Drift.userDiffers(held(), wanted)).isFalse();
    }

    @Test
    void aServerThatDoesNotKeepExternalIdDoesNotMakeEveryUserDiffer() {
        ObjectNode held = held();
        held.remove("externalId");
        assertThat(Drift.userDiffers(held, wanted)).isFalse();
        held.put("externalId", "okta-1");
        assertThat(Drift.userDiffers(held, wanted)).isTrue();
    }

    @Test
    void eachSentAttributeCounts() {
        ObjectNode held = held();
        held.with("name").put("familyName", "Byron");
        assertThat(Drift.userDiffers(held, wanted)).isTrue();
        held = held();
        held.put("active", false);
        assertThat(Drift.userDiffers(held, wanted)).isTrue();
        held = held();
        held.withArray("emails").addObject().put("value", "second@example.com");
        assertThat(Drift.userDiffers(held, wanted)).isTrue();
        held = held();
        held.remove("emails");
        assertThat(Drift.userDiffers(held, wanted)).isTrue();
    }
}
