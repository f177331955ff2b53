package dev.kcaws.it;

import dev.kcaws.aws.AccountId;
import dev.kcaws.aws.Partition;
import dev.kcaws.aws.RolePair;
import dev.kcaws.aws.RoleSessionName;
import dev.kcaws.aws.SamlProviderName;
import dev.kcaws.aws.SessionDuration;
import dev.kcaws.saml.AssertionPlan;
import dev.kcaws.saml.ResponseEnvelope;
import dev.kcaws.saml.ResponseSizeEstimate;
import dev.kcaws.testsupport.AwsLogin;
import dev.kcaws.testsupport.GeneratedRealm;
import dev.kcaws.testsupport.ManagedRealm;
import dev.kcaws.testsupport.awssp.AwsSignIn;
import dev.kcaws.testsupport.keycloak.BrowserSession;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * AWS's 100,000-character cap: 250 pairs still fit, 500 are refused with a clear page, and the
 * size estimate the refusal rests on is an upper bound that stays close to real Keycloak responses.
 */
class ResponseSizeIT {

    static final String REALM = "size-check";

    @RegisterExtension
    static final ManagedRealm realm = ManagedRealm.of(REALM, () -> GeneratedRealm.named(REALM).accounts(500).permissionSet("ReadOnlyAccess", 3600)
            .group("g1", "ReadOnlyAccess", 1).group("g10", "ReadOnlyAccess", 10)
            .group("g250", "ReadOnlyAccess", 250).group("g500", "ReadOnlyAccess", 500)
            .user("u1", "g1").user("u10", "g10").user("u250", "g250").user("u500", "g500").json());

    @ParameterizedTest
    @ValueSource(ints = {1, 10, 250})
    void theEstimateIsACloseUpperBoundOfTheRealResponse(int pairs) {
        AwsLogin.Outcome outcome = realm.aws().plain(new BrowserSession(), "u" + pairs);
        AwsSignIn signIn = outcome.accepted();
        assertThat(signIn.rolePairs()).hasSize(pairs);
        int estimate = ResponseSizeEstimate.base64Chars(plan(signIn), envelope(outcome.post().responseXml()));
        assertThat(estimate).as("estimate for %d pairs vs real %d", pairs, signIn.responseLength())
                .isGreaterThanOrEqualTo(signIn.responseLength())
                .isLessThanOrEqualTo(signIn.responseLength() + 600);
    }

    @Test
    void twoHundredFiftyPairsFitUnderAwsCap() {
        AwsSignIn signIn = realm.aws().plain(new BrowserSession(), "u250").accepted();
        assertThat(signIn.responseLength()).isLessThan(100_000);
    }

    @Test
    void fiveHundredPairsAreRefusedWithAClearPageAndOneRoleStillWorks() {
        BrowserSession browser = new BrowserSession();
        var page = realm.aws().plain(browser, "u500").refused();
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.errorMessage()).contains("You have 500 AWS roles").contains("100000").contains("launcher");
        // The refusal ended that login before Keycloak set its SSO cookie, so the link asks to sign in again.
        AwsSignIn one = realm.aws().shortcut(browser, "u500", GeneratedRealm.accountId(499), "ReadOnlyAccess", null).accepted();
        assertThat(one.rolePairs()).singleElement().satisfies(p -> assertThat(p.accountId()).isEqualTo(GeneratedRealm.accountId(499)));
        assertThat(one.responseLength()).isLessThan(10_000);
    }

    static AssertionPlan plan(AwsSignIn signIn) {
        List<RolePair> pairs = signIn.rolePairs().stream().map(p -> new RolePair(Partition.AWS, new AccountId(p.accountId()),
                p.roleName(), new SamlProviderName(p.providerName()))).toList();
        return new AssertionPlan(pairs, new RoleSessionName(signIn.roleSessionName()), new SessionDuration(signIn.sessionDurationSeconds()),
                List.of(), List.of(), null);
    }

    /** The envelope measured from the real response, without the estimate's slack for other issuers. */
    static ResponseEnvelope envelope(String xml) {
        return new ResponseEnvelope(first(xml, "<saml:Issuer>([^<]+)<").length(), first(xml, "Destination=\"([^\"]+)\"").length(),
                first(xml, "<saml:Audience>([^<]+)<").length(), first(xml, "X509Certificate>([^<]+)<").length(),
                first(xml, "SignatureValue>([^<]+)<").length(), first(xml, "KeyName>([^<]+)<").length());
    }

    static String first(String xml, String regex) {
        Matcher m = Pattern.compile(regex).matcher(xml);
        assertThat(m.find()).as(regex).isTrue();
        return m.group(1);
    }
}
