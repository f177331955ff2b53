package dev.kcaws.testsupport.awssp;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Audience;
import org.opensaml.saml.saml2.core.AudienceRestriction;
import org.opensaml.saml.saml2.core.Conditions;

/** The assertion's validity window and its audience. */
final class ConditionsCheck {
    private ConditionsCheck() {
    }

    static void requireValidFor(Assertion assertion, String audience, Instant now, Duration skew) throws AwsSamlRejection {
        Conditions conditions = assertion.getConditions();
        if (conditions == null) {
            throw AwsSamlRule.AUDIENCE_MISMATCH.rejection("no Conditions, so no AudienceRestriction");
        }
        if (conditions.getNotBefore() != null && now.plus(skew).isBefore(conditions.getNotBefore())) {
            throw AwsSamlRule.CONDITIONS_NOT_YET_VALID.rejection("NotBefore " + conditions.getNotBefore() + ", now " + now);
        }
        if (conditions.getNotOnOrAfter() != null && !now.minus(skew).isBefore(conditions.getNotOnOrAfter())) {
            throw AwsSamlRule.CONDITIONS_EXPIRED.rejection("NotOnOrAfter " + conditions.getNotOnOrAfter() + ", now " + now);
        }
        requireAudience(conditions.getAudienceRestrictions(), audience);
    }

    // SAML core 2.5.1.4: each AudienceRestriction must be met on its own, so all must name us.
    private static void requireAudience(List<AudienceRestriction> restrictions, String audience) throws AwsSamlRejection {
        if (restrictions.isEmpty()) {
            throw AwsSamlRule.AUDIENCE_MISMATCH.rejection("no AudienceRestriction");
        }
        for (AudienceRestriction restriction : restrictions) {
            List<String> uris = restriction.getAudiences().stream().map(Audience::getURI).toList();
            if (!uris.contains(audience)) {
                throw AwsSamlRule.AUDIENCE_MISMATCH.rejection("AudienceRestriction " + uris + " lacks " + audience);
            }
        }
    }
}
