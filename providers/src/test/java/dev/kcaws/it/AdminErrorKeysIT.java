package dev.kcaws.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcaws.testsupport.DemoRealm;
import dev.kcaws.testsupport.ManagedRealm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin API's errors carry each broken rule's message key and values, as Keycloak's own
 * user-profile errors do, so the admin page says them in a Korean admin's language; the English
 * contract (status, {@code field}, {@code errorMessage} "field: rule") is the same whatever
 * language the request asks for.
 */
class AdminErrorKeysIT {

    static final String REALM = "error-keys";
    static final String API = "/admin/realms/" + REALM + "/aws";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

    @RegisterExtension
    static final ManagedRealm realm = ManagedRealm.empty(REALM);

    @BeforeAll
    static void readOnlySet() {
        realm.admin().expect(201, "POST", API + "/permission-sets", Map.of("name", "ReadOnly"));
    }

    /** A call as the page makes it, in the given language (null: no Accept-Language at all, as curl). */
    static HttpResponse<String> send(String method, String path, Object body, String language) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(realm.admin().baseUrl() + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + realm.admin().token())
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static Properties bundle(String locale) throws IOException {
        Properties p = new Properties();
        try (InputStream in = AdminErrorKeysIT.class.getClassLoader()
                .getResourceAsStream("theme-resources/messages/messages_" + locale + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    /** The error's text in Korean; a value that is itself a rule's text ({messageKey, params}) in Korean too, as the page says it. */
    static String korean(JsonNode error) throws IOException {
        List<Object> params = new ArrayList<>();
        for (JsonNode p : error.path("params")) {
            params.add(p.isObject() ? korean(p) : p.asText());
        }
        String pattern = bundle("ko").getProperty(error.path("messageKey").asText());
        assertThat(pattern).as("Korean text of " + error.path("messageKey").asText()).isNotBlank();
        return new MessageFormat(pattern, Locale.KOREAN).format(params.toArray());
    }

    @Test
    void aKoreanRequestGetsEachRulesKeyAndValuesAndTheEnglishContractIsUnchanged() throws Exception {
        Map<String, Object> set = Map.of("name", "Admin", "sessionDuration", 60, "managedPolicies", List.of("not-an-arn"));
        HttpResponse<String> korean = send("POST", API + "/permission-sets", set, "ko");
        assertThat(korean.statusCode()).as(korean.body()).isEqualTo(400);
        JsonNode body = JSON.readTree(korean.body());

        // The English contract, as before.
        assertThat(body.path("field").asText()).isEqualTo("permissionSet.sessionDuration");
        assertThat(body.path("errorMessage").asText())
                .isEqualTo("permissionSet.sessionDuration: must be 900 to 43200 seconds (15 minutes to 12 hours), was 60");
        assertThat(body.path("errors")).extracting(e -> e.path("field").asText())
                .containsExactly("permissionSet.sessionDuration", "permissionSet.managedPolicies");
        assertThat(body.path("errors").get(1).path("errorMessage").asText())
                .isEqualTo("permissionSet.managedPolicies: must be an IAM policy ARN such as arn:aws:iam::aws:policy/ReadOnlyAccess (was 'not-an-arn')");

        // Each rule's key and values, at the top and per field: the Korean text they make.
        assertThat(body.path("messageKey").asText()).isEqualTo("kcawsRuleSessionDurationRange");
        assertThat(body.path("params")).extracting(JsonNode::asText).containsExactly("60");
        assertThat(body.path("errors").get(1).path("messageKey").asText()).isEqualTo("kcawsRuleManagedPolicyArn");
        assertThat(body.path("errors").get(1).path("params")).extracting(JsonNode::asText).containsExactly("'not-an-arn'");
        assertThat(korean(body)).isEqualTo("900~43200초(15분~12시간)여야 합니다. 입력값: 60");
        assertThat(korean(body.path("errors").get(1))).isEqualTo("arn:aws:iam::aws:policy/ReadOnlyAccess 같은 IAM 정책 ARN이어야 합니다(입력값: 'not-an-arn').");

        // The language asked for changes nothing in the answer: the page translates, the API does not.
        HttpResponse<String> english = send("POST", API + "/permission-sets", set, "en");
        HttpResponse<String> none = send("POST", API + "/permission-sets", set, null);
        assertThat(english.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(english.body())).isEqualTo(body);
        assertThat(JSON.readTree(none.body())).isEqualTo(body);
        assertThat(realm.admin().expect(200, "GET", API + "/permission-sets", null).json()).extracting(s -> s.path("name").asText())
                .containsExactly("ReadOnly");
    }

    @Test
    void refusalsOutsideTheBodysFieldsCarryTheirKeyToo() throws Exception {
        HttpResponse<String> rename = send("PUT", API + "/permission-sets/ReadOnly", Map.of("name", "Other"), "ko");
        assertThat(rename.statusCode()).as(rename.body()).isEqualTo(400);
        JsonNode body = JSON.readTree(rename.body());
        assertThat(body.path("field").asText()).isEqualTo("name");
        assertThat(body.path("errorMessage").asText()).isEqualTo("name: a permission set's name is its IAM role name and cannot change");
        assertThat(body.path("messageKey").asText()).isEqualTo("kcawsRulePermissionSetNameFixed");
        assertThat(korean(body)).isEqualTo("권한 세트의 이름은 IAM 역할 이름이므로 바꿀 수 없습니다.");

        HttpResponse<String> unknown = send("POST", API + "/accounts", Map.of("id", "123456789012", "nmae", "x"), "ko");
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(400);
        JsonNode field = JSON.readTree(unknown.body());
        assertThat(field.path("field").asText()).isEqualTo("nmae");
        assertThat(field.path("messageKey").asText()).isEqualTo("kcawsRuleJsonUnknownField");
        assertThat(field.path("errorMessage").asText()).startsWith("nmae: unknown field; known fields are ");
    }

    /** A 404 and a 409 say what is missing or taken with their key, as a rule does; the English is as before. */
    @Test
    void notFoundAndConflictsCarryTheirKey() throws Exception {
        HttpResponse<String> missing = send("GET", API + "/accounts/999999999999", null, "ko");
        assertThat(missing.statusCode()).as(missing.body()).isEqualTo(404);
        JsonNode notFound = JSON.readTree(missing.body());
        assertThat(notFound.path("errorMessage").asText()).isEqualTo("AWS account 999999999999 not found");
        assertThat(notFound.path("messageKey").asText()).isEqualTo("kcawsRuleUnknownAccount");
        assertThat(notFound.path("params")).extracting(JsonNode::asText).containsExactly("999999999999");
        assertThat(korean(notFound)).isEqualTo("AWS 계정 999999999999을(를) 찾을 수 없습니다.");

        HttpResponse<String> again = send("POST", API + "/permission-sets", Map.of("name", "ReadOnly"), "ko");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        JsonNode conflict = JSON.readTree(again.body());
        assertThat(conflict.path("errorMessage").asText()).isEqualTo("permission set ReadOnly already exists");
        assertThat(conflict.path("messageKey").asText()).isEqualTo("kcawsRulePermissionSetExists");
        assertThat(korean(conflict)).isEqualTo("권한 세트 ReadOnly이(가) 이미 있습니다.");

        HttpResponse<String> noSettings = send("DELETE", API + "/identity-center/scim", null, "ko");
        assertThat(noSettings.statusCode()).as(noSettings.body()).isEqualTo(404);
        JsonNode none = JSON.readTree(noSettings.body());
        assertThat(none.path("errorMessage").asText()).isEqualTo("no IAM Identity Center SCIM settings in this realm");
        assertThat(korean(none)).isEqualTo("이 렐름에는 IAM Identity Center SCIM 설정이 없습니다.");
    }

    /**
     * A realm import the model guard refuses (Keycloak's own endpoint): the summary's key at the top,
     * each problem's in {@code errors}, the attribute at fault said inside the problem in either language.
     */
    @Test
    void aRefusedRealmImportCarriesEachProblemsKey() throws Exception {
        String name = REALM + "-import";
        ObjectNode copy = DemoRealm.copyNamed(name);
        DemoRealm.modelAttributes(copy).put("kcaws.account.111111111111", "{\"name\":\"acme-prod\",\"samlProvider\":\"keycloak\"}");
        try {
            HttpResponse<String> refused = send("POST", "/admin/realms", copy, "ko");
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            JsonNode body = JSON.readTree(refused.body());
            String problem = "account.partition: is missing (aws, aws-us-gov or aws-cn) [attribute kcaws.account.111111111111]";
            assertThat(body.path("errorMessage").asText()).isEqualTo("AWS access model of realm " + name + " is invalid: " + problem);
            assertThat(body.path("messageKey").asText()).isEqualTo("kcawsRuleModelInvalid");
            assertThat(korean(body)).isEqualTo("렐름 " + name + "의 AWS 액세스 모델이 유효하지 않습니다.");
            JsonNode first = body.path("errors").get(0);
            assertThat(body.path("errors")).hasSize(1);
            assertThat(first.path("field").asText()).isEqualTo("account.partition");
            assertThat(first.path("errorMessage").asText()).isEqualTo(problem);
            assertThat(first.path("messageKey").asText()).isEqualTo("kcawsRuleInAttribute");
            assertThat(first.path("params").get(0).path("messageKey").asText()).isEqualTo("kcawsRuleStoredPartitionMissing");
            assertThat(korean(first)).isEqualTo("없습니다(aws, aws-us-gov 또는 aws-cn). [속성 kcaws.account.111111111111]");
        } finally {
            if (realm.admin().send("GET", "/admin/realms/" + name, null).status() == 200) {
                realm.admin().deleteRealm(name);
            }
        }
    }

    /** An Identity Center settings check that used to be English only: the token's characters. */
    @Test
    void identityCenterSettingsChecksCarryTheirKey() throws Exception {
        realm.admin().expect(201, "POST", "/admin/realms/" + REALM + "/groups", Map.of("name", "Developers"));
        String developers = realm.admin().findGroupId(REALM, "/Developers").orElseThrow();
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("enabled", true);
        settings.put("endpoint", "https://scim.eu-west-1.amazonaws.com/AbC123-tenant/scim/v2/");
        settings.put("token", "not a bearer token");
        settings.put("groupIds", List.of(developers));
        settings.put("leavePolicy", "DEACTIVATE");
        settings.put("reconcileIntervalMinutes", 60);
        HttpResponse<String> refused = send("PUT", API + "/identity-center/scim", settings, "ko");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode body = JSON.readTree(refused.body());
        assertThat(body.path("field").asText()).isEqualTo("token");
        assertThat(body.path("errorMessage").asText()).isEqualTo("token: the SCIM access token has characters a bearer token cannot have");
        assertThat(body.path("messageKey").asText()).isEqualTo("kcawsRuleScimTokenChars");
        assertThat(korean(body)).isEqualTo("SCIM 액세스 토큰에 베어러 토큰에 쓸 수 없는 문자가 있습니다.");
        assertThat(send("DELETE", API + "/identity-center/scim", null, "ko").statusCode()).as("nothing saved").isEqualTo(404);
    }
}
