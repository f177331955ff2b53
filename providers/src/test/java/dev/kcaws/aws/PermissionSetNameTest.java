package dev.kcaws.aws;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Names that would be path segments meaning something else in the admin URLs are refused at creation. */
class PermissionSetNameTest {

    @ParameterizedTest
    @ValueSource(strings = {".", "..", "%2F", "a%2Fb", "%2e%2e", "a/b", "..%2F", "\\"})
    void namesThatBreakUrlPathsAreRefused(String name) {
        assertThat(PermissionSetName.isValid(name)).isFalse();
        assertThatThrownBy(() -> new PermissionSetName(name)).isInstanceOf(AwsRuleViolation.class)
                .extracting(e -> ((AwsRuleViolation) e).field()).isEqualTo("permissionSet.name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"...", ".a", "a.", "a..b", "Billing.Read"})
    void otherNamesWithDotsStayValid(String name) {
        assertThat(new PermissionSetName(name).value()).isEqualTo(name);
    }
}
