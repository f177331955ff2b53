package dev.kcaws.identitycenter;

import dev.kcaws.aws.AwsRuleViolation;
import dev.kcaws.scim.LeavePolicy;
import dev.kcaws.scim.UserNameSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ScimSettingsRulesTest {

    static final String ENDPOINT = "https://scim.us-east-1.amazonaws.com/a1b2c3d4-e5f6/scim/v2/";
    static final String TOKEN = "eyJhbGciOi.secret-token-value_123";
    static final Predicate<String> GROUPS = Set.of("g-dev", "g-ops")::contains;

    static ScimSettingsDraft draft(String endpoint, String token, List<String> groups, String leave, String minutes) {
        return new ScimSettingsDraft(true, endpoint, token, groups, leave, minutes);
    }

    @Test
    void validSettingsAreReadWithTheirDefaults() {
        IdentityCenterSettings settings = ScimSettingsRules.check(draft(ENDPOINT, TOKEN, List.of("g-dev", "g-ops", "g-dev"), null, null),
                GROUPS, UserNameSource.USERNAME);
        assertThat(settings.enabled()).isTrue();
        assertThat(settings.endpoint()).hasToString(ENDPOINT);
        assertThat(settings.groupIds()).containsExactly("g-dev", "g-ops");
        assertThat(settings.leavePolicy()).isEqualTo(LeavePolicy.DEACTIVATE);
        assertThat(settings.reconcileInterval()).isEqualTo(Duration.ofMinutes(60));
        assertThat(settings.userNameSource()).isEqualTo(UserNameSource.USERNAME);
        assertThat(settings.tokenFromVault()).isFalse();
        assertThat(settings.toString()).doesNotContain(TOKEN);
    }

    @Test
    void everyInvalidFieldIsNamedAtOnceAndNoValueIsEchoed() {
        ScimSettingsRules.Invalid invalid = catchThrowableOfType(ScimSettingsRules.Invalid.class, () -> ScimSettingsRules.check(
                draft("http://scim.example.com/t/scim/v2/", "bad token with spaces", List.of("g-gone"), "ARCHIVE", "5"),
                GROUPS, UserNameSource.EMAIL));
        assertThat(invalid.violations()).extracting(AwsRuleViolation::field)
                .containsExactly("endpoint", "token", "groupIds", "leavePolicy", "reconcileIntervalMinutes");
        assertThat(invalid.violations()).allSatisfy(v -> assertThat(v.getMessage()).doesNotContain("bad token with spaces"));
        assertThat(invalid.violations().get(2).getMessage()).contains("g-gone");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "http://scim.us-east-1.amazonaws.com/t1/scim/v2/",  // the token would travel in clear
        "http://10.0.0.5/t1/scim/v2/",
        "ftp://scim.us-east-1.amazonaws.com/t1/scim/v2/",
        "scim.us-east-1.amazonaws.com/t1/scim/v2/",         // not absolute
        "https://scim.us-east-1.amazonaws.com",             // no path
        "https://scim.us-east-1.amazonaws.com/",
        "https://user:pw@scim.us-east-1.amazonaws.com/t1/scim/v2/",
        "https://scim.us-east-1.amazonaws.com/t1/scim/v2/?x=1",
        "https://scim.us-east-1.amazonaws.com/t1/scim/v2/#f",
        "https://scim.us-east-1.amazonaws.com/t1/",         // AWS host, not the SCIM path
        "https://evil.amazonaws.com/t1/scim/v2/",           // AWS domain, not the SCIM host
        "https://scim.us-east-1.amazonaws.com/t1/scim/v1/",
        "https://exa mple.com/scim/",
        "",
    })
    void endpointsOtherThanAnHttpsUrlWithAPathAreRefused(String endpoint) {
        assertThatThrownBy(() -> ScimSettingsRules.endpoint(endpoint)).isInstanceOf(AwsRuleViolation.class)
                .extracting(e -> ((AwsRuleViolation) e).field()).isEqualTo("endpoint");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://scim.us-east-1.amazonaws.com/a1b2c3d4-e5f6/scim/v2/",
        "https://scim.eu-central-1.amazonaws.com/x_Y-9/scim/v2",
        "https://scim.us-gov-west-1.amazonaws.com/t1/scim/v2/",
        "https://scim.proxy.example.com/aws/scim/v2/",       // another host: an absolute https URL with a path
        "https://127.example.com/aws/scim/v2/",
    })
    void identityCenterEndpointsAreAccepted(String endpoint) {
        assertThat(ScimSettingsRules.endpoint(endpoint)).hasToString(endpoint);
        assertThat(ScimSettingsRules.endpoint(endpoint, false)).hasToString(endpoint);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "http://127.0.0.1:8081/t-1/scim/v2/",                // tests' local fake server
        "http://localhost:8081/t-1/scim/v2/",
        "http://[::1]:8081/t-1/scim/v2/",
        "https://localhost:8443/t-1/scim/v2/",
        "https://127.0.0.2/t-1/scim/v2/",
        "http://0.0.0.0:8080/admin/",
    })
    void thisMachineIsAnEndpointOnlyWithTheServerOptionForTests(String endpoint) {
        assertThat(ScimSettingsRules.endpoint(endpoint, true)).hasToString(endpoint);
        AwsRuleViolation refused = catchThrowableOfType(AwsRuleViolation.class, () -> ScimSettingsRules.endpoint(endpoint, false));
        assertThat(refused).as(endpoint).isNotNull();
        assertThat(refused.field()).isEqualTo("endpoint");
        // Without the option (production's default) the rules refuse it too.
        assertThatThrownBy(() -> ScimSettingsRules.endpoint(endpoint)).isInstanceOf(AwsRuleViolation.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://scim.example.com:99999/t/scim/v2/",
        "https://scim.example.com:65536/t/scim/v2/",
        "https://scim.example.com:0/t/scim/v2/",
        "https://scim.us-east-1.amazonaws.com:70000/t1/scim/v2/",
    })
    void anEndpointWithAPortNoConnectionCanUseIsRefused(String endpoint) {
        AwsRuleViolation refused = catchThrowableOfType(AwsRuleViolation.class, () -> ScimSettingsRules.endpoint(endpoint));
        assertThat(refused).isNotNull();
        assertThat(refused.field()).isEqualTo("endpoint");
        assertThat(refused.key()).isEqualTo("kcawsRuleScimEndpointPort");
        assertThat(refused.getMessage()).contains("65535");
        assertThat(ScimSettingsRules.endpoint("https://scim.example.com:65535/t/scim/v2/").getPort()).isEqualTo(65535);
    }

    @Test
    void aVaultReferenceIsKeptAsTypedAndNeverResolvedHere() {
        IdentityCenterSettings settings = ScimSettingsRules.check(draft(ENDPOINT, " ${vault.scim-token} ", List.of("g-dev"), "delete", "0"),
                GROUPS, UserNameSource.EMAIL);
        assertThat(settings.tokenFromVault()).isTrue();
        assertThat(settings.tokenVaultReference()).contains("${vault.scim-token}");
        assertThat(settings.leavePolicy()).isEqualTo(LeavePolicy.DELETE);
        assertThat(settings.reconcileInterval()).isEqualTo(Duration.ZERO);
        assertThatThrownBy(() -> ScimSettingsRules.token("${vault.}")).isInstanceOf(AwsRuleViolation.class);
    }

    @Test
    void tokenRules() {
        assertThatThrownBy(() -> ScimSettingsRules.token(null)).hasMessageStartingWith("token:");
        assertThatThrownBy(() -> ScimSettingsRules.token("  ")).hasMessageStartingWith("token:");
        assertThatThrownBy(() -> ScimSettingsRules.token("a\nb")).hasMessageStartingWith("token:").hasMessageNotContaining("a\nb");
        // What Keycloak's components API and partial export show for a secret: never stored as the token.
        assertThatThrownBy(() -> ScimSettingsRules.token("**********")).hasMessageContaining("mask");
        assertThatThrownBy(() -> ScimSettingsRules.token("x".repeat(ScimSettingsRules.MAX_TOKEN_LENGTH + 1))).hasMessageStartingWith("token:");
        assertThat(ScimSettingsRules.token(" " + TOKEN + " ")).isEqualTo(TOKEN);
    }

    @Test
    void groupsAreRequiredWhileThePushIsOnButNotWhenItIsOff() {
        assertThatThrownBy(() -> ScimSettingsRules.groups(List.of(), GROUPS, true)).hasMessageContaining("at least one");
        assertThat(ScimSettingsRules.groups(List.of(), GROUPS, false)).isEmpty();
        assertThatThrownBy(() -> ScimSettingsRules.groups(List.of("g-dev", " "), GROUPS, true)).hasMessageStartingWith("groupIds:");
    }

    @Test
    void reconcileIntervalIsOffOrWithinBounds() {
        assertThat(ScimSettingsRules.reconcileInterval("15")).isEqualTo(Duration.ofMinutes(15));
        assertThat(ScimSettingsRules.reconcileInterval("10080")).isEqualTo(Duration.ofDays(7));
        for (String bad : List.of("14", "10081", "-1", "1.5", "hourly")) {
            assertThatThrownBy(() -> ScimSettingsRules.reconcileInterval(bad)).as(bad).hasMessageStartingWith("reconcileIntervalMinutes:");
        }
    }
}
