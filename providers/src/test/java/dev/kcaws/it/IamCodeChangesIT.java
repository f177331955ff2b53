package dev.kcaws.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcaws.testsupport.ManagedRealm;
import dev.kcaws.testsupport.keycloak.ApiResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An assignment that gives an account's IAM code a role it did not have says so in its answer
 * ({@code iamCodeChanged}: the account and the sets added), so the admin page can offer that
 * account's code right away; {@code /aws/iac/deployment} tells how to deploy one account's code
 * (files, commands, the sets it has a role for). The answers keep every field they had.
 */
class IamCodeChangesIT {

    static final String REALM = "iam-code-changes";
    static final String API = "/admin/realms/" + REALM + "/aws";

    @RegisterExtension
    static final ManagedRealm realm = ManagedRealm.demoCopy(REALM);

    static void newAccount(String id) {
        realm.admin().expect(201, "POST", API + "/accounts", Map.of("id", id, "name", "new-" + id));
    }

    static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    @Test
    void aSingleAssignmentSaysWhenItAddsARoleToTheAccountsCode() {
        newAccount("810000000001");
        ApiResponse first = realm.admin().expect(201, "POST", API + "/assignments",
                Map.of("group", "/Developers", "accountId", "810000000001", "permissionSet", "ReadOnlyAccess"));
        JsonNode body = first.json();
        assertThat(body.path("group").asText()).as("the fields it had stay").isEqualTo("/Developers");
        assertThat(body.path("accountId").asText()).isEqualTo("810000000001");
        assertThat(body.path("permissionSet").asText()).isEqualTo("ReadOnlyAccess");
        JsonNode changed = body.path("iamCodeChanged");
        assertThat(changed).as(first.body()).hasSize(1);
        assertThat(changed.get(0).path("accountId").asText()).isEqualTo("810000000001");
        assertThat(changed.get(0).path("accountName").asText()).isEqualTo("new-810000000001");
        assertThat(texts(changed.get(0).path("added"))).containsExactly("ReadOnlyAccess");
        assertThat(changed.get(0).fieldNames()).toIterable().containsExactly("accountId", "accountName", "added");
        JsonNode deployment = deployment("810000000001");
        assertThat(deployment.path("cloudFormationFile").asText()).isEqualTo("kcaws-" + REALM + "-810000000001.cfn.json");
        assertThat(deployment.path("cloudFormationCommand").asText()).isEqualTo("aws cloudformation deploy --template-file kcaws-" + REALM
                + "-810000000001.cfn.json --stack-name kcaws --capabilities CAPABILITY_NAMED_IAM");
        assertThat(deployment.path("terraformFile").asText()).isEqualTo("kcaws-" + REALM + "-810000000001.tf.json");
        assertThat(deployment.path("terraformCommand").asText()).isEqualTo("mkdir -p 810000000001 && mv kcaws-" + REALM
                + "-810000000001.tf.json 810000000001/main.tf.json && (cd 810000000001 && terraform init && terraform apply)");
        assertThat(texts(deployment.path("permissionSets"))).containsExactly("ReadOnlyAccess");
        assertThat(realm.admin().expect(200, "GET", API + "/iac/cloudformation?accountId=810000000001", null).body()).contains("ReadOnlyAccess");

        // The same set for someone else, or again: the code has the role already.
        assertThat(realm.admin().expect(201, "POST", API + "/assignments",
                Map.of("user", "erin", "accountId", "810000000001", "permissionSet", "ReadOnlyAccess")).json().path("iamCodeChanged")).isEmpty();
        assertThat(realm.admin().expect(201, "POST", API + "/assignments",
                Map.of("group", "/Developers", "accountId", "810000000001", "permissionSet", "ReadOnlyAccess")).json().path("iamCodeChanged")).isEmpty();
    }

