package dev.kcaws.iac;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcaws.access.PermissionSet;
import dev.kcaws.aws.SigninEndpoint;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.kcaws.iac.IamAsCodeFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class CloudFormationTemplateTest {

    static JsonNode template(RealmIdentityProvider idp, dev.kcaws.access.AwsAccount account, PermissionSet... sets) {
        return served(CloudFormationTemplate.of(idp, new AccountPermissionSets(account, List.of(sets))));
    }

    static JsonNode role(JsonNode template, String roleName) {
        for (JsonNode resource : template.path("Resources")) {
            if (resource.path("Type").asText().equals("AWS::IAM::Role") && resource.path("Properties").path("RoleName").asText().equals(roleName)) {
                return resource.path("Properties");
            }
        }
        throw new AssertionError("no role " + roleName + " in " + template);
    }

    static JsonNode statement(JsonNode role) {
        JsonNode statements = role.path("AssumeRolePolicyDocument").path("Statement");
        assertThat(statements.size()).isEqualTo(1);
        return statements.get(0);
    }

    @Test
    void theProviderIsNamedLikeTheAccountsSamlProviderAndHoldsTheMetadata() {
        JsonNode t = template(idp(GLOBAL), PROD, READ_ONLY);
        assertThat(t.path("AWSTemplateFormatVersion").asText()).isEqualTo("2010-09-09");
        JsonNode provider = t.path("Resources").path(CloudFormationTemplate.PROVIDER_ID);
        assertThat(provider.path("Type").asText()).isEqualTo("AWS::IAM::SAMLProvider");
        assertThat(provider.path("Properties").path("Name").asText()).isEqualTo("keycloak");
        assertThat(provider.path("Properties").path("SamlMetadataDocument").asText()).isEqualTo(METADATA);
        assertThat(t.path("Description").asText()).contains("111111111111").contains("CAPABILITY_NAMED_IAM");
        assertThat(t.path("Outputs").path("SamlProviderArn").path("Value").path("Ref").asText()).isEqualTo(CloudFormationTemplate.PROVIDER_ID);
    }

    @Test
    void oneRolePerAssignedSetNamedLikeTheSetAndNothingElse() {
        JsonNode t = template(idp(GLOBAL), PROD, READ_ONLY, DEVELOPER, READ_ONLY);
        List<String> roleNames = new java.util.ArrayList<>();
        t.path("Resources").forEach(r -> {
            if (r.path("Type").asText().equals("AWS::IAM::Role")) {
                roleNames.add(r.path("Properties").path("RoleName").asText());
            }
        });
        assertThat(roleNames).containsExactlyInAnyOrder("ReadOnlyAccess", "Developer");
        assertThat(fieldNames(t.path("Resources"))).containsExactlyInAnyOrder("SamlProvider", "RoleReadOnlyAccess", "RoleDeveloper");
        assertThat(Json.pretty(CloudFormationTemplate.of(idp(GLOBAL), new AccountPermissionSets(PROD, List.of(READ_ONLY, DEVELOPER)))))
                .doesNotContain(UNASSIGNED.name().value()).doesNotContain("AdministratorAccess");
    }

    @Test
    void logicalIdsAreAlphanumericAndDistinctForLookalikeNames() {
        JsonNode t = template(idp(GLOBAL), PROD, DASHED, LOOKALIKE, READ_ONLY);
        assertThat(fieldNames(t.path("Resources"))).allMatch(id -> id.matches("[A-Za-z0-9]{1,255}")).hasSize(4);
        assertThat(role(t, "Read-Only")).isNotNull();
        assertThat(role(t, "ReadZ2DOnly")).isNotNull();
        assertThat(CloudFormationTemplate.roleId(DASHED)).isNotEqualTo(CloudFormationTemplate.roleId(LOOKALIKE));
    }

    @Test
    void theTrustPolicyTrustsTheProviderForSamlSignInOnly() {
        JsonNode s = statement(role(template(idp(GLOBAL), PROD, READ_ONLY), "ReadOnlyAccess"));
        assertThat(role(template(idp(GLOBAL), PROD, READ_ONLY), "ReadOnlyAccess").path("AssumeRolePolicyDocument").path("Version").asText())
                .isEqualTo("2012-10-17");
        assertThat(s.path("Effect").asText()).isEqualTo("Allow");
        assertThat(s.path("Principal").path("Federated").path("Ref").asText()).isEqualTo(CloudFormationTemplate.PROVIDER_ID);
        assertThat(texts(s.path("Action"))).containsExactly("sts:AssumeRoleWithSAML");
        assertThat(fieldNames(s.path("Condition"))).containsExactly("StringEquals");
        assertThat(texts(s.path("Condition").path("StringEquals").path("SAML:aud"))).containsExactly("https://signin.aws.amazon.com/saml");
    }

    @Test
    void tagsAndSourceIdentityAddTheirActions() {
        RealmIdentityProvider tags = idp(new AwsClientTrust(SigninEndpoint.GLOBAL, true, false));
        assertThat(texts(statement(role(template(tags, PROD, READ_ONLY), "ReadOnlyAccess")).path("Action")))
                .containsExactly("sts:AssumeRoleWithSAML", "sts:TagSession");
        RealmIdentityProvider source = idp(new AwsClientTrust(SigninEndpoint.GLOBAL, false, true));
        assertThat(texts(statement(role(template(source, PROD, READ_ONLY), "ReadOnlyAccess")).path("Action")))
                .containsExactly("sts:AssumeRoleWithSAML", "sts:SetSourceIdentity");
        RealmIdentityProvider both = idp(GLOBAL, new AwsClientTrust(new SigninEndpoint(dev.kcaws.aws.Partition.AWS, "eu-west-1"), true, true));
        assertThat(texts(statement(role(template(both, PROD, READ_ONLY), "ReadOnlyAccess")).path("Action")))
                .containsExactly("sts:AssumeRoleWithSAML", "sts:TagSession", "sts:SetSourceIdentity");
        RealmIdentityProvider govSendsTags = idp(GLOBAL, new AwsClientTrust(SigninEndpoint.of(dev.kcaws.aws.Partition.AWS_US_GOV), true, true));
        assertThat(texts(statement(role(template(govSendsTags, PROD, READ_ONLY), "ReadOnlyAccess")).path("Action")))
                .as("a GovCloud client never signs in to an aws-partition account").containsExactly("sts:AssumeRoleWithSAML");
    }

    @Test
    void audiencesFollowTheClientsEndpoints() {
        JsonNode regional = statement(role(template(idp(EU), PROD, READ_ONLY), "ReadOnlyAccess")).path("Condition");
        assertThat(fieldNames(regional)).containsExactly("StringLike");
        assertThat(texts(regional.path("StringLike").path("SAML:aud"))).containsExactly("https://*.signin.aws.amazon.com/saml");

        JsonNode both = statement(role(template(idp(EU, GLOBAL), PROD, READ_ONLY), "ReadOnlyAccess")).path("Condition");
        assertThat(fieldNames(both)).as("one operator: two would be AND-ed").containsExactly("StringLike");
        assertThat(texts(both.path("StringLike").path("SAML:aud")))
                .containsExactlyInAnyOrder("https://signin.aws.amazon.com/saml", "https://*.signin.aws.amazon.com/saml");

        JsonNode gov = statement(role(template(idp(GLOBAL, GOV_CLIENT, CHINA_CLIENT), GOV, READ_ONLY), "ReadOnlyAccess")).path("Condition");
        assertThat(fieldNames(gov)).containsExactly("StringEquals");
        assertThat(texts(gov.path("StringEquals").path("SAML:aud"))).containsExactly("https://signin.amazonaws-us-gov.com/saml");

        JsonNode china = statement(role(template(idp(GLOBAL, GOV_CLIENT, CHINA_CLIENT), CHINA, READ_ONLY), "ReadOnlyAccess")).path("Condition");
        assertThat(fieldNames(china)).containsExactly("StringEquals");
        assertThat(texts(china.path("StringEquals").path("SAML:aud"))).containsExactly("https://signin.amazonaws.cn/saml");

        JsonNode noGovClient = statement(role(template(idp(GLOBAL), GOV, READ_ONLY), "ReadOnlyAccess")).path("Condition");
        assertThat(texts(noGovClient.path("StringEquals").path("SAML:aud"))).as("the partition's default endpoint")
                .containsExactly("https://signin.amazonaws-us-gov.com/saml");
    }

    @Test
    void policiesBoundaryAndDescriptionAreTheSets() throws Exception {
        JsonNode dev = role(template(idp(GLOBAL), PROD, DEVELOPER), "Developer");
        assertThat(texts(dev.path("ManagedPolicyArns")))
                .containsExactly("arn:aws:iam::aws:policy/PowerUserAccess", "arn:aws:iam::aws:policy/job-function/Billing");
        assertThat(dev.path("Policies").size()).isEqualTo(1);
        assertThat(dev.path("Policies").get(0).path("PolicyName").asText()).isEqualTo("Developer-inline");
        JsonNode doc = dev.path("Policies").get(0).path("PolicyDocument");
        assertThat(doc.isObject()).as("a JSON object, not a string").isTrue();
        assertThat(doc).isEqualTo(JSON.readTree(INLINE));
        assertThat(dev.path("PermissionsBoundary").asText()).isEqualTo("arn:aws:iam::111111111111:policy/Boundary");
        assertThat(dev.path("Description").asText()).isEqualTo("Build & run ${things} ? fast ?");

        JsonNode plain = role(template(idp(GLOBAL), PROD, SHORT), "Short");
        assertThat(plain.has("ManagedPolicyArns")).isFalse();
        assertThat(plain.has("Policies")).isFalse();
        assertThat(plain.has("PermissionsBoundary")).isFalse();
        assertThat(plain.path("Description").asText()).contains("Short").contains("acme");
    }

    @Test
    void awsManagedPoliciesAreWrittenInTheAccountsPartition() {
        JsonNode gov = role(template(idp(GOV_CLIENT), GOV, DEVELOPER), "Developer");
        assertThat(texts(gov.path("ManagedPolicyArns")))
                .containsExactly("arn:aws-us-gov:iam::aws:policy/PowerUserAccess", "arn:aws-us-gov:iam::aws:policy/job-function/Billing");
        assertThat(gov.path("PermissionsBoundary").asText()).as("customer managed: as the set names it")
                .isEqualTo("arn:aws:iam::111111111111:policy/Boundary");
        JsonNode cn = role(template(idp(CHINA_CLIENT), CHINA, READ_ONLY), "ReadOnlyAccess");
        assertThat(texts(cn.path("ManagedPolicyArns"))).containsExactly("arn:aws-cn:iam::aws:policy/ReadOnlyAccess");
    }

    @Test
    void maxSessionDurationCoversTheSetsSessionWithinIamsRange() {
        JsonNode t = template(idp(GLOBAL), PROD, READ_ONLY, SHORT, DEVELOPER, DASHED);
        for (PermissionSet set : List.of(READ_ONLY, SHORT, DEVELOPER, DASHED)) {
            int max = role(t, set.name().value()).path("MaxSessionDuration").asInt();
            assertThat(max).as(set.name().value()).isGreaterThanOrEqualTo(set.sessionDuration().seconds()).isBetween(3600, 43200);
        }
        assertThat(role(t, "Short").path("MaxSessionDuration").asInt()).isEqualTo(3600);
        assertThat(role(t, "Developer").path("MaxSessionDuration").asInt()).isEqualTo(28800);
        assertThat(role(t, "ReadOnlyAccess").path("MaxSessionDuration").asInt()).isEqualTo(43200);
    }

    @Test
    void allAccountsIsOneTemplatePerAccount() {
        JsonNode all = served(CloudFormationTemplate.forAccounts(idp(GLOBAL, GOV_CLIENT),
                List.of(new AccountPermissionSets(PROD, List.of(READ_ONLY)), new AccountPermissionSets(GOV, List.of(DEVELOPER)),
                        new AccountPermissionSets(CHINA, List.of()))));
        assertThat(fieldNames(all)).containsExactly("111111111111", "222222222222", "333333333333");
        assertThat(fieldNames(all.path("111111111111").path("Resources"))).containsExactlyInAnyOrder("SamlProvider", "RoleReadOnlyAccess");
        assertThat(fieldNames(all.path("222222222222").path("Resources"))).containsExactlyInAnyOrder("SamlProvider", "RoleDeveloper");
        assertThat(fieldNames(all.path("333333333333").path("Resources"))).containsExactly("SamlProvider");
    }

    /** Every object key CloudFormation would run as an intrinsic function, with its value. */
    static List<String> intrinsicFunctions(JsonNode node) {
        List<String> found = new java.util.ArrayList<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> {
                if (f.getKey().equals("Ref") || f.getKey().startsWith("Fn::")) {
                    found.add(f.getKey() + "=" + f.getValue());
                }
                found.addAll(intrinsicFunctions(f.getValue()));
            });
        } else if (node.isArray()) {
            node.forEach(item -> found.addAll(intrinsicFunctions(item)));
        }
        return found;
    }

    @Test
    void noDataBecomesAnIntrinsicFunction() {
        String sub = "${AWS::AccountId} ${AWS::StackName} ${!Literal}";
        dev.kcaws.access.AwsAccount account = new dev.kcaws.access.AwsAccount(PROD.id(), "prod " + sub, PROD.partition(),
                PROD.samlProvider(), null);
        PermissionSet set = new PermissionSet(DEVELOPER.name(), "Build " + sub, DEVELOPER.sessionDuration(), null,
                DEVELOPER.managedPolicies(), dev.kcaws.aws.InlinePolicy.parse("i",
                "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::" + sub + "\"}]}"), null);
        RealmIdentityProvider idp = new RealmIdentityProvider("realm " + sub, METADATA, List.of(GLOBAL));
        JsonNode t = template(idp, account, set);
        assertThat(intrinsicFunctions(t)).as("only the bundle's own references to its SAML provider")
                .containsOnly("Ref=\"" + CloudFormationTemplate.PROVIDER_ID + "\"");
        assertThat(role(t, "Developer").path("Description").asText()).isEqualTo("Build " + sub);
        assertThat(t.path("Metadata").path("kcaws").path("accountName").asText()).isEqualTo("prod " + sub);

        // an inline policy that was never checked by the model's rule (hand-made): the writer refuses it
        PermissionSet hostile = new PermissionSet(DEVELOPER.name(), null, DEVELOPER.sessionDuration(), null, List.of(),
                new dev.kcaws.aws.InlinePolicy("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\","
                        + "\"Resource\":{\"Fn::ImportValue\":\"other-stack-secret\"}}]}"), null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CloudFormationTemplate.of(idp(GLOBAL), new AccountPermissionSets(PROD, List.of(hostile))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CloudFormation");
    }
}
