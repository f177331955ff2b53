package dev.kcaws.it;

import dev.kcaws.testsupport.AwsLogin;
import dev.kcaws.testsupport.DemoRealm;
import dev.kcaws.testsupport.awssp.AwsSignIn;
import dev.kcaws.testsupport.keycloak.BrowserSession;
import dev.kcaws.testsupport.keycloak.KeycloakServer;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kc.sh export} of the demo realm, imported into a fresh server, gives the same logins:
 * the same pairs, durations, session names, refusals, and the same persistent NameIDs.
 */
class ExportImportIT {

    static final List<String> USERS = List.of("alice", "bob", "carol", "dave", "erin");

    /** What each user's plain login and two shortcut links end in, as comparable text. */
    static Map<String, String> logins(KeycloakServer server) {
        AwsLogin aws = AwsLogin.to(server, "aws-demo");
        Map<String, String> result = new LinkedHashMap<>();
        for (String user : USERS) {
            BrowserSession browser = new BrowserSession();
            result.put(user + " plain", describe(aws.plain(browser, user)));
            result.put(user + " staging/PowerUser", describe(aws.judge(browser.get(aws.shortcutUrl("222222222222", "PowerUserAccess", null)))));
            result.put(user + " prod/Billing", describe(aws.judge(browser.get(aws.shortcutUrl("111111111111", "Billing", null)))));
        }
        return result;
    }

    static String describe(AwsLogin.Outcome outcome) {
        if (!outcome.sentToAws()) {
            return "refused " + outcome.page().status() + ": " + outcome.page().errorMessage();
        }
        AwsSignIn s = outcome.accepted();
        return s.rolePairs().stream().map(p -> p.roleArn() + "," + p.providerArn()).sorted().toList()
                + " name=" + s.roleSessionName() + " duration=" + s.sessionDurationSeconds() + " nameId=" + s.nameId()
                + " relay=" + outcome.post().relayState();
    }

    @Test
    void exportedAndReimportedRealmLogsInTheSame() throws Exception {
        Map<String, String> before;
        Path export = Files.createTempDirectory("kcaws-export").resolve("aws-demo-export.json");
        try (KeycloakServer original = KeycloakServer.fromBuild().withRealmFile(DemoRealm.file()).start()) {
            before = logins(original);
            original.stop();
            original.exportRealm("aws-demo", export);
        }
        assertThat(before.get("bob staging/PowerUser")).contains("role/PowerUserAccess").contains("duration=28800");
        assertThat(before.get("erin plain")).startsWith("refused 403");
        assertThat(before.get("dave prod/Billing")).startsWith("refused 403");

        try (KeycloakServer fresh = KeycloakServer.fromBuild().withRealmFile(export).start()) {
            assertThat(logins(fresh)).containsExactlyEntriesOf(before);
        }
    }
}
