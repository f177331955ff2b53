package dev.kcaws.scim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MembershipPatchesTest {

    private static List<String> ids(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> prefix + i).toList();
    }

    /** Member values listed, plus one per removal that names its member in its path. */
    private static int changes(JsonNode body) {
        int n = 0;
        for (JsonNode op : body.get("Operations")) {
            n += op.has("value") ? op.get("value").size() : 1;
        }
        return n;
    }

    @Test
    void twoHundredFiftyAddsAreThreeRequestsOfAtMostOneHundred() {
        List<ObjectNode> bodies = MembershipPatches.bodies(ids("u", 250), List.of());
        assertThat(bodies).hasSize(3);
        assertThat(bodies.stream().map(MembershipPatchesTest::changes)).containsExactly(100, 100, 50);
    }

    @Test
    void addsAndRemovesShareTheLimitOfOneRequest() {
        List<ObjectNode> bodies = MembershipPatches.bodies(ids("a", 60), ids("r", 60));
        assertThat(bodies).hasSize(2);
        assertThat(changes(bodies.get(0))).isEqualTo(100);
        assertThat(changes(bodies.get(1))).isEqualTo(20);
    }

    @Test
    void neverReplaceAndNeverRemoveWithoutNamingTheMembers() {
        for (MemberRemoval removal : MemberRemoval.values()) {
            for (ObjectNode body : MembershipPatches.bodies(ids("a", 150), ids("r", 150), removal)) {
                assertThat(body.get("schemas").get(0).asText()).isEqualTo(ScimJson.PATCH_OP_SCHEMA);
                for (JsonNode op : body.get("Operations")) {
                    assertThat(op.get("op").asText()).isIn("add", "remove");
                    if (op.get("op").asText().equals("remove") && removal == MemberRemoval.FILTER_PATH) {
                        assertThat(op.get("path").asText()).matches("members\\[value eq \"r\\d+\"\\]");
                        assertThat(op.has("value")).isFalse();
                    } else {
                        assertThat(op.get("path").asText()).isEqualTo("members");
                        assertThat(op.get("value").isArray()).isTrue();
                        assertThat(op.get("value")).isNotEmpty();
                    }
                }
            }
        }
    }

    /** What AWS's own Identity Center sync (awslabs/ssosync) sends: one remove listing the members. */
    @Test
    void byDefaultTheRemovedMembersAreOneValueList() {
        List<ObjectNode> bodies = MembershipPatches.bodies(List.of("a1"), List.of("r1", "r\"2"));
        assertThat(bodies).hasSize(1);
        JsonNode ops = bodies.get(0).get("Operations");
        assertThat(ops).hasSize(2);
        assertThat(ops.get(0).get("op").asText()).isEqualTo("add");
        assertThat(ops.get(1).get("op").asText()).isEqualTo("remove");
        assertThat(ops.get(1).get("path").asText()).isEqualTo("members");
        assertThat(ops.get(1).get("value").findValuesAsText("value")).containsExactly("r1", "r\"2");
    }

    /**
     * RFC 7644 §3.5.2.2's form, for servers that read a {@code remove} of {@code members} as
     * remove-all whatever {@code value} it carries: Keycloak 26.7's SCIM server answers such a
     * request 200 and removes nothing.
     */
    @Test
    void withFilterPathsEachRemovalNamesItsMemberInThePath() {
        List<ObjectNode> bodies = MembershipPatches.bodies(List.of("a1"), List.of("r1", "r\"2"), MemberRemoval.FILTER_PATH);
        assertThat(bodies).hasSize(1);
        JsonNode ops = bodies.get(0).get("Operations");
        assertThat(ops).hasSize(3);
        assertThat(ops.get(0).get("op").asText()).isEqualTo("add");
        assertThat(ops.get(1).get("op").asText()).isEqualTo("remove");
        assertThat(ops.get(1).get("path").asText()).isEqualTo("members[value eq \"r1\"]");
        assertThat(ops.get(2).get("path").asText()).isEqualTo("members[value eq \"r\\\"2\"]");
    }

    @Test
    void nothingToChangeSendsNothing() {
        assertThat(MembershipPatches.bodies(List.of("u1"), List.of("u1"))).isEmpty();
        assertThat(MembershipPatches.bodies(List.of(), List.of())).isEmpty();
    }

    @Test
    void renameReplacesOnlyDisplayName() {
        JsonNode op = MembershipPatches.rename("Developers").get("Operations").get(0);
        assertThat(op.get("op").asText()).isEqualTo("replace");
        assertThat(op.get("path").asText()).isEqualTo("displayName");
        assertThat(op.get("value").asText()).isEqualTo("Developers");
    }
}
