package dev.kcaws.admin;

import dev.kcaws.aws.AwsRuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class JsonBodiesTest {

    @ParameterizedTest
    @ValueSource(strings = {"null", "[]", "\"x\"", "42", "true", "[{}]", "", " ", "{", "{} {}", "{\"a\":1}x"})
    void aBodyThatIsNotOneObjectIsA400NamingTheBody(String body) {
        assertThat(refusal(body, AccountRepresentation.class)).containsEntry("field", "body");
    }

    @Test
    void aNullInsideAListIsRefusedNamingTheField() {
        assertThat(refusal("{\"name\":\"A\",\"managedPolicies\":[null]}", PermissionSetRepresentation.class))
                .containsEntry("field", "managedPolicies");
        assertThat(refusal("{\"groups\":[null]}", BulkAssignmentRepresentation.class)).containsEntry("field", "groups");
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedNamingTheField() {
        assertThat(refusal("{\"name\":\"A\",\"sessionDuration\":\"3600\"}", PermissionSetRepresentation.class))
                .containsEntry("field", "sessionDuration");
        assertThat(refusal("{\"name\":\"A\",\"sessionDuration\":3600.5}", PermissionSetRepresentation.class))
                .containsEntry("field", "sessionDuration");
        assertThat(refusal("{\"name\":\"A\",\"sessionDuration\":99999999999999}", PermissionSetRepresentation.class))
                .containsEntry("field", "sessionDuration");
        assertThat(refusal("{\"id\":111111111111}", AccountRepresentation.class)).containsEntry("field", "id");
        assertThat(refusal("{\"id\":{\"a\":1}}", AccountRepresentation.class)).containsEntry("field", "id");
        assertThat(refusal("{\"managedPolicies\":\"arn\"}", PermissionSetRepresentation.class)).containsEntry("field", "managedPolicies");
    }

    @Test
    void deepNestingIsA400() {
        String deep = "{\"id\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertThat(refusal(deep, AccountRepresentation.class).get("field")).isIn("id", "body");
    }

    @Test
    void aGoodBodyIsRead() {
        assertThat(JsonBodies.parse("{\"id\":\"111111111111\",\"name\":\"a\"}", AccountRepresentation.class).id()).isEqualTo("111111111111");
        assertThat(JsonBodies.parse("{\"name\":\"A\",\"sessionDuration\":3600,\"managedPolicies\":[]}", PermissionSetRepresentation.class)
                .sessionDuration()).isEqualTo(3600);
    }

    /** What the 400 says: JsonBodies.read turns the violation into it (AdminErrors.invalid). */
    private static Map<String, String> refusal(String body, Class<?> type) {
        AwsRuleViolation e = catchThrowableOfType(AwsRuleViolation.class, () -> JsonBodies.parse(body, type));
        assertThat(e).as("refused: " + body).isNotNull();
        return Map.of("field", e.field(), "errorMessage", e.getMessage());
    }
}
