package dev.kcaws.docker;

import dasniko.testcontainers.keycloak.KeycloakContainer;
import dev.kcaws.testsupport.DemoRealm;
import dev.kcaws.testsupport.awssp.AwsLikeServiceProvider;
import dev.kcaws.testsupport.awssp.AwsSignIn;
import dev.kcaws.testsupport.keycloak.BrowserSession;
import dev.kcaws.testsupport.keycloak.Page;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.MountableFile;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same jars on the official Keycloak image, for machines with a Docker engine (what
 * docker-compose.yml runs). Skipped cleanly where there is none, as on CI here; every behaviour is
 * also proven on the distribution started without Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
class OfficialImageIT {

    @Container
    static final KeycloakContainer KEYCLOAK = new KeycloakContainer("quay.io/keycloak/keycloak:26.7.5")
            .withProviderLibsFrom(java.util.List.of(
                    Path.of(System.getProperty("kcaws.providers.jar")).toFile(),
                    Path.of(System.getProperty("kcaws.themes.jar")).toFile()))
            .withCopyFileToContainer(MountableFile.forHostPath(DemoRealm.file()), "/opt/keycloak/data/import/aws-demo-realm.json")
            .withCustomCommand("--import-realm");

    @Test
    void bobsShortcutGivesExactlyHisPair() throws Exception {
        String base = KEYCLOAK.getAuthServerUrl().replaceAll("/$", "") + "/realms/aws-demo";
        BrowserSession browser = new BrowserSession();
        AwsLikeServiceProvider aws = AwsLikeServiceProvider.trustingIdpMetadata(browser.get(base + "/protocol/saml/descriptor").body());
        Page page = browser.login(base + "/aws/console?account_id=222222222222&role_name=PowerUserAccess", "bob", "bob");
        AwsSignIn signIn = aws.accept(page.samlPost().samlResponse(), page.samlPost().action());
        assertThat(signIn.rolePairs()).singleElement()
                .satisfies(p -> assertThat(p.roleArn()).isEqualTo("arn:aws:iam::222222222222:role/PowerUserAccess"));
    }
}
