package dev.kcaws.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
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

    static String korean(JsonNode error) throws IOException {
        List<Object> params = new ArrayList<>();
        error.path("params").forEach(p -> params.add(p.asText()));
        return new MessageFormat(bundle("ko").getProperty(error.path("messageKey").asText()), Locale.KOREAN).format(params.toArray());
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
}
