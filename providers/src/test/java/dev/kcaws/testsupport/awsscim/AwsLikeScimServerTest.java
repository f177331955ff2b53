package dev.kcaws.testsupport.awsscim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kcaws.testsupport.awsscim.ScimWire.Reply;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One test per rule of AWS's guide the fake enforces: it refuses what AWS refuses, and changes nothing. */
class AwsLikeScimServerTest {
    private static final String TOKEN = "test-token-123";
    private AwsLikeScimServer server;
    private ScimWire wire;

    @BeforeEach
    void start() throws Exception {
        server = AwsLikeScimServer.start(TOKEN);
        wire = new ScimWire(server.endpoint(), TOKEN);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String createUser(String userName) {
        Reply r = wire.call("POST", "Users", ScimWire.user(userName));
        assertThat(r.status()).as("create %s: %s", userName, r.body()).isEqualTo(201);
        return r.body().get("id").asText();
    }

    private String createGroup(String name) {
        Reply r = wire.call("POST", "Groups", "{\"displayName\":\"" + name + "\",\"externalId\":\"kc-" + name + "\"}");
        assertThat(r.status()).as("create group: %s", r.body()).isEqualTo(201);
        return r.body().get("id").asText();
    }

    private void assertRefused(Reply reply, ScimRule rule) {
        assertThat(reply.status()).as("answer %s", reply.body()).isEqualTo(rule.status());
        assertThat(reply.exceptionType()).isEqualTo(rule.exceptionType());
        assertThat(reply.body().get("schemas").get(0).asText()).isEqualTo(ScimErrorBody.ERROR_SCHEMA);
        assertThat(reply.body().get("status").asText()).isEqualTo(String.valueOf(rule.status()));
        assertThat(reply.body().get("detail").asText()).isNotBlank();
        assertThat(server.rejections(rule)).isPositive();
    }

    private static String members(List<String> ids) {
        return ids.stream().map(id -> "{\"value\":\"" + id + "\"}").collect(Collectors.joining(",", "[", "]"));
    }

    @Test
    void acceptsWhatAwsAccepts() {
        String user = createUser("alice@example.com");
        String group = createGroup("DevOps");
        Reply add = wire.call("PATCH", "Groups/" + group,
                ScimWire.patch("[{\"op\":\"add\",\"path\":\"members\",\"value\":" + members(List.of(user)) + "}]"));
        assertThat(add.status()).isEqualTo(204);
        assertThat(server.directory().membersOf(group)).containsExactly(user);
        assertThat(wire.call("GET", "ServiceProviderConfig", null).status()).isEqualTo(200);
    }

    @Test
    void bearerTokenAndTenantAreRequired() {
        assertRefused(ScimWire.call(server.endpoint().resolve("Users"), "GET", null, null), ScimRule.BEARER_TOKEN);
        assertRefused(ScimWire.call(server.endpoint().resolve("Users"), "GET", null, "wrong"), ScimRule.BEARER_TOKEN);
        URI otherTenant = URI.create(server.endpoint().toString().replaceFirst("/t-[^/]+/", "/t-other/"));
        assertRefused(ScimWire.call(otherTenant.resolve("Users"), "GET", null, TOKEN), ScimRule.BEARER_TOKEN);
    }

    @Test
    void bulkMeSearchAndPutGroupAreNotSupported() {
        assertRefused(wire.call("POST", "Bulk", "{}"), ScimRule.UNSUPPORTED_ENDPOINT);
        assertRefused(wire.call("GET", "Me", null), ScimRule.UNSUPPORTED_ENDPOINT);
        assertRefused(wire.call("POST", "Search", "{}"), ScimRule.UNSUPPORTED_ENDPOINT);
        String group = createGroup("G");
        assertRefused(wire.call("PUT", "Groups/" + group, "{\"displayName\":\"H\"}"), ScimRule.UNSUPPORTED_ENDPOINT);
        assertThat(server.requests(ScimOperation.UNSUPPORTED)).isEqualTo(4);
    }

    @Test
    void unparsableBodyIsRefused() {
        assertRefused(wire.call("POST", "Users", "{not json"), ScimRule.PARSEABLE_BODY);
        assertThat(server.directory().userCount()).isZero();
    }

    @Test
    void filtersOnlyEqAndAnd() {
        createUser("a@example.com");
        assertRefused(wire.list("Users", "userName co \"a\""), ScimRule.FILTER_ONLY_EQ_AND);
        assertRefused(wire.list("Users", "userName sw \"a\""), ScimRule.FILTER_ONLY_EQ_AND);
        assertRefused(wire.list("Users", "userName pr"), ScimRule.FILTER_ONLY_EQ_AND);
        assertRefused(wire.list("Users", "userName eq \"a\" or externalId eq \"b\""), ScimRule.FILTER_ONLY_EQ_AND);
        assertRefused(wire.list("Users", "(userName eq \"a@example.com\")"), ScimRule.FILTER_ONLY_EQ_AND);
        Reply ok = wire.list("Users", "userName eq \"A@example.com\"");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body().get("Resources")).hasSize(1);
    }

