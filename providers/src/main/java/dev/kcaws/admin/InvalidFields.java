package dev.kcaws.admin;

import dev.kcaws.aws.AwsRuleViolation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Every invalid field of one request body, so that the answer lists them all instead of the first:
 * each field is checked on its own ({@link #check}), then {@link #throwIfAny} refuses the lot.
 */
final class InvalidFields extends RuntimeException {

    private final List<AwsRuleViolation> violations;

    private InvalidFields(List<AwsRuleViolation> violations) {
        super(violations.get(0).getMessage(), null, false, false);
        this.violations = List.copyOf(violations);
    }

    static InvalidFields of(List<AwsRuleViolation> violations) {
        return new InvalidFields(violations);
    }

    /** In the order found; the first is the one answered at the top level. */
    List<AwsRuleViolation> violations() {
        return violations;
    }

    /** Collects the violations of one body's fields. */
    static final class Collector {

        private final List<AwsRuleViolation> found = new ArrayList<>();

        /** The field's value, or null (noted) when it breaks a rule. */
        <T> T check(Supplier<T> field) {
            try {
                return field.get();
            } catch (AwsRuleViolation e) {
                found.add(e);
                return null;
            }
        }

        void add(AwsRuleViolation violation) {
            found.add(violation);
        }

        void throwIfAny() {
            if (!found.isEmpty()) {
                throw new InvalidFields(found);
            }
        }
    }
}
