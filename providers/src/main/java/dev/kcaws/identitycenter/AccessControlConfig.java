package dev.kcaws.identitycenter;

import dev.kcaws.aws.AwsRule;
import dev.kcaws.aws.AccessControlMappings;
import dev.kcaws.aws.AccessControlMappings.Mapping;
import dev.kcaws.aws.AwsRuleViolation;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How the ABAC mapper stores its mappings: one multivalued setting {@value #ATTRIBUTES} of
 * {@code Key=userAttribute} entries, which Keycloak joins with {@code ##} (how its admin console
 * shows and edits a multivalued string). A key may contain {@code =} (STS allows it) and a user
 * attribute name may not, so an entry splits at its last {@code =}.
 */
public final class AccessControlConfig {

    public static final String ATTRIBUTES = "attributes";
    static final String SEPARATOR = "##";

    private AccessControlConfig() {
    }

    /** The stored mappings, each checked; a violation names {@value #ATTRIBUTES}. */
    public static List<Mapping> parse(String raw) {
        List<Mapping> mappings = new ArrayList<>();
        if (raw != null) {
            for (String entry : raw.split(SEPARATOR)) {
                if (entry.isBlank()) {
                    continue;
                }
                int eq = entry.lastIndexOf('=');
                if (eq <= 0 || eq >= entry.length() - 1) {
                    throw new AwsRuleViolation(ATTRIBUTES, AwsRule.IC_ATTRIBUTE_ENTRY, entry.strip());
                }
                mappings.add(new Mapping(entry.substring(0, eq).strip(), entry.substring(eq + 1).strip()));
            }
        }
        List<AwsRuleViolation> problems = AccessControlMappings.problems(ATTRIBUTES, mappings);
        if (!problems.isEmpty()) {
            throw new AwsRuleViolation(ATTRIBUTES, AwsRule.IC_ATTRIBUTE_AT, problems.get(0).field(), problems.get(0));
        }
        return List.copyOf(mappings);
    }

    public static String format(List<Mapping> mappings) {
        return mappings.stream().map(m -> m.key() + "=" + m.userAttribute()).collect(Collectors.joining(SEPARATOR));
    }
}
