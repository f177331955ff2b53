package dev.kcaws.iac;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcaws.access.AwsAccount;
import dev.kcaws.access.PermissionSet;
import dev.kcaws.aws.AwsRegion;
import dev.kcaws.aws.AwsRuleViolation;
import dev.kcaws.aws.InlinePolicy;
import dev.kcaws.aws.Partition;
import dev.kcaws.aws.SigninEndpoint;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.kcaws.iac.IamAsCodeFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TerraformConfigurationTest {

    static JsonNode config(RealmIdentityProvider idp, AwsAccount account, PermissionSet... sets) {
        return served(TerraformConfiguration.of(idp, new AccountPermissionSets(account, List.of(sets))));
    }

    static JsonNode role(JsonNode config, String roleName) {
        for (JsonNode role : config.path("resource").path("aws_iam_role")) {
            if (role.path("name").asText().equals(roleName)) {
                return role;
            }
        }
        throw new AssertionError("no role " + roleName + " in " + config);
    }

    /** Terraform's JSON syntax reads every string as a template: undo the escapes of literal text. */
    static String literal(String terraformString) {
        return terraformString.replace("$${", "${").replace("%%{", "%{");
    }

    static JsonNode statement(JsonNode role) {
        JsonNode policy = parse(role.path("assume_role_policy").asText());
        assertThat(policy.path("Version").asText()).isEqualTo("2012-10-17");
        assertThat(policy.path("Statement").size()).isEqualTo(1);
        return policy.path("Statement").get(0);
    }

    @Test
    void awsProviderIsPinnedToTheOneAccount() {
        JsonNode c = config(idp(GLOBAL), PROD, READ_ONLY);
        assertThat(c.path("terraform").path("required_providers").path("aws").path("source").asText()).isEqualTo("hashicorp/aws");
        assertThat(texts(c.path("provider").path("aws").path("allowed_account_ids"))).containsExactly("111111111111");
        assertThat(c.path("provider").path("aws").path("region").asText()).isEqualTo("us-east-1");
        assertThat(config(idp(GOV_CLIENT), GOV).path("provider").path("aws").path("region").asText()).isEqualTo("us-gov-west-1");
        assertThat(config(idp(CHINA_CLIENT), CHINA).path("provider").path("aws").path("region").asText()).isEqualTo("cn-north-1");
        AwsAccount withRegion = new AwsAccount(PROD.id(), PROD.name(), Partition.AWS, PROD.samlProvider(), AwsRegion.parse("r", "eu-central-1"));
        assertThat(config(idp(GLOBAL), withRegion).path("provider").path("aws").path("region").asText()).isEqualTo("eu-central-1");
    }

    @Test
    void theSamlProviderHoldsTheMetadata() {
        JsonNode provider = config(idp(GLOBAL), PROD).path("resource").path("aws_iam_saml_provider").path(TerraformConfiguration.PROVIDER_NAME);
        assertThat(provider.path("name").asText()).isEqualTo("keycloak");
        assertThat(literal(provider.path("saml_metadata_document").asText())).isEqualTo(METADATA);
    }

    @Test
    void oneRolePerAssignedSetNamedLikeTheSetAndNothingElse() {
        JsonNode c = config(idp(GLOBAL), PROD, READ_ONLY, DEVELOPER, DASHED, LOOKALIKE);
        List<String> names = new ArrayList<>();
        c.path("resource").path("aws_iam_role").forEach(r -> names.add(r.path("name").asText()));
        assertThat(names).containsExactlyInAnyOrder("ReadOnlyAccess", "Developer", "Read-Only", "ReadZ2DOnly");
        assertThat(fieldNames(c.path("resource").path("aws_iam_role"))).allMatch(n -> n.matches("[A-Za-z_][A-Za-z0-9_-]*")).hasSize(4);
        assertThat(fieldNames(c.path("resource")))
                .containsExactlyInAnyOrder("aws_iam_saml_provider", "aws_iam_role", "aws_iam_role_policy_attachment", "aws_iam_role_policy");
        assertThat(Json.pretty(TerraformConfiguration.of(idp(GLOBAL), new AccountPermissionSets(PROD, List.of(READ_ONLY, DEVELOPER)))))
                .doesNotContain(UNASSIGNED.name().value()).doesNotContain("AdministratorAccess");
        assertThat(fieldNames(config(idp(GLOBAL), PROD).path("resource"))).containsExactly("aws_iam_saml_provider");
    }

    @Test
    void theTrustPolicyIsAJsonStringTrustingTheProvider() {
        JsonNode s = statement(role(config(idp(GLOBAL), PROD, READ_ONLY), "ReadOnlyAccess"));
        assertThat(s.path("Effect").asText()).isEqualTo("Allow");
        assertThat(s.path("Principal").path("Federated").asText()).isEqualTo("${aws_iam_saml_provider.keycloak.arn}");
        assertThat(texts(s.path("Action"))).containsExactly("sts:AssumeRoleWithSAML");
        assertThat(texts(s.path("Condition").path("StringEquals").path("SAML:aud"))).containsExactly("https://signin.aws.amazon.com/saml");
    }

    @Test
    void actionsAndAudiencesFollowTheClients() {
        RealmIdentityProvider all = idp(new AwsClientTrust(new SigninEndpoint(Partition.AWS, "eu-west-1"), true, true));
        JsonNode s = statement(role(config(all, PROD, READ_ONLY), "ReadOnlyAccess"));
        assertThat(texts(s.path("Action"))).containsExactly("sts:AssumeRoleWithSAML", "sts:TagSession", "sts:SetSourceIdentity");
        assertThat(fieldNames(s.path("Condition"))).containsExactly("StringLike");
        assertThat(texts(s.path("Condition").path("StringLike").path("SAML:aud"))).containsExactly("https://*.signin.aws.amazon.com/saml");

        JsonNode gov = statement(role(config(idp(GLOBAL, GOV_CLIENT), GOV, READ_ONLY), "ReadOnlyAccess"));
        assertThat(texts(gov.path("Condition").path("StringEquals").path("SAML:aud"))).containsExactly("https://signin.amazonaws-us-gov.com/saml");
        JsonNode cn = statement(role(config(idp(CHINA_CLIENT), CHINA, READ_ONLY), "ReadOnlyAccess"));
        assertThat(texts(cn.path("Condition").path("StringEquals").path("SAML:aud"))).containsExactly("https://signin.amazonaws.cn/saml");
    }

    @Test
    void policiesAreSeparateResourcesOfTheRole() {
        JsonNode c = config(idp(GLOBAL), PROD, DEVELOPER, READ_ONLY);
        String dev = TerraformConfiguration.roleName(DEVELOPER);
        JsonNode role = role(c, "Developer");
        assertThat(role.has("managed_policy_arns")).as("deprecated in the AWS provider").isFalse();
        assertThat(role.has("inline_policy")).as("deprecated in the AWS provider").isFalse();
        assertThat(role.path("permissions_boundary").asText()).isEqualTo("arn:aws:iam::111111111111:policy/Boundary");
        assertThat(literal(role.path("description").asText())).isEqualTo("Build & run ${things} ? fast ?");
        assertThat(role.path("description").asText()).contains("$${things}");

        List<String> attached = new ArrayList<>();
        c.path("resource").path("aws_iam_role_policy_attachment").forEach(a -> {
            if (a.path("role").asText().equals("${aws_iam_role." + dev + ".name}")) {
                attached.add(a.path("policy_arn").asText());
            }
        });
        assertThat(attached).containsExactlyInAnyOrder("arn:aws:iam::aws:policy/PowerUserAccess", "arn:aws:iam::aws:policy/job-function/Billing");
        assertThat(c.path("resource").path("aws_iam_role_policy_attachment").size()).isEqualTo(3);

        JsonNode inline = c.path("resource").path("aws_iam_role_policy");
        assertThat(fieldNames(inline)).containsExactly(dev);
        assertThat(inline.path(dev).path("name").asText()).isEqualTo("Developer-inline");
        assertThat(inline.path(dev).path("role").asText()).isEqualTo("${aws_iam_role." + dev + ".id}");
        String policy = inline.path(dev).path("policy").asText();
        assertThat(policy).as("an IAM policy variable is not Terraform interpolation").contains("$${aws:username}");
        assertThat(parse(literal(policy))).isEqualTo(parse(INLINE));
    }

    @Test
    void maxSessionDurationCoversTheSetsSessionWithinIamsRange() {
        JsonNode c = config(idp(GLOBAL), PROD, READ_ONLY, SHORT, DEVELOPER);
        for (PermissionSet set : List.of(READ_ONLY, SHORT, DEVELOPER)) {
            assertThat(role(c, set.name().value()).path("max_session_duration").asInt()).as(set.name().value())
                    .isGreaterThanOrEqualTo(set.sessionDuration().seconds()).isBetween(3600, 43200);
        }
        assertThat(role(c, "Short").path("max_session_duration").asInt()).isEqualTo(3600);
    }

    @Test
    void allAccountsIsOneConfigurationPerAccount() {
        JsonNode all = served(TerraformConfiguration.forAccounts(idp(GLOBAL),
                List.of(new AccountPermissionSets(PROD, List.of(READ_ONLY)), new AccountPermissionSets(GOV, List.of(SHORT)))));
        assertThat(fieldNames(all)).containsExactly("111111111111", "222222222222");
        assertThat(texts(all.path("222222222222").path("provider").path("aws").path("allowed_account_ids"))).containsExactly("222222222222");
        assertThat(role(all.path("222222222222"), "Short")).isNotNull();
        assertThat(all.path("222222222222").path("resource").path("aws_iam_role").has(TerraformConfiguration.roleName(READ_ONLY))).isFalse();
    }

    static final String HOSTILE = "${file(\"/etc/passwd\")} %{ if true }x%{ endif } $${kept}";

    @Test
    void terraformEvaluatesOnlyTheBundlesOwnReferencesWhateverTheData() {
        AwsAccount account = new AwsAccount(PROD.id(), "prod " + HOSTILE, Partition.AWS, PROD.samlProvider(), AwsRegion.parse("r", "eu-west-1"));
        PermissionSet set = new PermissionSet(DEVELOPER.name(), "Build " + HOSTILE, DEVELOPER.sessionDuration(), null,
                DEVELOPER.managedPolicies(), InlinePolicy.parse("i", "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\","
                + "\"Resource\":\"arn:aws:s3:::${aws:username}/%{x}\",\"Condition\":{\"StringLike\":{\"aws:PrincipalTag/${t}\":\"%{ if }\"}}}]}"),
                null);
        RealmIdentityProvider idp = new RealmIdentityProvider("realm " + HOSTILE, METADATA.replace("entityID=", "x=\"" + HOSTILE + "\" entityID="), List.of(GLOBAL, EU));
        JsonNode c = config(idp, account, set, READ_ONLY);

        String dev = TerraformConfiguration.roleName(set);
        assertThat(TerraformTemplates.evaluated(c)).containsOnly("${aws_iam_saml_provider.keycloak.arn}",
                "${aws_iam_role." + dev + ".name}", "${aws_iam_role." + dev + ".id}", "${aws_iam_role.ReadOnlyAccess.name}");
        assertThat(TerraformTemplates.read(role(c, "Developer").path("description").asText()).literal()).isEqualTo("Build " + HOSTILE);
        assertThat(TerraformTemplates.read(c.path("resource").path("aws_iam_saml_provider").path("keycloak")
                .path("saml_metadata_document").asText()).literal()).isEqualTo(idp.metadataXml());
        assertThat(parse(TerraformTemplates.read(c.path("resource").path("aws_iam_role_policy").path(dev).path("policy").asText()).literal()))
                .isEqualTo(parse(set.inlinePolicy().json()));
        assertThat(TerraformTemplates.read(role(c, "ReadOnlyAccess").path("description").asText()).literal()).contains("realm " + HOSTILE);
        assertThat(c.path("provider").path("aws").path("region").asText()).isEqualTo("eu-west-1");
    }

    @Test
    void theProviderRegionIsAnAwsRegionOfTheAccountsPartition() {
        for (String bad : List.of("${file(\"/etc/passwd\")}", "eu-west-1\n", "eu-west-1\u0000", "x".repeat(1 << 20))) {
            assertThatThrownBy(() -> new AwsAccount(PROD.id(), PROD.name(), Partition.AWS, PROD.samlProvider(), AwsRegion.parse("account.region", bad)))
                    .isInstanceOf(AwsRuleViolation.class).extracting(e -> ((AwsRuleViolation) e).field()).isEqualTo("account.region");
        }
        assertThatThrownBy(() -> new AwsAccount(PROD.id(), PROD.name(), Partition.AWS, PROD.samlProvider(), AwsRegion.parse("r", "us-gov-west-1")))
                .isInstanceOf(AwsRuleViolation.class).hasMessageStartingWith("account.region:");
        assertThat(config(idp(GOV_CLIENT), new AwsAccount(GOV.id(), GOV.name(), Partition.AWS_US_GOV, GOV.samlProvider(),
                AwsRegion.parse("r", "us-gov-east-1"))).path("provider").path("aws").path("region").asText()).isEqualTo("us-gov-east-1");
    }
}