    @Test
    void filterAttributeCombinationsAreTheGuidesOnly() {
        assertRefused(wire.list("Users", "displayName eq \"x\""), ScimRule.FILTER_COMBINATION);
        assertRefused(wire.list("Users", "userName eq \"a\" and externalId eq \"b\""), ScimRule.FILTER_COMBINATION);
        assertRefused(wire.list("Groups", "userName eq \"a\""), ScimRule.FILTER_COMBINATION);
        assertThat(wire.list("Groups", "displayName eq \"x\"").status()).isEqualTo(200);
        assertThat(wire.list("Users", "externalId eq \"x\"").status()).isEqualTo(200);
    }

    @Test
    void startIndexAttributesAndExcludedAttributesAreRefused() {
        assertRefused(wire.call("GET", "Users?startIndex=1", null), ScimRule.LIST_UNSUPPORTED_PARAMETER);
        assertRefused(wire.call("GET", "Users?attributes=userName", null), ScimRule.LIST_UNSUPPORTED_PARAMETER);
        assertRefused(wire.call("GET", "Groups?excludedAttributes=members", null), ScimRule.LIST_UNSUPPORTED_PARAMETER);
    }

    @Test
    void countOutsideOneToOneHundredIsRefusedAndPagesHoldAtMostFifty() {
        assertRefused(wire.call("GET", "Users?count=0", null), ScimRule.LIST_COUNT_RANGE);
        assertRefused(wire.call("GET", "Users?count=101", null), ScimRule.LIST_COUNT_RANGE);
        IntStream.range(0, 60).forEach(i -> createUser("u" + i + "@example.com"));
        Reply plain = wire.call("GET", "Users?count=100", null);
        assertThat(plain.body().get("Resources")).hasSize(50);
        assertThat(plain.body().get("totalResults").asInt()).isEqualTo(60);
        assertThat(plain.body().has("nextCursor")).isFalse();
        Reply first = wire.call("GET", "Users?count=100&cursor=", null);
        assertThat(first.body().get("Resources")).hasSize(50);
        String cursor = first.body().get("nextCursor").asText();
        Reply second = wire.call("GET", "Users?count=100&cursor=" + cursor, null);
        assertThat(second.body().get("Resources")).hasSize(10);
        assertThat(second.body().has("nextCursor")).isFalse();
        assertThat(second.body().has("totalResults")).isFalse();
    }

    @Test
    void createAndPutUserRequireNamesUserNameAndDisplayName() {
        String base = ScimWire.user("x@example.com");
        assertRefused(wire.call("POST", "Users", base.replace("\"familyName\":\"Family\"", "\"familyName\":\"\"")), ScimRule.USER_REQUIRED_FIELDS);
        assertRefused(wire.call("POST", "Users", base.replace("\"givenName\":\"Given\",", "")), ScimRule.USER_REQUIRED_FIELDS);
        assertRefused(wire.call("POST", "Users", base.replace("\"displayName\":\"Given Family\",", "")), ScimRule.USER_REQUIRED_FIELDS);
        assertRefused(wire.call("POST", "Users", base.replace("\"userName\":\"x@example.com\",", "")), ScimRule.USER_REQUIRED_FIELDS);
        assertThat(server.directory().userCount()).isZero();
        String id = createUser("y@example.com");
        assertRefused(wire.call("PUT", "Users/" + id, ScimWire.user("y@example.com").replace("\"givenName\":\"Given\",", "")),
                ScimRule.USER_REQUIRED_FIELDS);
    }

    @Test
    void userNameIsAtMost128CharactersAndNotAReservedName() {
        String longName = "a".repeat(117) + "@example.com";
        assertRefused(wire.call("POST", "Users", ScimWire.user(longName)), ScimRule.USER_NAME_VALUE);
        assertRefused(wire.call("POST", "Users", ScimWire.user("Administrator")), ScimRule.USER_NAME_VALUE);
        assertRefused(wire.call("POST", "Users", ScimWire.user("awsadministrators")), ScimRule.USER_NAME_VALUE);
        assertThat(server.directory().userCount()).isZero();
        String id = createUser("a".repeat(116) + "@example.com");
        assertRefused(wire.call("PUT", "Users/" + id, ScimWire.user(longName)), ScimRule.USER_NAME_VALUE);
    }

