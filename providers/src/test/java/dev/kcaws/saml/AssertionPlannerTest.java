package dev.kcaws.saml;

import dev.kcaws.client.MapperSettings;
import dev.kcaws.access.Access;
import dev.kcaws.access.AwsAccount;
import dev.kcaws.access.PermissionSet;
import dev.kcaws.aws.AccountId;
import dev.kcaws.aws.AwsLimits;
import dev.kcaws.aws.Partition;
import dev.kcaws.aws.PermissionSetName;
import dev.kcaws.aws.SamlProviderName;
import dev.kcaws.aws.SessionDuration;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AssertionPlannerTest {

    static AwsAccount account(String id) {
        return new AwsAccount(new AccountId(id), "acct-" + id, Partition.AWS, new SamlProviderName("keycloak"), null);
    }

    static PermissionSet set(String name, int seconds) {
        return new PermissionSet(new PermissionSetName(name), null, new SessionDuration(seconds), null, List.of(), null, null);
    }

    static final Access BOB_STAGING = new Access(account("222222222222"), set("PowerUserAccess", 28800));
    static final Access BOB_PROD = new Access(account("111111111111"), set("ReadOnlyAccess", 43200));
    final Map<String, String> attributes = new HashMap<>();
    final AssertedUser bob = new AssertedUser("bob", "bob@example.com", attributes::get);

    /** The console session may not outlast a time-bound access it can open: the SessionDuration ends with the earliest end. */
    @Test
    void theSessionDurationEndsWithTheEarliestTimeBoundAccess() {
        long now = java.time.Instant.parse("2026-12-01T10:00:00Z").toEpochMilli();
        Map<String, java.time.Instant> ends = Map.of(BOB_PROD.key(), java.time.Instant.ofEpochMilli(now).plusSeconds(1_800));
        SignInDecision d = AssertionPlanner.decide(List.of(BOB_STAGING, BOB_PROD), ends, now, LaunchChoice.ALL, bob, MapperSettings.defaults(),
                ResponseEnvelope.TYPICAL);
        assertThat(d.plan().sessionDuration().seconds()).isEqualTo(1_800);
        Map<String, java.time.Instant> soon = Map.of(BOB_PROD.key(), java.time.Instant.ofEpochMilli(now).plusSeconds(60));
        assertThat(AssertionPlanner.decide(List.of(BOB_PROD), soon, now, LaunchChoice.ALL, bob, MapperSettings.defaults(), ResponseEnvelope.TYPICAL)
                .plan().sessionDuration().seconds()).as("AWS's minimum").isEqualTo(900);
        assertThat(AssertionPlanner.decide(List.of(BOB_STAGING), ends, now, LaunchChoice.ALL, bob, MapperSettings.defaults(), ResponseEnvelope.TYPICAL)
                .plan().sessionDuration().seconds()).as("an access without an end").isEqualTo(28_800);
    }

    @Test
    void allHeldPairsWithTheShortestDuration() {
        SignInDecision d = AssertionPlanner.decide(List.of(BOB_STAGING, BOB_PROD), LaunchChoice.ALL, bob, MapperSettings.defaults(), ResponseEnvelope.TYPICAL);
        assertThat(d.refused()).isFalse();
        assertThat(d.plan().rolePairs()).hasSize(2);
        assertThat(d.plan().sessionDuration().seconds()).isEqualTo(28800);
        assertThat(d.plan().roleSessionName().value()).isEqualTo("bob@example.com");
        assertThat(d.plan().principalTags()).isEmpty();
        assertThat(d.plan().sourceIdentity()).isNull();
    }

    @Test
    void nothingHeldIsRefusedWithAMessageForEachCase() {
        SignInDecision none = AssertionPlanner.decide(List.of(), LaunchChoice.ALL, bob, MapperSettings.defaults(), ResponseEnvelope.TYPICAL);
        assertThat(none.refusal().reason()).isEqualTo(SignInRefusal.NO_ACCESS);
        SignInDecision notHeld = AssertionPlanner.decide(List.of(),
                LaunchChoice.one(new AccountId("111111111111"), new PermissionSetName("AdministratorAccess")), bob, MapperSettings.defaults(), ResponseEnvelope.TYPICAL);
        assertThat(notHeld.refusal().reason()).isEqualTo(SignInRefusal.NOT_ASSIGNED);
        assertThat(english(notHeld.refusal())).contains("111111111111").contains("AdministratorAccess");
    }

    @Test
    void usernameWhenNoEmailAndConfiguredAttributeFirst() {
        AssertedUser noEmail = new AssertedUser("Bob Smith", null, attributes::get);
        assertThat(AssertionPlanner.decide(List.of(BOB_PROD), LaunchChoice.ALL, noEmail, MapperSettings.defaults(), ResponseEnvelope.TYPICAL)
                .plan().roleSessionName().value()).isEqualTo("Bob-Smith");
        attributes.put("employeeId", "E123");
        MapperSettings byAttribute = MapperSettings.from(Map.of(MapperSettings.ROLE_SESSION_NAME_ATTRIBUTE, "employeeId"));
        assertThat(AssertionPlanner.decide(List.of(BOB_PROD), LaunchChoice.ALL, bob, byAttribute, ResponseEnvelope.TYPICAL).plan().roleSessionName().value())
                .isEqualTo("E123");
    }

    @Test
    void tagsAreSentWhenValidSkippedWhenOptionalAndRefusedWhenRequired() {
        attributes.put("department", "Platform");
        attributes.put("bad", "<b>");
        Map<String, String> config = new HashMap<>();
        config.put(MapperSettings.PRINCIPAL_TAGS, "Department=department##Bad=bad##Missing=nope");
        config.put(MapperSettings.TRANSITIVE_TAG_KEYS, "Department##Bad");
        SignInDecision optional = AssertionPlanner.decide(List.of(BOB_PROD), LaunchChoice.ALL, bob, MapperSettings.from(config), ResponseEnvelope.TYPICAL);
        assertThat(optional.plan().principalTags()).extracting(t -> t.key() + "=" + t.value()).containsExactly("Department=Platform");
        assertThat(optional.plan().transitiveTagKeys()).containsExactly("Department");
        assertThat(optional.warnings()).hasSize(3);

        config.put(MapperSettings.PRINCIPAL_TAGS_REQUIRED, "true");
        SignInDecision required = AssertionPlanner.decide(List.of(BOB_PROD), LaunchChoice.ALL, bob, MapperSettings.from(config), ResponseEnvelope.TYPICAL);
        assertThat(required.refusal().reason()).isEqualTo(SignInRefusal.INVALID_SESSION_TAG);
        assertThat(english(required.refusal())).contains("Bad").contains("not valid for AWS");
    }

    @Test
    void moreThanFiftyTagsAreNeverSent() {
        StringBuilder tags = new StringBuilder();
        for (int i = 0; i < 51; i++) {
            attributes.put("a" + i, "v");
            tags.append("##K").append(i).append("=a").append(i);
        }
        SignInDecision d = AssertionPlanner.decide(List.of(BOB_PROD), LaunchChoice.ALL, bob,
                MapperSettings.from(Map.of(MapperSettings.PRINCIPAL_TAGS, tags.substring(2))), ResponseEnvelope.TYPICAL);
        assertThat(d.plan().principalTags()).hasSize(AwsLimits.MAX_SESSION_TAGS);
    }

    @Test
    void sourceIdentityOptionalOrRequired() {
        attributes.put("sid", "aws:bob");
        Map<String, String> config = new HashMap<>(Map.of(MapperSettings.SOURCE_IDENTITY_ATTRIBUTE, "sid"));
        assertThat(AssertionPlanner.decide(List.of(BOB_PROD), LaunchChoice.ALL, bob, MapperSettings.from(config), ResponseEnvelope.TYPICAL).plan().sourceIdentity()).isNull();
        config.put(MapperSettings.SOURCE_IDENTITY_REQUIRED, "true");
        assertThat(AssertionPlanner.decide(List.of(BOB_PROD), LaunchChoice.ALL, bob, MapperSettings.from(config), ResponseEnvelope.TYPICAL).refused()).isTrue();
        attributes.put("sid", "bob.smith");
        assertThat(AssertionPlanner.decide(List.of(BOB_PROD), LaunchChoice.ALL, bob, MapperSettings.from(config), ResponseEnvelope.TYPICAL).plan().sourceIdentity().value())
                .isEqualTo("bob.smith");
    }

    @Test
    void aResponseOverAwsCapIsRefusedAndOneUnderItIsNot() {
        List<Access> many = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            many.add(new Access(account(String.format("%012d", 100000000000L + i)), set("ReadOnlyAccess", 3600)));
        }
        SignInDecision tooMany = AssertionPlanner.decide(many, LaunchChoice.ALL, bob, MapperSettings.defaults(), ResponseEnvelope.TYPICAL);
        assertThat(tooMany.refusal().reason()).isEqualTo(SignInRefusal.TOO_LARGE);
        assertThat(english(tooMany.refusal())).contains("You have 500 AWS roles").contains("up to 100000 characters");
        assertThat(AssertionPlanner.decide(many.subList(0, 250), LaunchChoice.ALL, bob, MapperSettings.defaults(), ResponseEnvelope.TYPICAL).refused()).isFalse();
    }

    @Test
    void launchChoiceNotesRoundTripAndRejectGarbage() {
        LaunchChoice one = LaunchChoice.one(new AccountId("222222222222"), new PermissionSetName("PowerUserAccess"));
        assertThat(LaunchChoice.fromNote(one.noteValue())).contains(one);
        assertThat(LaunchChoice.fromNote(null)).contains(LaunchChoice.ALL);
        assertThat(LaunchChoice.fromNote("*")).contains(LaunchChoice.ALL);
        assertThat(LaunchChoice.fromNote("22:PowerUserAccess")).isEmpty();
        assertThat(LaunchChoice.fromNote("garbage")).isEmpty();
    }

    /** The refusal as an English page shows it: the bundle's text with the parameters filled in. */
    static String english(SignInRefusal refusal) {
        return dev.kcaws.client.EnglishMessages.format(refusal.messageKey(), refusal.parameters().toArray());
    }
}