    @Test
    void aBulkAssignmentListsExactlyTheAccountsWhoseCodeChanged() {
        newAccount("810000000002");
        newAccount("810000000003");
        realm.admin().expect(201, "POST", API + "/assignments", Map.of("group", "/Everyone", "accountId", "810000000003", "permissionSet", "Billing"));
        ApiResponse bulk = realm.admin().expect(200, "POST", API + "/assignments/bulk", Map.of("groups", List.of("/DevOps"), "users", List.of("erin"),
                "accountIds", List.of("810000000002", "810000000003"), "permissionSets", List.of("Billing", "PowerUserAccess")));
        JsonNode body = bulk.json();
        assertThat(body.path("granted").asInt()).as("the fields it had stay").isEqualTo(8);
        assertThat(body.path("alreadyAssigned").asInt()).isZero();
        JsonNode changed = body.path("iamCodeChanged");
        assertThat(changed).as(bulk.body()).hasSize(2);
        assertThat(changed.get(0).path("accountId").asText()).isEqualTo("810000000002");
        assertThat(texts(changed.get(0).path("added"))).containsExactly("Billing", "PowerUserAccess");
        assertThat(changed.get(1).path("accountId").asText()).isEqualTo("810000000003");
        assertThat(texts(changed.get(1).path("added"))).as("Billing was in its code already").containsExactly("PowerUserAccess");
        assertThat(texts(deployment("810000000003").path("permissionSets"))).containsExactly("Billing", "PowerUserAccess");

        ApiResponse again = realm.admin().expect(200, "POST", API + "/assignments/bulk", Map.of("users", List.of("erin"),
                "accountIds", List.of("810000000002", "810000000003"), "permissionSets", List.of("Billing")));
        assertThat(again.json().path("alreadyAssigned").asInt()).isEqualTo(2);
        assertThat(again.json().path("iamCodeChanged")).isEmpty();
    }

    /** All-or-nothing: one bad name among good ones grants nothing, and the accounts' code stays as it was. */
    @Test
    void aBulkAssignmentWithOneBadItemChangesNothing() {
        newAccount("810000000004");
        String codeBefore = realm.admin().expect(200, "GET", API + "/iac/cloudformation?accountId=810000000004", null).body();
        for (Map<String, Object> body : List.<Map<String, Object>>of(
                Map.of("groups", List.of("/Developers", "/NoSuchGroup"), "accountIds", List.of("810000000004"), "permissionSets", List.of("Billing")),
                Map.of("groups", List.of("/Developers"), "users", List.of("nobody-here"), "accountIds", List.of("810000000004"), "permissionSets", List.of("Billing")),
                Map.of("groups", List.of("/Developers"), "accountIds", List.of("810000000004"), "permissionSets", List.of("Billing", "NoSuchSet")),
                Map.of("groups", List.of("/Developers"), "accountIds", List.of("810000000004", "12345"), "permissionSets", List.of("Billing")))) {
            ApiResponse refused = realm.admin().send("POST", API + "/assignments/bulk", body);
            assertThat(refused.status()).as(refused.body()).isBetween(400, 404);
            assertThat(realm.admin().expect(200, "GET", API + "/assignments?accountId=810000000004", null).json()).as("nothing granted").isEmpty();
        }
        assertThat(realm.admin().expect(200, "GET", API + "/iac/cloudformation?accountId=810000000004", null).body()).isEqualTo(codeBefore);
    }

    /** Removing the last assignment of a set in an account takes its role out of the code; the deployment tells which remain. */
    @Test
    void theDeploymentListsTheSetsInTheCodeAfterARemoval() {
        newAccount("810000000005");
        realm.admin().expect(201, "POST", API + "/assignments", Map.of("group", "/Developers", "accountId", "810000000005", "permissionSet", "Billing"));
        realm.admin().expect(201, "POST", API + "/assignments", Map.of("group", "/Developers", "accountId", "810000000005", "permissionSet", "ReadOnlyAccess"));
        realm.admin().expect(201, "POST", API + "/assignments", Map.of("user", "erin", "accountId", "810000000005", "permissionSet", "Billing"));
        realm.admin().expect(204, "DELETE", API + "/assignments?group=/Developers&accountId=810000000005&permissionSet=Billing", null);
        assertThat(texts(deployment("810000000005").path("permissionSets"))).as("erin still has Billing").containsExactly("Billing", "ReadOnlyAccess");
        realm.admin().expect(204, "DELETE", API + "/assignments?user=erin&accountId=810000000005&permissionSet=Billing", null);
        assertThat(texts(deployment("810000000005").path("permissionSets"))).containsExactly("ReadOnlyAccess");
        // The role is still there, held by no one: granting it again puts it back in the code.
        JsonNode again = realm.admin().expect(201, "POST", API + "/assignments",
                Map.of("user", "erin", "accountId", "810000000005", "permissionSet", "Billing")).json().path("iamCodeChanged");
        assertThat(again).hasSize(1);
        assertThat(texts(again.get(0).path("added"))).containsExactly("Billing");

        assertThat(realm.admin().send("GET", API + "/iac/deployment", null).status()).isEqualTo(400);
        assertThat(realm.admin().send("GET", API + "/iac/deployment?accountId=999999999999", null).status()).isEqualTo(404);
    }

    static JsonNode deployment(String accountId) {
        return realm.admin().expect(200, "GET", API + "/iac/deployment?accountId=" + accountId, null).json();
    }
}
