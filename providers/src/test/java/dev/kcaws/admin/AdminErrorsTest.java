package dev.kcaws.admin;

import dev.kcaws.aws.AwsRuleViolation;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ErrorRepresentation;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A refused body answers Keycloak's ErrorRepresentation naming every invalid field, the first also at the top. */
class AdminErrorsTest {

    @Test
    void everyInvalidFieldOfAnAccountIsListed() {
        ErrorRepresentation error = refusal(() -> new AccountRepresentation("123", "", "aws-mars", null, "nowhere-1").toModel());
        assertThat(error.getField()).isEqualTo("accountId");
        assertThat(error.getErrorMessage()).startsWith("accountId:");
        assertThat(fields(error)).containsExactly("accountId", "account.partition", "account.region", "account.name");
        error.getErrors().forEach(e -> assertThat(e.getErrorMessage()).startsWith(e.getField() + ":"));
    }

    @Test
    void everyInvalidFieldOfAPermissionSetIsListed() {
        ErrorRepresentation error = refusal(() ->
                new PermissionSetRepresentation("Bad Name", null, 60, "https://evil.example/", List.of("not-an-arn"), null, null).toModel());
        assertThat(error.getErrorMessage()).startsWith("permissionSet.name:");
        assertThat(fields(error)).containsExactly("permissionSet.name", "permissionSet.sessionDuration", "permissionSet.relayState",
                "permissionSet.managedPolicies");
    }

    @Test
    void everyUnknownOrMistypedJsonFieldIsFound() {
        String body = "{\"nmae\":\"X\",\"sesionDuration\":3600,\"description\":7,\"name\":\"Ok\"}";
        AwsRuleViolation first = catchThrowableOfType(AwsRuleViolation.class, () -> JsonBodies.parse(body, PermissionSetRepresentation.class));
        List<String> fields = new java.util.ArrayList<>(List.of(first.field()));
        JsonBodies.otherFieldProblems(body, PermissionSetRepresentation.class, first.field()).forEach(v -> fields.add(v.field()));
        assertThat(fields).containsExactlyInAnyOrder("nmae", "sesionDuration", "description");
    }

    @Test
    void aValidModelPassesAndOneInvalidFieldIsListedAlone() {
        assertThat(new AccountRepresentation("111111111111", "prod", null, null, null).toModel().name()).isEqualTo("prod");
        ErrorRepresentation error = refusal(() -> new AccountRepresentation("111111111111", "", null, null, null).toModel());
        assertThat(error.getField()).isEqualTo("account.name");
        assertThat(error.getErrors()).isNull();
    }

    private static ErrorRepresentation refusal(Runnable call) {
        InvalidFields e = catchThrowableOfType(InvalidFields.class, call::run);
        assertThat(e).as("refused").isNotNull();
        return AdminErrors.representation(e);
    }

    private static List<String> fields(ErrorRepresentation error) {
        return error.getErrors() == null ? List.of(error.getField()) : error.getErrors().stream().map(ErrorRepresentation::getField).toList();
    }
}
