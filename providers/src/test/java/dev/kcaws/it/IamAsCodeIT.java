package dev.kcaws.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcaws.testsupport.DemoRealm;
import dev.kcaws.testsupport.ManagedRealm;
import dev.kcaws.testsupport.keycloak.AdminApi;
import dev.kcaws.testsupport.keycloak.ApiResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The IAM side as code: what the admin API generates for the demo realm is what its logins need. */
class IamAsCodeIT {

    static final String DEMO = "/admin/realms/aws-demo/aws";
    static final String COPY = "iac-check";
    static final String COMPOSITE = "iac-composite";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    static final ManagedRealm demo = ManagedRealm.imported("aws-demo").deletingAfterAll(COPY, COMPOSITE);

    /** A GET as the admin, accepting whatever the endpoint produces (AdminApi asks for JSON only). */
    static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(demo.server().baseUrl() + path)).header("Authorization", "Bearer " + demo.admin().token()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String descriptor(String realm) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(demo.server().baseUrl() + "/realms/" + realm + "/protocol/saml/descriptor"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        return JSON.readTree(response.body());
    }

    static List<String> cfnRoleNames(JsonNode template) {
        List<String> names = new ArrayList<>();
        template.path("Resources").forEach(r -> {
            if (r.path("Type").asText().equals("AWS::IAM::Role")) {
                names.add(r.path("Properties").path("RoleName").asText());
            }
        });
        return names;
    }

    static JsonNode cfnRole(JsonNode template, String name) {
        for (JsonNode r : template.path("Resources")) {
            if (r.path("Properties").path("RoleName").asText().equals(name)) {
                return r.path("Properties");
            }
        }
        throw new AssertionError("no role " + name);
    }

    static List<String> tfRoleNames(JsonNode config) {
        return config.path("resource").path("aws_iam_role").findValuesAsText("name");
    }

    static JsonNode tfRole(JsonNode config, String name) {
        for (JsonNode r : config.path("resource").path("aws_iam_role")) {
            if (r.path("name").asText().equals(name)) {
                return r;
            }
        }
        throw new AssertionError("no role " + name);
    }

    static String terraformLiteral(String text) {
        return text.replace("$${", "${").replace("%%{", "%{");
    }

    @Test
    void cloudFormationForProdHasTheCurrentMetadataAndTheThreeAssignedRoles() throws Exception {
        HttpResponse<String> response = get(DEMO + "/iac/cloudformation?accountId=111111111111");
        JsonNode template = json(response);
        assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
                .isEqualTo("attachment; filename=\"kcaws-aws-demo-111111111111.cfn.json\"");

        JsonNode provider = template.path("Resources").path("SamlProvider");
        assertThat(provider.path("Type").asText()).isEqualTo("AWS::IAM::SAMLProvider");
        assertThat(provider.path("Properties").path("Name").asText()).isEqualTo("keycloak");
        assertThat(provider.path("Properties").path("SamlMetadataDocument").asText()).isEqualTo(descriptor("aws-demo"));

        assertThat(cfnRoleNames(template)).containsExactlyInAnyOrder("AdministratorAccess", "ReadOnlyAccess", "Billing");
        JsonNode billing = cfnRole(template, "Billing");
        assertThat(billing.path("ManagedPolicyArns").get(0).asText()).isEqualTo("arn:aws:iam::aws:policy/job-function/Billing");
        assertThat(billing.path("ManagedPolicyArns").size()).isEqualTo(1);
        assertThat(cfnRole(template, "ReadOnlyAccess").path("MaxSessionDuration").asInt()).isEqualTo(43200);
        JsonNode statement = billing.path("AssumeRolePolicyDocument").path("Statement").get(0);
        assertThat(statement.path("Principal").path("Federated").path("Ref").asText()).isEqualTo("SamlProvider");
        assertThat(statement.path("Action").get(0).asText()).isEqualTo("sts:AssumeRoleWithSAML");
        assertThat(statement.path("Action").size()).as("the demo mapper sends neither tags nor a source identity").isEqualTo(1);
        assertThat(statement.path("Condition").path("StringEquals").path("SAML:aud").asText()).isEqualTo("https://signin.aws.amazon.com/saml");
    }

    @Test
    void terraformForProdHasTheSameProviderAndRoles() throws Exception {
        HttpResponse<String> response = get(DEMO + "/iac/terraform?accountId=111111111111");
        JsonNode config = json(response);
        assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
                .isEqualTo("attachment; filename=\"kcaws-aws-demo-111111111111.tf.json\"");
        assertThat(config.path("terraform").path("required_providers").path("aws").path("source").asText()).isEqualTo("hashicorp/aws");
        assertThat(config.path("provider").path("aws").path("allowed_account_ids").get(0).asText()).isEqualTo("111111111111");
        JsonNode provider = config.path("resource").path("aws_iam_saml_provider").path("keycloak");
        assertThat(provider.path("name").asText()).isEqualTo("keycloak");
        assertThat(terraformLiteral(provider.path("saml_metadata_document").asText())).isEqualTo(descriptor("aws-demo"));

        assertThat(tfRoleNames(config)).containsExactlyInAnyOrder("AdministratorAccess", "ReadOnlyAccess", "Billing");
        JsonNode trust = JSON.readTree(tfRole(config, "Billing").path("assume_role_policy").asText()).path("Statement").get(0);
        assertThat(trust.path("Principal").path("Federated").asText()).isEqualTo("${aws_iam_saml_provider.keycloak.arn}");
        assertThat(trust.path("Condition").path("StringEquals").path("SAML:aud").asText()).isEqualTo("https://signin.aws.amazon.com/saml");
        List<String> billingPolicies = new ArrayList<>();
        config.path("resource").path("aws_iam_role_policy_attachment").forEach(a -> {
            if (a.path("role").asText().equals("${aws_iam_role.Billing.name}")) {
                billingPolicies.add(a.path("policy_arn").asText());
            }
        });
        assertThat(billingPolicies).containsExactly("arn:aws:iam::aws:policy/job-function/Billing");
        assertThat(tfRole(config, "ReadOnlyAccess").path("max_session_duration").asInt()).isEqualTo(43200);
    }

    @Test
    void withoutAnAccountEveryAccountGetsItsOwn() throws Exception {
        JsonNode cfn = json(get(DEMO + "/iac/cloudformation"));
        JsonNode tf = json(get(DEMO + "/iac/terraform"));
        for (JsonNode all : List.of(cfn, tf)) {
            List<String> ids = new ArrayList<>();
            all.fieldNames().forEachRemaining(ids::add);
            assertThat(ids).containsExactlyInAnyOrder("111111111111", "222222222222", "333333333333");
        }
        assertThat(cfnRoleNames(cfn.path("111111111111"))).containsExactlyInAnyOrder("AdministratorAccess", "ReadOnlyAccess", "Billing");
        assertThat(cfnRoleNames(cfn.path("222222222222"))).containsExactlyInAnyOrder("AdministratorAccess", "PowerUserAccess");
        assertThat(cfnRoleNames(cfn.path("333333333333"))).containsExactlyInAnyOrder("AdministratorAccess", "PowerUserAccess", "ReadOnlyAccess");
        assertThat(tfRoleNames(tf.path("333333333333"))).containsExactlyInAnyOrder("AdministratorAccess", "PowerUserAccess", "ReadOnlyAccess");
        assertThat(tf.path("222222222222").path("provider").path("aws").path("allowed_account_ids").get(0).asText()).isEqualTo("222222222222");
    }

    @Test
    void allAccountsAsOneZipHoldEachAccountsOwnFilesAsThePerAccountCallsServeThem() throws Exception {
        HttpResponse<byte[]> zip = HTTP.send(HttpRequest.newBuilder(URI.create(demo.server().baseUrl() + DEMO + "/iac/archive"))
                .header("Authorization", "Bearer " + demo.admin().token()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Type").orElse("")).startsWith("application/zip");
        assertThat(zip.headers().firstValue("Content-Disposition").orElse("")).contains("kcaws-aws-demo-iam.zip");
        Map<String, String> files = new java.util.TreeMap<>();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip.body()))) {
            for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null; ) {
                files.put(e.getName(), new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        assertThat(files.keySet()).containsExactly("111111111111/cloudformation.json", "111111111111/main.tf.json",
                "222222222222/cloudformation.json", "222222222222/main.tf.json", "333333333333/cloudformation.json",
                "333333333333/main.tf.json", "README.txt");
        for (String id : List.of("111111111111", "222222222222", "333333333333")) {
            assertThat(JSON.readTree(files.get(id + "/cloudformation.json"))).isEqualTo(json(get(DEMO + "/iac/cloudformation?accountId=" + id)));
            assertThat(JSON.readTree(files.get(id + "/main.tf.json"))).isEqualTo(json(get(DEMO + "/iac/terraform?accountId=" + id)));
        }
        assertThat(files.get("README.txt")).contains("aws cloudformation deploy --template-file 222222222222/cloudformation.json");
    }

    @Test
    void theIdpMetadataIsTheDescriptor() throws Exception {
        HttpResponse<String> response = get(DEMO + "/idp-metadata");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/xml");
        assertThat(response.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment; filename=");
        assertThat(response.body()).isEqualTo(descriptor("aws-demo"));
    }

    @Test
    void unknownAccountsAreNotFoundAndMalformedOnesNamed() {
        for (String kind : List.of("cloudformation", "terraform")) {
            ApiResponse unknown = demo.admin().send("GET", DEMO + "/iac/" + kind + "?accountId=999999999999", null);
            assertThat(unknown.status()).as(kind).isEqualTo(404);
            assertThat(unknown.json().path("errorMessage").asText()).contains("999999999999");
            ApiResponse malformed = demo.admin().send("GET", DEMO + "/iac/" + kind + "?accountId=1234", null);
            assertThat(malformed.status()).as(kind).isEqualTo(400);
            assertThat(malformed.json().path("field").asText()).isEqualTo("accountId");
            assertThat(malformed.json().path("errorMessage").asText()).startsWith("accountId:");
        }
    }

    @Test
    void ordinaryUsersMayNotReadIt() throws Exception {
        UserToken dave = UserToken.of(demo.server().baseUrl(), "aws-demo", "dave", "dave");
        assertThat(dave.status("GET", DEMO + "/iac/cloudformation?accountId=111111111111", null)).isEqualTo(403);
        assertThat(dave.status("GET", DEMO + "/iac/terraform", null)).isEqualTo(403);
        assertThat(dave.status("GET", DEMO + "/idp-metadata", null)).isEqualTo(403);
        assertThat(dave.status("GET", DEMO + "/iac/archive", null)).isEqualTo(403);
    }

    @Test
    void onlyMappedAccessRolesBecomeRolesAndTheTrustFollowsTheClients() throws Exception {
        demo.admin().createRealm(DemoRealm.copyNamed(COPY));
        String api = "/admin/realms/" + COPY + "/aws";
        String model = demo.admin().findClientByClientId(COPY, "aws-access").orElseThrow().path("id").asText();
        demo.admin().expect(201, "POST", "/admin/realms/" + COPY + "/clients/" + model + "/roles", Map.of("name", "access:111111111111:PowerUserAccess"));
        assertThat(cfnRoleNames(json(get(api + "/iac/cloudformation?accountId=111111111111"))))
                .as("an access role nobody holds is no assignment").containsExactlyInAnyOrder("AdministratorAccess", "ReadOnlyAccess", "Billing");

        demo.admin().expect(201, "POST", api + "/assignments", Map.of("user", "dave", "accountId", "111111111111", "permissionSet", "PowerUserAccess"));
        JsonNode template = json(get(api + "/iac/cloudformation?accountId=111111111111"));
        assertThat(cfnRoleNames(template)).containsExactlyInAnyOrder("AdministratorAccess", "ReadOnlyAccess", "Billing", "PowerUserAccess");
        assertThat(cfnRole(template, "PowerUserAccess").path("MaxSessionDuration").asInt()).isEqualTo(28800);

        demo.admin().expect(201, "POST", api + "/clients", Map.of("endpoint", "eu-west-1", "clientId", "urn:amazon:webservices:eu", "urlName", "aws-eu"));
        JsonNode eu = demo.admin().findClientByClientId(COPY, "urn:amazon:webservices:eu").orElseThrow();
        JsonNode mapper = eu.path("protocolMappers").get(0);
        ObjectNode tagged = mapper.deepCopy();
        tagged.with("config").put("principalTags", "Team=department");
        demo.admin().expect(204, "PUT", "/admin/realms/" + COPY + "/clients/" + eu.path("id").asText() + "/protocol-mappers/models/"
                + mapper.path("id").asText(), tagged);

        JsonNode statement = cfnRole(json(get(api + "/iac/cloudformation?accountId=111111111111")), "Billing")
                .path("AssumeRolePolicyDocument").path("Statement").get(0);
        List<String> actions = new ArrayList<>();
        statement.path("Action").forEach(a -> actions.add(a.asText()));
        assertThat(actions).containsExactly("sts:AssumeRoleWithSAML", "sts:TagSession");
        List<String> audiences = new ArrayList<>();
        statement.path("Condition").path("StringLike").path("SAML:aud").forEach(a -> audiences.add(a.asText()));
        assertThat(audiences).containsExactlyInAnyOrder("https://signin.aws.amazon.com/saml", "https://*.signin.aws.amazon.com/saml");
        assertThat(statement.path("Condition").has("StringEquals")).isFalse();
    }

    /** Access held through a composite role (here a realm role mapped to a group) is access: the IAM side gets its role. */
    @Test
    void accessHeldThroughACompositeRoleGetsItsRole() throws Exception {
        demo.admin().createRealm(DemoRealm.copyNamed(COMPOSITE));
        String realm = "/admin/realms/" + COMPOSITE;
        String model = demo.admin().findClientByClientId(COMPOSITE, "aws-access").orElseThrow().path("id").asText();
        demo.admin().expect(201, "POST", realm + "/clients/" + model + "/roles", Map.of("name", "access:222222222222:Billing"));
        JsonNode accessRole = demo.admin().expect(200, "GET", realm + "/clients/" + model + "/roles/access:222222222222:Billing", null).json();
        demo.admin().expect(201, "POST", realm + "/roles", Map.of("name", "finance"));
        demo.admin().expect(204, "POST", realm + "/roles/finance/composites", List.of(accessRole));
        assertThat(cfnRoleNames(json(get(realm + "/aws/iac/cloudformation?accountId=222222222222"))))
                .as("a composite nobody holds gives no access").doesNotContain("Billing");

        JsonNode finance = demo.admin().expect(200, "GET", realm + "/roles/finance", null).json();
        String group = demo.admin().findGroupId(COMPOSITE, "/BillingAdmin").orElseThrow();
        demo.admin().expect(204, "POST", realm + "/groups/" + group + "/role-mappings/realm", List.of(finance));
        assertThat(cfnRoleNames(json(get(realm + "/aws/iac/cloudformation?accountId=222222222222")))).contains("Billing");
    }
}
