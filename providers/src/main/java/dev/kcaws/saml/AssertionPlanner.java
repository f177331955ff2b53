package dev.kcaws.saml;

import dev.kcaws.client.MapperSettings;
import dev.kcaws.access.Access;
import dev.kcaws.aws.AwsLimits;
import dev.kcaws.aws.AwsRuleViolation;
import dev.kcaws.aws.RolePair;
import dev.kcaws.aws.RoleSessionName;
import dev.kcaws.aws.SessionDuration;
import dev.kcaws.aws.SessionTag;
import dev.kcaws.aws.SourceIdentity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Decides what one AWS assertion says, or that none may be sent. Pure: the same decision is taken
 * by the access check before the login completes (to show a clear page) and by the mapper while
 * Keycloak builds the response (so nothing else can reach AWS).
 */
public final class AssertionPlanner {

    private AssertionPlanner() {
    }

    /**
     * @param held the accesses this login may name: all the user holds for the client's partition,
     *             or for a one-role choice the chosen access if held right now (else empty)
     * @param envelope the attribute-independent part of the response, for the size check
     */
    public static SignInDecision decide(List<Access> held, LaunchChoice choice, AssertedUser user, MapperSettings settings,
                                        ResponseEnvelope envelope) {
        return decide(held, Map.of(), 0, choice, user, settings, envelope);
    }

    /**
     * As above, for accesses that end: {@code ends} by {@link Access#key()} (those whose every path
     * ends), so the SessionDuration ends with the earliest of them (see {@link SessionDuration#endingBy}).
     */
    public static SignInDecision decide(List<Access> held, Map<String, Instant> ends, long nowMillis, LaunchChoice choice,
                                        AssertedUser user, MapperSettings settings, ResponseEnvelope envelope) {
        if (held.isEmpty()) {
            return choice.isAll()
                    ? SignInDecision.refuse(SignInRefusal.NO_ACCESS, "kcawsNoAwsAccess")
                    : SignInDecision.refuse(SignInRefusal.NOT_ASSIGNED, "kcawsNotAssigned",
                    choice.account().value(), choice.permissionSet().value());
        }
        List<String> warnings = new ArrayList<>();
        List<RolePair> pairs = held.stream().map(Access::rolePair).distinct().toList();
        // AWS uses one SessionDuration whatever role is picked: the shortest keeps every set's promise.
        SessionDuration duration = held.stream().map(a -> a.permissionSet().sessionDuration())
                .min(Comparator.naturalOrder()).orElse(SessionDuration.ONE_HOUR);
        // Nor may the session outlast the earliest end of a time-bound access it can open.
        Instant earliestEnd = held.stream().map(a -> ends.get(a.key())).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
        duration = duration.endingBy(earliestEnd, nowMillis);

        List<SessionTag> tags = new ArrayList<>();
        for (MapperSettings.TagSource source : settings.principalTags()) {
            String value = user.attribute().apply(source.userAttribute());
            String problem = null;
            if (value == null || value.isEmpty()) {
                problem = "user attribute '" + source.userAttribute() + "' for session tag " + source.key() + " is empty";
            } else if (tags.size() >= AwsLimits.MAX_SESSION_TAGS) {
                problem = "more than 50 session tags; tag " + source.key() + " left out";
            } else {
                try {
                    tags.add(new SessionTag(source.key(), value));
                } catch (AwsRuleViolation e) {
                    problem = e.getMessage();
                }
            }
            if (problem != null) {
                if (settings.principalTagsRequired()) {
                    return SignInDecision.refuse(SignInRefusal.INVALID_SESSION_TAG, "kcawsInvalidSessionTag", source.key(), problem);
                }
                warnings.add(problem);
            }
        }
        Set<String> sentKeys = new LinkedHashSet<>();
        tags.forEach(t -> sentKeys.add(t.key()));
        List<String> transitive = new ArrayList<>();
        for (String key : settings.transitiveTagKeys()) {
            if (sentKeys.contains(key)) {
                transitive.add(key);
            } else if (settings.principalTagsRequired()) {
                return SignInDecision.refuse(SignInRefusal.INVALID_SESSION_TAG, "kcawsInvalidTransitiveTag", key);
            } else {
                warnings.add("transitive tag key " + key + " left out: that tag is not sent");
            }
        }

        SourceIdentity sourceIdentity = null;
        if (settings.sourceIdentityAttribute() != null) {
            String value = user.attribute().apply(settings.sourceIdentityAttribute());
            String problem = null;
            if (value == null || value.isEmpty()) {
                problem = "user attribute '" + settings.sourceIdentityAttribute() + "' for SourceIdentity is empty";
            } else {
                try {
                    sourceIdentity = new SourceIdentity(value);
                } catch (AwsRuleViolation e) {
                    problem = e.getMessage();
                }
            }
            if (problem != null) {
                if (settings.sourceIdentityRequired()) {
                    return SignInDecision.refuse(SignInRefusal.INVALID_SOURCE_IDENTITY, "kcawsInvalidSourceIdentity", problem);
                }
                warnings.add(problem);
            }
        }

        AssertionPlan plan = new AssertionPlan(pairs, roleSessionName(user, settings), duration, List.copyOf(tags),
                List.copyOf(transitive), sourceIdentity);
        int size = ResponseSizeEstimate.base64Chars(plan, envelope);
        if (size > AwsLimits.MAX_SAML_RESPONSE_CHARS) {
            // Numbers as text: MessageFormat would print 100000 as "100,000".
            return SignInDecision.refuse(SignInRefusal.TOO_LARGE, "kcawsTooManyRoles",
                    String.valueOf(pairs.size()), String.valueOf(AwsLimits.MAX_SAML_RESPONSE_CHARS), String.valueOf(size));
        }
        return SignInDecision.send(plan, warnings);
    }

    private static RoleSessionName roleSessionName(AssertedUser user, MapperSettings settings) {
        String raw = null;
        if (settings.roleSessionNameAttribute() != null) {
            raw = user.attribute().apply(settings.roleSessionNameAttribute());
        }
        if (raw == null || raw.isBlank()) {
            raw = user.email() != null && !user.email().isBlank() ? user.email() : user.username();
        }
        return RoleSessionName.sanitize(raw);
    }
}
