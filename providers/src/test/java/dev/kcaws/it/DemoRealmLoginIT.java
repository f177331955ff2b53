package dev.kcaws.it;

import dev.kcaws.testsupport.ManagedRealm;
import dev.kcaws.testsupport.awssp.AwsSignIn;
import dev.kcaws.testsupport.awssp.RolePair;
import dev.kcaws.testsupport.keycloak.BrowserSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The plain IdP-initiated login of the demo realm, each user checked by the AWS-like service provider. */
class DemoRealmLoginIT {

    @RegisterExtension
    static final ManagedRealm realm = ManagedRealm.imported("aws-demo");

    static List<String> pairs(AwsSignIn signIn) {
        return signIn.rolePairs().stream().map(p -> p.accountId() + "/" + p.roleName()).toList();
    }

    @Test
    void aliceGetsAdministratorEverywhereAndSandboxReadOnly() {
        AwsSignIn alice = realm.aws().plain(new BrowserSession(), "alice").accepted();
        assertThat(pairs(alice)).containsExactlyInAnyOrder("111111111111/AdministratorAccess", "222222222222/AdministratorAccess",
                "333333333333/AdministratorAccess", "333333333333/ReadOnlyAccess");
        assertThat(alice.roleSessionName()).isEqualTo("alice@example.com");
        assertThat(alice.sessionDurationSeconds()).isEqualTo(3600);
        assertThat(alice.signsInDirectly()).isFalse();
    }

    @Test
    void bobGetsHisFourPairsWithTheShortestDuration() {
        AwsSignIn bob = realm.aws().plain(new BrowserSession(), "bob").accepted();
        assertThat(pairs(bob)).containsExactlyInAnyOrder("222222222222/PowerUserAccess", "333333333333/PowerUserAccess",
                "111111111111/ReadOnlyAccess", "333333333333/ReadOnlyAccess");
        assertThat(bob.sessionDurationSeconds()).isEqualTo(28800);
        assertThat(bob.rolePairs()).allSatisfy(p -> assertThat(p.providerArn()).isEqualTo(
                "arn:aws:iam::" + p.accountId() + ":saml-provider/keycloak"));
    }

    @Test
    void carolAndDave() {
        assertThat(pairs(realm.aws().plain(new BrowserSession(), "carol").accepted()))
                .containsExactlyInAnyOrder("111111111111/Billing", "333333333333/ReadOnlyAccess");
        AwsSignIn dave = realm.aws().plain(new BrowserSession(), "dave").accepted();
        assertThat(pairs(dave)).containsExactly("333333333333/ReadOnlyAccess");
        assertThat(dave.signsInDirectly()).isTrue();
        assertThat(dave.sessionDurationSeconds()).isEqualTo(43200);
    }

    @Test
    void erinWithNoAssignmentGetsAClearPageAndAwsGetsNothing() {
        BrowserSession browser = new BrowserSession();
        var page = realm.aws().plain(browser, "erin").refused();
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.errorMessage()).contains("You have no AWS access assigned");
        // Keycloak's "Back to Application" would be the AWS client's login again, a loop for erin;
        // the page leads to the portal and offers a switch of user instead, the reason folded away.
        var document = page.document();
        assertThat(document.select("#backToApplication")).isEmpty();
        String portal = document.select("a#kcaws-to-portal").attr("abs:href");
        assertThat(portal).endsWith("/realms/aws-demo/aws/");
        assertThat(document.select("a#kcaws-switch-user").attr("href"))
                .contains("/realms/aws-demo/protocol/openid-connect/logout?client_id=aws-portal&post_logout_redirect_uri=");
        assertThat(document.select("details #kcaws-error-reason").text()).isNotBlank();
        assertThat(browser.get(portal).url()).contains("/realms/aws-demo/protocol/openid-connect/auth?client_id=aws-portal");
    }

    @Test
    void nothingElseLeaksIntoTheAssertion() {
        AwsSignIn alice = realm.aws().plain(new BrowserSession(), "alice").accepted();
        assertThat(alice.attributeNames()).containsExactly("https://aws.amazon.com/SAML/Attributes/Role",
                "https://aws.amazon.com/SAML/Attributes/RoleSessionName", "https://aws.amazon.com/SAML/Attributes/SessionDuration");
        assertThat(alice.nameIdFormat()).isEqualTo("urn:oasis:names:tc:SAML:2.0:nameid-format:persistent");
        assertThat(alice.rolePairs()).extracting(RolePair::partition).containsOnly("aws");
    }

    @Test
    void anSsoSessionIsReusedWithoutAnotherPassword() {
        BrowserSession browser = new BrowserSession();
        realm.aws().plain(browser, "bob").accepted();
        var again = realm.aws().judge(browser.get(realm.url() + "/protocol/saml/clients/amazon-aws"));
        assertThat(pairs(again.accepted())).hasSize(4);
    }
}
