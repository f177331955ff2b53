package dev.kcaws.keycloak;

import dev.kcaws.keycloak.InternalApiCheck.Need;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InternalApiCheckTest {

    @Test
    void aServerWithEveryApiPasses() {
        assertThat(InternalApiCheck.missing(List.of(new Need("String.length()", "a test", () -> String.class.getMethod("length"))), "26.7.5"))
                .isEmpty();
    }

    @Test
    void everyMissingApiIsNamedOnOneLineWithTheVersionAndWhatItIsFor() {
        // As on 26.4.7 for a bundle that still called SamlProtocolFactory.getMaxInflatingSize() (added in 26.5).
        List<Need> needs = List.of(
                new Need("SamlProtocolFactory.getMaxInflatingSize()", "one-role shortcut links",
                        () -> String.class.getMethod("getMaxInflatingSize")),
                new Need("String.length()", "a test", () -> String.class.getMethod("length")),
                new Need("org.example.Gone", "access keys", () -> {
                    throw new NoClassDefFoundError("org/example/Gone");
                }));

        assertThat(InternalApiCheck.missing(needs, "26.4.7")).hasValueSatisfying(line -> assertThat(line)
                .doesNotContain("\n")
                .startsWith("kcaws: Keycloak 26.4.7 lacks internal API the AWS bundle needs: ")
                .contains("SamlProtocolFactory.getMaxInflatingSize() (for one-role shortcut links)")
                .contains("org.example.Gone (for access keys)")
                .doesNotContain("String.length()")
                .contains("docs/supported-versions.md"));
    }
}
