package dev.kcaws.template;


import dev.kcaws.aws.AwsRuleViolation;
import dev.kcaws.aws.SigninEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Client fields that Keycloak's database cannot store are a 400 naming the field, not a 500. */
class AwsClientOptionsTest {

    @Test
    void aNameLongerThanKeycloaksColumnOrWithControlCharactersIsRefused() {
        assertThatThrownBy(() -> new AwsClientOptions(SigninEndpoint.GLOBAL, null, null, "n".repeat(256)))
                .isInstanceOf(AwsRuleViolation.class).extracting(e -> ((AwsRuleViolation) e).field()).isEqualTo("name");
        assertThatThrownBy(() -> new AwsClientOptions(SigninEndpoint.GLOBAL, null, null, "a\u0000b"))
                .isInstanceOf(AwsRuleViolation.class).extracting(e -> ((AwsRuleViolation) e).field()).isEqualTo("name");
        assertThat(new AwsClientOptions(SigninEndpoint.GLOBAL, null, null, "n".repeat(255)).displayName()).hasSize(255);
    }

    @Test
    void aClientIdWithAControlCharacterIsRefused() {
        assertThatThrownBy(() -> new AwsClientOptions(SigninEndpoint.GLOBAL, "urn:a\u0000b", null, null))
                .isInstanceOf(AwsRuleViolation.class).extracting(e -> ((AwsRuleViolation) e).field()).isEqualTo("clientId");
    }
}
