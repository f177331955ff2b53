package dev.kcaws.iac;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kcaws.access.AwsAccount;
import dev.kcaws.access.PermissionSet;
import dev.kcaws.aws.AccountId;
import dev.kcaws.aws.InlinePolicy;
import dev.kcaws.aws.ManagedPolicyArn;
import dev.kcaws.aws.Partition;
import dev.kcaws.aws.PermissionSetName;
import dev.kcaws.aws.SamlProviderName;
import dev.kcaws.aws.SessionDuration;
import dev.kcaws.aws.SigninEndpoint;

import java.util.Arrays;
import java.util.List;

/** Accounts, permission sets and AWS clients for the generator tests; the generated text is read back with Jackson. */
final class IamAsCodeFixtures {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String METADATA = "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"https://kc.example/realms/r\">"
            + "<md:IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\"/></md:EntityDescriptor>";
    static final String INLINE = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\","
            + "\"Resource\":\"arn:aws:s3:::home/${aws:username}/*\"}]}";

    static final AwsAccount PROD = account("111111111111", "prod", Partition.AWS);
    static final AwsAccount GOV = account("222222222222", "gov", Partition.AWS_US_GOV);
    static final AwsAccount CHINA = account("333333333333", "china", Partition.AWS_CN);

    static final PermissionSet READ_ONLY = set("ReadOnlyAccess", 43200, null, null, "arn:aws:iam::aws:policy/ReadOnlyAccess");
    static final PermissionSet SHORT = set("Short", 900, null, null);
    static final PermissionSet DEVELOPER = set("Developer", 28800, INLINE, "arn:aws:iam::111111111111:policy/Boundary",
            "arn:aws:iam::aws:policy/PowerUserAccess", "arn:aws:iam::aws:policy/job-function/Billing");
    static final PermissionSet DASHED = set("Read-Only", 3600, null, null);
    static final PermissionSet LOOKALIKE = set("ReadZ2DOnly", 3600, null, null);
    /** A set that exists in the realm but is not assigned in any account of the tests. */
    static final PermissionSet UNASSIGNED = set("NeverAssigned", 3600, null, null, "arn:aws:iam::aws:policy/AdministratorAccess");

    static final AwsClientTrust GLOBAL = AwsClientTrust.plain(SigninEndpoint.GLOBAL);
    static final AwsClientTrust EU = AwsClientTrust.plain(new SigninEndpoint(Partition.AWS, "eu-west-1"));
    static final AwsClientTrust GOV_CLIENT = AwsClientTrust.plain(SigninEndpoint.of(Partition.AWS_US_GOV));
    static final AwsClientTrust CHINA_CLIENT = AwsClientTrust.plain(SigninEndpoint.of(Partition.AWS_CN));

    private IamAsCodeFixtures() {
    }

    static AwsAccount account(String id, String name, Partition partition) {
        return new AwsAccount(new AccountId(id), name, partition, new SamlProviderName("keycloak"), null);
    }

    static PermissionSet set(String name, int seconds, String inline, String boundary, String... policies) {
        return new PermissionSet(new PermissionSetName(name), name.equals("Developer") ? "Build & run ${things} – fast ✓" : null,
                new SessionDuration(seconds), null,
                Arrays.stream(policies).map(p -> ManagedPolicyArn.parse("p", p)).toList(),
                inline == null ? null : InlinePolicy.parse("i", inline),
                boundary == null ? null : ManagedPolicyArn.parse("b", boundary));
    }

    static RealmIdentityProvider idp(AwsClientTrust... clients) {
        return new RealmIdentityProvider("acme", METADATA, List.of(clients));
    }

    /** The text as the endpoint serves it, parsed again: what a reader of the file sees. */
    static JsonNode served(JsonNode generated) {
        try {
            return JSON.readTree(Json.pretty(generated));
        } catch (Exception e) {
            throw new AssertionError("generated output is not JSON", e);
        }
    }

    static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    static List<String> texts(JsonNode arrayOrText) {
        if (arrayOrText.isArray()) {
            return java.util.stream.StreamSupport.stream(arrayOrText.spliterator(), false).map(JsonNode::asText).toList();
        }
        return List.of(arrayOrText.asText());
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
