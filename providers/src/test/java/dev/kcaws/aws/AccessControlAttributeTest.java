package dev.kcaws.aws;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Identity Center's ABAC attributes: STS's session-tag rules, at most 50, no key twice. */
class AccessControlAttributeTest {

    @Test
    void aValidAttributeIsNamedAsIdentityCenterReadsIt() {
        AccessControlAttribute a = new AccessControlAttribute("CostCenter", "blue");
        assertThat(a.attributeName()).isEqualTo("https://aws.amazon.com/SAML/Attributes/AccessControl:CostCenter");
        assertThat(new AccessControlAttribute("Team name", "Platform Eng / Seoul").value()).isEqualTo("Platform Eng / Seoul");
        assertThat(new AccessControlAttribute("부서", "개발").key()).isEqualTo("부서");
    }

    @Test
    void keysAndValuesFollowStsSessionTagRules() {
        assertThatThrownBy(() -> new AccessControlAttribute("", "v")).hasMessageStartingWith("attributes: key");
        assertThatThrownBy(() -> new AccessControlAttribute("k".repeat(129), "v")).hasMessageContaining("1 to 128");
        assertThatThrownBy(() -> new AccessControlAttribute("Cost<Center>", "v")).hasMessageContaining("key");
        assertThatThrownBy(() -> new AccessControlAttribute("aws:team", "v")).hasMessageContaining("must not start with aws:");
        assertThatThrownBy(() -> new AccessControlAttribute("Team", "v".repeat(257))).hasMessageContaining("at most 256");
        assertThatThrownBy(() -> new AccessControlAttribute("Team", "<script>")).hasMessageContaining("value of 'Team'");
        assertThat(new AccessControlAttribute("Team", "v".repeat(256)).value()).hasSize(256);
    }

    @Test
    void mappingsAreCheckedAllAtOnceWithTheirIndex() {
        List<AwsRuleViolation> problems = AccessControlMappings.problems("attributes", List.of(
                new AccessControlMappings.Mapping("Department", "department"),
                new AccessControlMappings.Mapping("department", "dept2"),
                new AccessControlMappings.Mapping("aws:x", " "),
                new AccessControlMappings.Mapping("Cost=Center", "a=b")));
        assertThat(problems).extracting(AwsRuleViolation::field).containsExactly(
                "attributes[1].key", "attributes[2].key", "attributes[2].userAttribute", "attributes[3].userAttribute");
        assertThat(problems.get(0).getMessage()).contains("given twice");
    }

    @Test
    void atMostFiftyAttributes() {
        List<AccessControlMappings.Mapping> fifty = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fifty.add(new AccessControlMappings.Mapping("Key" + i, "attr" + i));
        }
        assertThat(AccessControlMappings.problems("attributes", fifty)).isEmpty();
        fifty.add(new AccessControlMappings.Mapping("Key50", "attr50"));
        assertThat(AccessControlMappings.problems("attributes", fifty)).singleElement()
                .satisfies(p -> assertThat(p.getMessage()).isEqualTo("attributes: at most 50 attributes: Identity Center passes each as a session tag (were 51)"));
    }
}
