package dev.kcaws.it;

import dev.kcaws.testsupport.AwsLogin;
import dev.kcaws.testsupport.awssp.AwsLikeServiceProvider;
import dev.kcaws.testsupport.awssts.AwsLikeSts;
import dev.kcaws.testsupport.keycloak.BrowserSession;
import dev.kcaws.testsupport.keycloak.KeycloakServer;
import dev.kcaws.testsupport.keycloak.Page;
import dev.kcaws.testsupport.keycloak.SharedKeycloak;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Access keys from the portal: the real AWS SDK calls an AWS-like STS that speaks STS's wire format
 * and validates the assertion as AWS does; only the chosen, held role, only with the page's token.
 */
class AccessKeysIT {

    static KeycloakServer server;
    static AwsLogin aws;
    static AwsLikeSts sts;
    static String portal;

    @BeforeAll
    static void start() {
        server = SharedKeycloak.get();
        aws = AwsLogin.to(server, "aws-demo");
        portal = aws.realmUrl() + "/aws/";
        String metadata = new BrowserSession().get(aws.realmUrl() + "/protocol/saml/descriptor").body();
        sts = AwsLikeSts.startOn(SharedKeycloak.stsPort(), AwsLikeServiceProvider.trustingIdpMetadata(metadata), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        sts.close();
    }

    static Page portal(BrowserSession browser, String user) {
        Page page = browser.get(portal);
        return page.isLoginForm() ? browser.submitLogin(page, user, user) : page;
    }

    static Page pressAccessKeys(BrowserSession browser, Page portalPage, String accountId, String role) {
        Element button = portalPage.document().selectFirst(
                ".kcaws-account[data-account-id=" + accountId + "] .kcaws-role[data-role=" + role + "] .kcaws-keys-button");
        String csrf = portalPage.document().selectFirst("#kcaws-keys input[name=csrf]").attr("value");
        return browser.post(portal + "credentials", Map.of("csrf", csrf, "access", button.attr("value")));
    }

    @Test
    void bobGetsKeysForExactlyTheRoleHePressed() throws Exception {
        BrowserSession browser = new BrowserSession();
        int before = sts.acceptedCalls().size();
        Page keys = pressAccessKeys(browser, portal(browser, "bob"), "222222222222", "PowerUserAccess");
        assertThat(keys.status()).as(keys.toString()).isEqualTo(200);
        assertThat(keys.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        assertThat(sts.acceptedCalls()).hasSize(before + 1);
        var call = sts.acceptedCalls().get(before);
        assertThat(call.roleArn()).isEqualTo("arn:aws:iam::222222222222:role/PowerUserAccess");
        assertThat(call.principalArn()).isEqualTo("arn:aws:iam::222222222222:saml-provider/keycloak");
        assertThat(call.durationSeconds()).isEqualTo(28800);
        assertThat(call.roleSessionName()).isEqualTo("bob@example.com");

        String accessKeyId = keys.document().selectFirst("#kcaws-access-key-id").text();
        String secret = keys.document().selectFirst("#kcaws-secret-access-key").text();
        assertThat(accessKeyId).startsWith("ASIA");
        assertThat(keys.document().selectFirst("#kcaws-creds-bash").text()).contains("export AWS_ACCESS_KEY_ID='" + accessKeyId + "'")
                .contains("AWS_SECRET_ACCESS_KEY").contains("AWS_SESSION_TOKEN");
        assertThat(keys.document().selectFirst("#kcaws-creds-powershell").text()).contains("$Env:AWS_ACCESS_KEY_ID=\"" + accessKeyId + "\"");
        assertThat(keys.document().selectFirst("#kcaws-creds-file").text()).contains("[222222222222_PowerUserAccess]")
                .contains("aws_secret_access_key=" + secret);
        assertThat(Files.readString(server.logFile())).as("credentials are never logged").doesNotContain(secret);
    }

    @Test
    void withoutThePagesTokenNothingIsIssued() {
        BrowserSession browser = new BrowserSession();
        portal(browser, "bob");
        int calls = sts.requestCount();
        Page noToken = browser.post(portal + "credentials", Map.of("access", "222222222222:PowerUserAccess"));
        Page wrongToken = browser.post(portal + "credentials", Map.of("csrf", "forged", "access", "222222222222:PowerUserAccess"));
        assertThat(noToken.status()).isEqualTo(403);
        assertThat(wrongToken.status()).isEqualTo(403);
        assertThat(sts.requestCount()).isEqualTo(calls);
    }

    @Test
    void aRoleTheUserDoesNotHoldIsRefusedWhateverIsPosted() {
        BrowserSession browser = new BrowserSession();
        Page page = portal(browser, "bob");
        String csrf = page.document().selectFirst("#kcaws-keys input[name=csrf]").attr("value");
        int calls = sts.requestCount();
        for (String access : new String[] {"111111111111:AdministratorAccess", "111111111111:Billing", "*", "garbage", "1:x"}) {
            Page refused = browser.post(portal + "credentials", Map.of("csrf", csrf, "access", access));
            assertThat(refused.status()).as(access).isIn(400, 403);
        }
        assertThat(sts.requestCount()).isEqualTo(calls);
    }

    @Test
    void anonymousRequestsGetNothing() {
        Page page = new BrowserSession().post(portal + "credentials", Map.of("csrf", "x", "access", "222222222222:PowerUserAccess"));
        assertThat(page.status()).isEqualTo(401);
    }
}
