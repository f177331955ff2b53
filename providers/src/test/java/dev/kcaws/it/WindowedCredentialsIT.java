package dev.kcaws.it;

import dev.kcaws.testsupport.ManagedRealm;
import dev.kcaws.testsupport.awssts.StsCall;
import dev.kcaws.testsupport.keycloak.BrowserSession;
import dev.kcaws.testsupport.keycloak.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Credentials of a time-bound access end with it: the portal's access keys (the same decision and
 * STS call as the CLI's exchange, {@code OneRoleCredentials}) for a grant ending in 30 minutes ask
 * the AWS-like STS for about 1,800 seconds, not the permission set's 12 hours.
 */
class WindowedCredentialsIT {

    static final String REALM = "windowed-credentials";

    @RegisterExtension
    static final ManagedRealm realm = ManagedRealm.demoCopy(REALM).withSts();

    @Test
    void accessKeysForAGrantEndingInThirtyMinutesLastThirtyMinutes() {
        Instant end = Instant.now().plus(30, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        realm.admin().expect(201, "POST", "/admin/realms/" + REALM + "/aws/assignments", Map.of("user", "dave",
                "accountId", "222222222222", "permissionSet", "ReadOnlyAccess", "notAfter", end.toString()));
        BrowserSession browser = new BrowserSession();
        Page page = browser.get(realm.portal());
        page = page.isLoginForm() ? browser.submitLogin(page, "dave", "dave") : page;
        int before = realm.sts().acceptedCalls().size();
        long askedAt = Instant.now().getEpochSecond();

        Page keys = AccessKeysIT.pressAccessKeys(browser, realm.portal(), page, "222222222222", "ReadOnlyAccess");

        assertThat(keys.status()).as(keys.toString()).isEqualTo(200);
        assertThat(realm.sts().acceptedCalls()).hasSize(before + 1);
        StsCall call = realm.sts().acceptedCalls().get(before);
        assertThat(call.durationRequested()).isTrue();
        long untilEnd = end.getEpochSecond() - askedAt;
        assertThat((long) call.durationSeconds()).as("ReadOnlyAccess's session duration is 43,200 s; the grant ends in %d s", untilEnd)
                .isBetween(900L, untilEnd);
        assertThat((long) call.durationSeconds()).isGreaterThan(untilEnd - 300);
    }
}
