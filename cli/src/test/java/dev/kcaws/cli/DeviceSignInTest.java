package dev.kcaws.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The device authorization grant's polling (RFC 8628 3.4-3.5) against a scripted Keycloak. */
class DeviceSignInTest {
    static final String STARTED = "{\"device_code\":\"dev-1\",\"user_code\":\"ABCD-EFGH\",\"verification_uri\":\"https://sso/device\","
            + "\"verification_uri_complete\":\"https://sso/device?user_code=ABCD-EFGH\",\"expires_in\":600,\"interval\":2}";
    static final String PENDING = "{\"error\":\"authorization_pending\",\"error_description\":\"The authorization request is still pending\"}";

    FakeKeycloak keycloak;
    final List<Duration> waits = new ArrayList<>();
    final List<String> told = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        keycloak = new FakeKeycloak();
    }

    @AfterEach
    void stop() {
        keycloak.close();
    }

    String signIn() {
        return new DeviceSignIn(new KeycloakHttp(), keycloak.url(), waits::add, told::add).signIn();
    }

    @Test
    void pollsAtTheServersIntervalUntilApprovedAndShowsTheCode() {
        keycloak.reply("/protocol/openid-connect/auth/device", 200, STARTED)
                .reply("/protocol/openid-connect/token", 400, PENDING)
                .reply("/protocol/openid-connect/token", 400, PENDING)
                .reply("/protocol/openid-connect/token", 200, "{\"access_token\":\"a\",\"refresh_token\":\"r-1\"}");
        assertThat(signIn()).isEqualTo("r-1");
        assertThat(waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2));
        assertThat(String.join("\n", told)).contains("https://sso/device?user_code=ABCD-EFGH").contains("ABCD-EFGH");
        var start = keycloak.requestsTo("/protocol/openid-connect/auth/device").get(0);
        assertThat(start.form()).containsEntry("client_id", "aws-cli");
        var polls = keycloak.requestsTo("/protocol/openid-connect/token");
        assertThat(polls).hasSize(3).allSatisfy(p -> assertThat(p.form())
                .containsEntry("grant_type", "urn:ietf:params:oauth:grant-type:device_code")
                .containsEntry("client_id", "aws-cli").containsEntry("device_code", "dev-1"));
    }

    @Test
    void slowDownAddsFiveSecondsToEveryLaterPoll() {
        keycloak.reply("/protocol/openid-connect/auth/device", 200, STARTED)
                .reply("/protocol/openid-connect/token", 400, "{\"error\":\"slow_down\"}")
                .reply("/protocol/openid-connect/token", 400, PENDING)
                .reply("/protocol/openid-connect/token", 400, "{\"error\":\"slow_down\"}")
                .reply("/protocol/openid-connect/token", 200, "{\"access_token\":\"a\",\"refresh_token\":\"r-1\"}");
        assertThat(signIn()).isEqualTo("r-1");
        assertThat(waits).extracting(Duration::getSeconds).containsExactly(2L, 7L, 7L, 12L);
    }

    @Test
    void noIntervalMeansFiveSeconds() {
        keycloak.reply("/protocol/openid-connect/auth/device", 200, STARTED.replace(",\"interval\":2", ""))
                .reply("/protocol/openid-connect/token", 200, "{\"access_token\":\"a\",\"refresh_token\":\"r-1\"}");
        signIn();
        assertThat(waits).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void anExpiredCodeEndsWithOneLineSayingToLogInAgain() {
        keycloak.reply("/protocol/openid-connect/auth/device", 200, STARTED)
                .reply("/protocol/openid-connect/token", 400, PENDING)
                .reply("/protocol/openid-connect/token", 400, "{\"error\":\"expired_token\"}");
        assertThatThrownBy(this::signIn).isInstanceOf(CliFailure.class)
                .hasMessage("the sign-in code expired before it was approved; run again: kcaws-aws login --url " + keycloak.url());
        assertThat(keycloak.requestsTo("/protocol/openid-connect/token")).hasSize(2);
    }

    @Test
    void stopsPollingOnceTheCodesLifetimeHasPassedEvenIfStillPending() {
        keycloak.reply("/protocol/openid-connect/auth/device", 200, STARTED.replace("\"expires_in\":600", "\"expires_in\":5"))
                .reply("/protocol/openid-connect/token", 400, PENDING);
        assertThatThrownBy(this::signIn).isInstanceOf(CliFailure.class).hasMessageContaining("expired");
        assertThat(keycloak.requestsTo("/protocol/openid-connect/token")).hasSize(3);
    }

    @Test
    void aDeniedSignInSaysSo() {
        keycloak.reply("/protocol/openid-connect/auth/device", 200, STARTED)
                .reply("/protocol/openid-connect/token", 400, "{\"error\":\"access_denied\"}");
        assertThatThrownBy(this::signIn).isInstanceOf(CliFailure.class)
                .hasMessage("the sign-in was denied in the browser; to try again run: kcaws-aws login --url " + keycloak.url());
    }

    @Test
    void aRealmWithoutTheClientSaysWhoToAsk() {
        keycloak.reply("/protocol/openid-connect/auth/device", 401, "{\"error\":\"invalid_client\",\"error_description\":\"Invalid client or Invalid client credentials\"}");
        assertThatThrownBy(this::signIn).isInstanceOf(CliFailure.class)
                .hasMessageContaining("client aws-cli missing or disabled").hasMessageContaining("administrator");
        assertThat(keycloak.requestsTo("/protocol/openid-connect/token")).isEmpty();
    }
}
