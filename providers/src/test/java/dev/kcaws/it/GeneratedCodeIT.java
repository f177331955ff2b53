package dev.kcaws.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kcaws.iac.TerraformTemplates;
import dev.kcaws.testsupport.ManagedRealm;
import dev.kcaws.testsupport.keycloak.ApiResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What reaches the generated Terraform and CloudFormation through the admin API: a region that is
 * not an AWS region of the account's partition is refused and stores nothing; template text in a
 * name or description comes out as literal text that Terraform does not evaluate.
 */
class GeneratedCodeIT {

    static final String REALM = "generated-code";
    static final String API = "/admin/realms/" + REALM + "/aws";
    static final String HOSTILE = "${file(\"/etc/passwd\")} %{ if true }x%{ endif }";
    static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final ManagedRealm realm = ManagedRealm.demoCopy(REALM);

    static Map<String, Object> account(String id, String name, String partition, String region) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("name", name);
        body.put("partition", partition);
        body.put("region", region);
        return body;
    }

    /** The model as the admin API lists it: what a refused request must leave as it was. */
    static String model() {
        return realm.admin().expect(200, "GET", API + "/accounts", null).body() + realm.admin().expect(200, "GET", API + "/permission-sets", null).body();
    }

    void assertRefused(String method, String path, Object body, String field) {
        String before = model();
        ApiResponse response = realm.admin().send(method, API + path, body);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().path("field").asText()).isEqualTo(field);
        assertThat(response.json().path("errorMessage").asText()).startsWith(field + ":").hasSizeLessThan(400);
        assertThat(model()).as("nothing stored").isEqualTo(before);
    }

    @Test
    void aRegionThatIsNotAnAwsRegionOfTheAccountsPartitionIsRefused() {
        for (String region : List.of("${file(\"/etc/passwd\")}", "eu-west-1\n", "eu-west-1\u0000", "x".repeat(1 << 20), "EU-WEST-1",
                "eu-west-1\"}, \"x\": {\"y\": \"z", "us-gov-west-1", "us-iso-east-1")) {
            assertRefused("POST", "/accounts", account("555555555555", "new", "aws", region), "account.region");
            assertRefused("PUT", "/accounts/111111111111", account("111111111111", "acme-prod", "aws", region), "account.region");
        }
        assertRefused("POST", "/accounts", account("555555555555", "gov", "aws-us-gov", "eu-west-1"), "account.region");
        assertRefused("POST", "/accounts", account("555555555555", "line\nbreak", "aws", null), "account.name");
        assertRefused("POST", "/accounts", account("555555555555", "x".repeat(1 << 20), "aws", null), "account.name");
        assertRefused("POST", "/permission-sets", Map.of("name", "Nul", "description", "nul\u0000"), "permissionSet.description");
        assertRefused("POST", "/permission-sets", Map.of("name", "Cfn", "inlinePolicy",
                "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":{\"Fn::ImportValue\":\"x\"}}]}"), "permissionSet.inlinePolicy");

        realm.admin().expect(201, "POST", API + "/accounts", account("666666666666", "gov", "aws-us-gov", "us-gov-east-1"));
        assertThat(realm.admin().expect(200, "GET", API + "/accounts/666666666666", null).json().path("region").asText()).isEqualTo("us-gov-east-1");
    }

    @Test
    void templateTextInNamesAndDescriptionsIsLiteralInTheTerraform() throws Exception {
        realm.admin().expect(201, "POST", API + "/accounts", account("777777777777", "acme " + HOSTILE, "aws", "eu-west-1"));
        realm.admin().expect(201, "POST", API + "/permission-sets", Map.of("name", "Hostile", "description", "Set " + HOSTILE,
                "inlinePolicy", "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::x/${aws:username}/%{ if }\"}]}"));
        realm.admin().expect(201, "POST", API + "/assignments", Map.of("user", "dave", "accountId", "777777777777", "permissionSet", "Hostile"));

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(realm.server().baseUrl() + API + "/iac/terraform?accountId=777777777777"))
                .header("Authorization", "Bearer " + realm.admin().token()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode config = JSON.readTree(response.body());

        assertThat(TerraformTemplates.evaluated(config)).as("only the bundle's own references")
                .allMatch(s -> s.matches("\\$\\{aws_iam_(saml_provider|role)\\.[A-Za-z0-9_]+\\.(arn|name|id)}"));
        assertThat(config.path("provider").path("aws").path("region").asText()).isEqualTo("eu-west-1");
        JsonNode role = config.path("resource").path("aws_iam_role").path("Hostile");
        assertThat(role.path("description").asText()).isEqualTo("Set $${file(\"/etc/passwd\")} %%{ if true }x%%{ endif }");
        assertThat(TerraformTemplates.read(role.path("description").asText()).literal()).isEqualTo("Set " + HOSTILE);
        assertThat(TerraformTemplates.read(config.path("//").asText()).literal()).contains("acme " + HOSTILE);
        assertThat(config.path("resource").path("aws_iam_role_policy").path("Hostile").path("policy").asText())
                .contains("arn:aws:s3:::x/$${aws:username}/%%{ if }");
    }
}