    @Test
    void passwordAndGroupsAreRefusedOnCreate() {
        assertRefused(wire.call("POST", "Users", ScimWire.user("p@example.com").replaceFirst("\\{", "{\"password\":\"s3cret\",")),
                ScimRule.USER_FORBIDDEN_ATTRIBUTES);
        assertRefused(wire.call("POST", "Users", ScimWire.user("p@example.com").replaceFirst("\\{", "{\"groups\":[{\"value\":\"g\"}],")),
                ScimRule.USER_FORBIDDEN_ATTRIBUTES);
        assertThat(server.directory().userCount()).isZero();
    }

    @Test
    void multiValuedUserAttributesTakeOneValue() {
        String two = ScimWire.user("m@example.com").replace("\"primary\":true}]",
                "\"primary\":true},{\"value\":\"other@example.com\",\"type\":\"home\"}]");
        assertRefused(wire.call("POST", "Users", two), ScimRule.SINGLE_VALUED_ATTRIBUTES);
    }

    @Test
    void theEmailMustBePrimary() {
        assertRefused(wire.call("POST", "Users", ScimWire.user("n@example.com").replace(",\"primary\":true", "")), ScimRule.EMAIL_PRIMARY);
    }

    @Test
    void displaySubAttributeOfEmailsIsRefused() {
        assertRefused(wire.call("POST", "Users", ScimWire.user("d@example.com").replace("\"type\":\"work\"", "\"display\":\"D\"")),
                ScimRule.NO_DISPLAY_SUBATTRIBUTE);
    }

    @Test
    void patchUserOperationsFollowTheGuide() {
        String id = createUser("q@example.com");
        assertRefused(wire.call("PATCH", "Users/" + id, ScimWire.patch("[{\"op\":\"remove\",\"path\":\"active\"}]")), ScimRule.PATCH_USER_OPERATIONS);
        assertRefused(wire.call("PATCH", "Users/" + id, ScimWire.patch(
                "[{\"op\":\"replace\",\"path\":\"active\",\"value\":false},{\"op\":\"replace\",\"path\":\"active\",\"value\":true}]")),
                ScimRule.PATCH_USER_OPERATIONS);
        assertRefused(wire.call("PATCH", "Users/" + id, ScimWire.patch("[{\"op\":\"remove\"}]")), ScimRule.PATCH_USER_OPERATIONS);
        assertRefused(wire.call("PATCH", "Users/" + id, ScimWire.patch("[{\"op\":\"replace\",\"path\":\"title\"}]")), ScimRule.PATCH_USER_OPERATIONS);
        assertRefused(wire.call("PATCH", "Users/" + id, ScimWire.patch("[{\"op\":\"move\",\"path\":\"title\",\"value\":\"x\"}]")), ScimRule.PATCH_USER_OPERATIONS);
        assertRefused(wire.call("PATCH", "Users/" + id, ScimWire.patch("[{\"op\":\"add\",\"path\":\"groups\",\"value\":[]}]")), ScimRule.PATCH_USER_OPERATIONS);
        assertThat(server.directory().user(id).get("active").asBoolean()).isTrue();
        Reply ok = wire.call("PATCH", "Users/" + id, ScimWire.patch(
                "[{\"op\":\"replace\",\"path\":\"active\",\"value\":false},{\"op\":\"replace\",\"path\":\"name.givenName\",\"value\":\"Q\"}]"));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(server.directory().user(id).get("active").asBoolean()).isFalse();
        assertThat(server.directory().user(id).at("/name/givenName").asText()).isEqualTo("Q");
        assertThat(server.directory().user(id).at("/name/familyName").asText()).isEqualTo("Family");
    }

    @Test
    void createGroupRequiresDisplayName() {
        assertRefused(wire.call("POST", "Groups", "{\"externalId\":\"x\"}"), ScimRule.GROUP_DISPLAY_NAME_REQUIRED);
        assertThat(server.directory().groupCount()).isZero();
    }

    @Test
    void createGroupTakesAtMostOneHundredMembers() {
        List<String> ids = new ArrayList<>();
        IntStream.range(0, 101).forEach(i -> ids.add(createUser("c" + i + "@example.com")));
        assertRefused(wire.call("POST", "Groups", "{\"displayName\":\"Big\",\"members\":" + members(ids) + "}"),
                ScimRule.CREATE_GROUP_MEMBER_LIMIT);
        assertThat(server.directory().groupCount()).isZero();
        assertThat(wire.call("POST", "Groups", "{\"displayName\":\"Big\",\"members\":" + members(ids.subList(0, 100)) + "}").status())
                .isEqualTo(201);
    }

