package dev.kcaws.aws;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Identity Center's rules for what the model allows more widely: each refusal names the set or group and the field. */
class IdentityCenterRulesTest {

    @ParameterizedTest
    @CsvSource({"3600,PT1H", "5400,PT1H30M", "7200,PT2H", "28800,PT8H", "43140,PT11H59M", "43200,PT12H", "3660,PT1H1M"})
    void sessionDurationIsIso8601HoursAndMinutes(int seconds, String iso) {
        assertThat(IdentityCenterRules.sessionDuration("Dev", new SessionDuration(seconds))).isEqualTo(iso)
                .matches("PT([1-9]|1[0-2])H([1-5]?[0-9]M)?");
        assertThat(java.time.Duration.parse(iso).getSeconds()).isEqualTo(seconds);
    }

    @ParameterizedTest
    @ValueSource(ints = {900, 1800, 3599})
    void sessionsShorterThanAnHourAreRefusedNamingTheSet(int seconds) {
        assertThatThrownBy(() -> IdentityCenterRules.sessionDuration("Short", new SessionDuration(seconds)))
                .isInstanceOf(AwsRuleViolation.class)
                .hasMessageStartingWith("permissionSet.sessionDuration: permission set Short:")
                .hasMessageContaining("1 to 12 hours").hasMessageContaining(String.valueOf(seconds))
                .extracting(e -> ((AwsRuleViolation) e).field()).isEqualTo("permissionSet.sessionDuration");
    }

    @ParameterizedTest
    @ValueSource(ints = {3601, 3659, 43199})
    void secondsThatAreNotWholeMinutesAreRefused(int seconds) {
        assertThatThrownBy(() -> IdentityCenterRules.sessionDuration("Odd", new SessionDuration(seconds)))
                .isInstanceOf(AwsRuleViolation.class).hasMessageContaining("permission set Odd").hasMessageContaining("whole minutes");
    }

    @Test
    void descriptionsInIdentityCentersCharactersPassAnEmptyOneIsLeftOut() {
        String latin = "Read & write \"quoted\" \\ back\tslash\nnew line\r ${x} %{y} café ñ ÿ";
        assertThat(IdentityCenterRules.description("Dev", latin)).isEqualTo(latin);
        assertThat(IdentityCenterRules.description("Dev", null)).isNull();
        assertThat(IdentityCenterRules.description("Dev", "")).as("Identity Center refuses an empty description").isNull();
        assertThat(IdentityCenterRules.description("Dev", "x".repeat(700))).hasSize(700);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Build – fast", "ok ✓", "emoji 😀", "Korean 개발", "nbsp-less \u00A0 fine but \u0080 is C1"})
    void descriptionsWithOtherCharactersAreRefusedNamingTheSetAndTheCharacter(String description) {
        assertThatThrownBy(() -> IdentityCenterRules.description("Developer", description))
                .isInstanceOf(AwsRuleViolation.class)
                .hasMessageStartingWith("permissionSet.description: permission set Developer:")
                .hasMessageContaining("U+");
    }

    @Test
    void descriptionsLongerThan700AreRefused() {
        assertThatThrownBy(() -> IdentityCenterRules.description("Dev", "x".repeat(701)))
                .isInstanceOf(AwsRuleViolation.class).hasMessageContaining("700");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://console.aws.amazon.com/billing/home", "https://s3.console.aws.amazon.com/s3/home?region=us-east-1#/buckets",
            "https://console.aws.amazon.com/a%20b/(x)[y]{z}!*'\"|;,~@$+="})
    void relayStatesOfIdentityCentersPatternPass(String url) {
        assertThat(IdentityCenterRules.relayState("Billing", url)).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://console.aws.amazon.com/é", "https://console.aws.amazon.com/<x>", "https://console.aws.amazon.com/^",
            "https://console.aws.amazon.com/`", "https://console.aws.amazon.com/a\nb"})
    void otherRelayStatesAreRefusedNamingTheSet(String url) {
        assertThatThrownBy(() -> IdentityCenterRules.relayState("Billing", url))
                .isInstanceOf(AwsRuleViolation.class).hasMessageStartingWith("permissionSet.relayState: permission set Billing:");
    }

    @Test
    void everyNameTheModelTakesIdentityCenterTakes() {
        String all = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_+=,.@-";
        for (int i = 0; i < all.length(); i += 16) {
            String name = all.substring(i, Math.min(all.length(), i + 32));
            assertThat(PermissionSetName.isValid(name)).isTrue();
            assertThat(IdentityCenterRules.permissionSetName(name)).isEqualTo(name);
        }
        assertThat(IdentityCenterRules.permissionSetName("x".repeat(32))).hasSize(32);
        for (String bad : new String[] {"", "x".repeat(33), "a b", "é", "a/b", null}) {
            assertThatThrownBy(() -> IdentityCenterRules.permissionSetName(bad)).isInstanceOf(AwsRuleViolation.class)
                    .extracting(e -> ((AwsRuleViolation) e).field()).isEqualTo("permissionSet.name");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"DevOps", "Billing Admin", "Ops \"quoted\"", "a\\b", "${x}", "%{y}", "multi\nline", "tab\there", "개발팀", "nb\u00A0sp",
            "Ünïcödé-Group_1", "emoji 😀"})
    void groupNamesIdentityCenterTakes(String name) {
        assertThat(IdentityCenterRules.groupDisplayName(name, "/" + name)).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nul\u0000", "bell\u0007", "zero\u200Bwidth", "bidi\u202Eoverride", "Administrator", "AWSAdministrators"})
    void otherGroupNamesAreRefusedNamingTheGroup(String name) {
        assertThatThrownBy(() -> IdentityCenterRules.groupDisplayName(name, "/parent/g"))
                .isInstanceOf(AwsRuleViolation.class).hasMessageStartingWith("group: group '/parent/g':")
                .extracting(e -> ((AwsRuleViolation) e).field()).isEqualTo("group");
        assertThatThrownBy(() -> IdentityCenterRules.groupDisplayName("x".repeat(1025), "/long")).isInstanceOf(AwsRuleViolation.class);
        assertThat(IdentityCenterRules.groupDisplayName("x".repeat(1024), "/long")).hasSize(1024);
    }
}
