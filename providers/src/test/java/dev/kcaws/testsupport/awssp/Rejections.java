package dev.kcaws.testsupport.awssp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts a response is refused for one named rule, with the AWS message a user would see. */
final class Rejections {
    // AWS's texts spelled out here, not taken from AwsMessage, so a wrong mapping fails the tests
    static final String INVALID_RESPONSE = "Your request included an invalid SAML response";
    static final String SESSION_NAME_REQUIRED = "RoleSessionName is required in AuthnResponse";
    static final String SESSION_NAME_MUST_MATCH = "RoleSessionName in AuthnResponse must match [a-zA-Z_0-9+=,.@-]{2,64}";
    static final String NOT_AUTHORIZED = "Not authorized to perform sts:AssumeRoleWithSAML";
    static final String SIGNATURE_INVALID = "Response signature invalid";
    static final String ISSUER_NOT_PRESENT = "Issuer not present in specified provider";
    static final String NO_SUCH_PROVIDER = "Specified provider doesn't exist";

    private Rejections() {
    }

    static AwsSamlRejection assertRejected(ThrowingCallable accept, AwsSamlRule rule, String awsMessage) {
        AwsSamlRejection[] caught = new AwsSamlRejection[1];
        assertThatThrownBy(accept).isInstanceOfSatisfying(AwsSamlRejection.class, r -> {
            caught[0] = r;
            assertThat(r.brokenRule()).as("broken rule, message: %s", r.getMessage()).isEqualTo(rule);
            assertThat(r.rule()).isEqualTo(rule.name());
            assertThat(r.awsMessage()).isEqualTo(awsMessage);
            assertThat(r.getMessage()).startsWith(awsMessage).contains(rule.name());
        });
        return caught[0];
    }
}
