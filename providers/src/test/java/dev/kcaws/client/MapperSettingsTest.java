package dev.kcaws.client;

import dev.kcaws.aws.AwsRuleViolation;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A setting the mapper cannot use is refused naming it, when it is saved or imported, not at every login. */
class MapperSettingsTest {

    private static void assertRefused(Map<String, String> config, String setting) {
        assertThatThrownBy(() -> MapperSettings.from(config)).isInstanceOf(AwsRuleViolation.class)
                .hasMessageStartingWith(setting + ":")
                .extracting(e -> ((AwsRuleViolation) e).field()).isEqualTo(setting);
    }

    @Test
    void aTagEntryWithoutKeyOrAttributeIsRefused() {
        assertRefused(Map.of(MapperSettings.PRINCIPAL_TAGS, "Department"), MapperSettings.PRINCIPAL_TAGS);
        assertRefused(Map.of(MapperSettings.PRINCIPAL_TAGS, "=department"), MapperSettings.PRINCIPAL_TAGS);
    }

    @Test
    void aTagKeyStsRefusesIsRefused() {
        assertRefused(Map.of(MapperSettings.PRINCIPAL_TAGS, "aws:Department=department"), MapperSettings.PRINCIPAL_TAGS);
        assertRefused(Map.of(MapperSettings.PRINCIPAL_TAGS, "<b>=department"), MapperSettings.PRINCIPAL_TAGS);
        assertRefused(Map.of(MapperSettings.PRINCIPAL_TAGS, "Team=a##team=b"), MapperSettings.PRINCIPAL_TAGS);
    }

    @Test
    void aTransitiveKeyMustBeOneOfTheTags() {
        assertRefused(Map.of(MapperSettings.TRANSITIVE_TAG_KEYS, "CostCenter"), MapperSettings.TRANSITIVE_TAG_KEYS);
        assertRefused(Map.of(MapperSettings.PRINCIPAL_TAGS, "Department=department", MapperSettings.TRANSITIVE_TAG_KEYS, "department"),
                MapperSettings.TRANSITIVE_TAG_KEYS);
        assertThat(MapperSettings.from(Map.of(MapperSettings.PRINCIPAL_TAGS, "Department=department",
                MapperSettings.TRANSITIVE_TAG_KEYS, "Department")).transitiveTagKeys()).containsExactly("Department");
    }

    @Test
    void aSwitchIsTrueOrFalseNotAnythingThatReadsAsFalse() {
        assertRefused(Map.of(MapperSettings.PRINCIPAL_TAGS_REQUIRED, "yes"), MapperSettings.PRINCIPAL_TAGS_REQUIRED);
        assertRefused(Map.of(MapperSettings.SOURCE_IDENTITY_REQUIRED, "1"), MapperSettings.SOURCE_IDENTITY_REQUIRED);
        assertThat(MapperSettings.from(Map.of(MapperSettings.PRINCIPAL_TAGS_REQUIRED, "true")).principalTagsRequired()).isTrue();
        assertThat(MapperSettings.from(Map.of(MapperSettings.SOURCE_IDENTITY_REQUIRED, "")).sourceIdentityRequired()).isFalse();
        assertThat(MapperSettings.defaults()).isEqualTo(MapperSettings.from(Map.of()));
    }
}