    @Test
    void patchGroupOnlyDisplayNameMembersExternalId() {
        String group = createGroup("G");
        assertRefused(wire.call("PATCH", "Groups/" + group,
                ScimWire.patch("[{\"op\":\"replace\",\"path\":\"description\",\"value\":\"x\"}]")), ScimRule.PATCH_GROUP_ATTRIBUTES);
        assertRefused(wire.call("PATCH", "Groups/" + group,
                ScimWire.patch("[{\"op\":\"replace\",\"value\":{\"meta\":{}}}]")), ScimRule.PATCH_GROUP_ATTRIBUTES);
        Reply rename = wire.call("PATCH", "Groups/" + group,
                ScimWire.patch("[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"H\"}]"));
        assertThat(rename.status()).isEqualTo(204);
        assertThat(server.directory().group(group).get("displayName").asText()).isEqualTo("H");
    }

    @Test
    void patchGroupNeverReplacesOrRemovesAllMembers() {
        String user = createUser("r@example.com");
        String group = createGroup("G");
        wire.call("PATCH", "Groups/" + group, ScimWire.patch("[{\"op\":\"add\",\"path\":\"members\",\"value\":" + members(List.of(user)) + "}]"));
        assertRefused(wire.call("PATCH", "Groups/" + group,
                ScimWire.patch("[{\"op\":\"replace\",\"path\":\"members\",\"value\":" + members(List.of(user)) + "}]")),
                ScimRule.PATCH_GROUP_NO_REPLACE_OR_REMOVE_ALL);
        assertRefused(wire.call("PATCH", "Groups/" + group, ScimWire.patch("[{\"op\":\"remove\",\"path\":\"members\"}]")),
                ScimRule.PATCH_GROUP_NO_REPLACE_OR_REMOVE_ALL);
        assertRefused(wire.call("PATCH", "Groups/" + group,
                ScimWire.patch("[{\"op\":\"replace\",\"value\":{\"members\":" + members(List.of(user)) + "}}]")),
                ScimRule.PATCH_GROUP_NO_REPLACE_OR_REMOVE_ALL);
        assertThat(server.directory().membersOf(group)).containsExactly(user);
        Reply one = wire.call("PATCH", "Groups/" + group,
                ScimWire.patch("[{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + user + "\\\"]\"}]"));
        assertThat(one.status()).isEqualTo(204);
        assertThat(server.directory().membersOf(group)).isEmpty();
    }

    @Test
    void patchGroupTakesAtMostOneHundredMembershipChanges() {
        List<String> ids = new ArrayList<>();
        IntStream.range(0, 101).forEach(i -> ids.add(createUser("p" + i + "@example.com")));
        String group = createGroup("G");
        assertRefused(wire.call("PATCH", "Groups/" + group,
                ScimWire.patch("[{\"op\":\"add\",\"path\":\"members\",\"value\":" + members(ids) + "}]")),
                ScimRule.PATCH_GROUP_CHANGE_LIMIT);
        assertRefused(wire.call("PATCH", "Groups/" + group, ScimWire.patch(
                "[{\"op\":\"add\",\"path\":\"members\",\"value\":" + members(ids.subList(0, 60)) + "},"
                        + "{\"op\":\"remove\",\"path\":\"members\",\"value\":" + members(ids.subList(60, 101)) + "}]")),
                ScimRule.PATCH_GROUP_CHANGE_LIMIT);
        assertThat(server.directory().membersOf(group)).isEmpty();
        assertThat(wire.call("PATCH", "Groups/" + group,
                ScimWire.patch("[{\"op\":\"add\",\"path\":\"members\",\"value\":" + members(ids.subList(0, 100)) + "}]")).status())
                .isEqualTo(204);
        assertThat(server.directory().membersOf(group)).hasSize(100);
    }

    @Test
    void membersMustBeUsersOfTheDirectory() {
        String group = createGroup("G");
        assertRefused(wire.call("PATCH", "Groups/" + group,
                ScimWire.patch("[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"nobody\"}]}]")), ScimRule.MEMBER_MUST_EXIST);
    }

    @Test
    void creatingAnExistingUserOrGroupIsAConflict() {
        createUser("dup@example.com");
        assertRefused(wire.call("POST", "Users", ScimWire.user("DUP@example.com")), ScimRule.CONFLICT_ON_EXISTING);
        createGroup("Developers");
        assertRefused(wire.call("POST", "Groups", "{\"displayName\":\"developers\"}"), ScimRule.CONFLICT_ON_EXISTING);
        assertThat(server.directory().userCount()).isEqualTo(1);
        assertThat(server.directory().groupCount()).isEqualTo(1);
    }

    @Test
    void unknownIdsAreNotFound() {
        assertRefused(wire.call("GET", "Users/nope", null), ScimRule.RESOURCE_EXISTS);
        assertRefused(wire.call("DELETE", "Groups/nope", null), ScimRule.RESOURCE_EXISTS);
        assertRefused(wire.call("PATCH", "Groups/nope", ScimWire.patch("[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"x\"}]")),
                ScimRule.RESOURCE_EXISTS);
    }

    @Test
    void getGroupAndListGroupsReturnNoMembers() {
        String user = createUser("s@example.com");
        String group = createGroup("G");
        wire.call("PATCH", "Groups/" + group, ScimWire.patch("[{\"op\":\"add\",\"path\":\"members\",\"value\":" + members(List.of(user)) + "}]"));
        assertThat(wire.call("GET", "Groups/" + group, null).body().get("members")).isEmpty();
        Reply byMember = wire.list("Groups", "id eq \"" + group + "\" and members.value eq \"" + user + "\"");
        assertThat(byMember.body().get("Resources")).hasSize(1);
        assertThat(byMember.body().at("/Resources/0/members")).isEmpty();
        assertThat(wire.list("Users", "groups.value eq \"" + group + "\"").body().get("Resources")).hasSize(1);
    }

    @Test
    void outageSwitchesAnswerAsAwsDoes() {
        server.simulate(Outage.UNAVAILABLE);
        Reply down = wire.call("GET", "ServiceProviderConfig", null);
        assertThat(down.status()).isEqualTo(503);
        server.simulate(Outage.THROTTLING);
        Reply throttled = wire.call("GET", "ServiceProviderConfig", null);
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.exceptionType()).isEqualTo("ThrottlingException");
        assertThat(throttled.raw().headers().firstValue("Retry-After")).contains("1");
        server.simulate(Outage.REVOKED_TOKEN);
        assertThat(wire.call("GET", "ServiceProviderConfig", null).status()).isEqualTo(401);
        server.recover();
        assertThat(wire.call("GET", "ServiceProviderConfig", null).status()).isEqualTo(200);
        assertThat(server.outageAnswers()).isEqualTo(3);
    }

    @Test
    void countedOutageRecoversByItself() {
        server.simulate(Outage.THROTTLING, 2);
        assertThat(wire.call("GET", "ServiceProviderConfig", null).status()).isEqualTo(429);
        assertThat(wire.call("GET", "ServiceProviderConfig", null).status()).isEqualTo(429);
        assertThat(wire.call("GET", "ServiceProviderConfig", null).status()).isEqualTo(200);
    }

    @Test
    void aDroppedBodyStillMakesTheChangeAndOnlyTheCountedWritesLoseIt() {
        server.dropTheBodyOfTheNextWrites(1);
        Reply created = wire.call("POST", "Users", ScimWire.user("dropped@example.com"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.raw().body()).isEmpty();
        assertThat(server.directory().userByUserName("dropped@example.com")).isPresent();
        assertThat(wire.list("Users", "userName eq \"dropped@example.com\"").status()).as("reads keep their bodies").isEqualTo(200);
        assertThat(createUser("next@example.com")).as("the next write has its body").isNotBlank();
        assertThat(server.droppedBodies()).isEqualTo(1);
    }

    @Test
    void requestsAreCountedByKind() {
        String user = createUser("k@example.com");
        String group = createGroup("K");
        wire.call("PATCH", "Groups/" + group, ScimWire.patch("[{\"op\":\"add\",\"path\":\"members\",\"value\":" + members(List.of(user)) + "}]"));
        wire.call("GET", "Users/" + user, null);
        wire.list("Users", "userName eq \"k@example.com\"");
        assertThat(server.requests(ScimOperation.CREATE_USER)).isEqualTo(1);
        assertThat(server.requests(ScimOperation.CREATE_GROUP)).isEqualTo(1);
        assertThat(server.requests(ScimOperation.PATCH_GROUP)).isEqualTo(1);
        assertThat(server.requests(ScimOperation.GET_USER)).isEqualTo(1);
        assertThat(server.requests(ScimOperation.LIST_USERS)).isEqualTo(1);
        assertThat(server.writeRequests()).isEqualTo(3);
        assertThat(server.memberChanges()).isEqualTo(1);
    }
}
