package dev.kcaws.testsupport.awssp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

/** The Role attribute: what AWS offers in its role picker, or signs straight in to when there is one. */
final class RoleAttributeCheck {
    private RoleAttributeCheck() {
    }

    /**
     * @param endpointPartition the partition of the sign-in endpoint posted to
     * @param registeredProviders provider ARNs known to exist; empty = do not check
     */
    static List<RolePair> rolePairs(AssertionAttributes attributes, String endpointPartition, Set<String> registeredProviders)
            throws AwsSamlRejection {
        List<AssertionAttributes.Element> roles = attributes.named(AssertionAttributes.ROLE);
        if (roles.isEmpty()) {
            throw AwsSamlRule.ROLE_ATTRIBUTE_MISSING.rejection("attribute names sent: " + attributes.names());
        }
        if (roles.size() > 1) {
            throw AwsSamlRule.ROLE_ATTRIBUTE_REPEATED.rejection(roles.size() + " Role Attribute elements; put all pairs as values of one");
        }
        List<String> values = roles.get(0).values();
        if (values.isEmpty()) {
            throw AwsSamlRule.ROLE_ATTRIBUTE_EMPTY.rejection("Role has no AttributeValue");
        }
        List<RolePair> pairs = new ArrayList<>();
        for (String value : values) {
            RolePair pair = parse(value);
            requireSameAccountAndPartition(pair);
            if (!pair.partition().equals(endpointPartition)) {
                throw AwsSamlRule.ROLE_PARTITION_NOT_ENDPOINTS.rejection(
                        "'" + value + "' is in partition " + pair.partition() + ", the endpoint serves " + endpointPartition);
            }
            if (!registeredProviders.isEmpty() && !registeredProviders.contains(pair.providerArn())) {
                throw AwsSamlRule.SAML_PROVIDER_UNKNOWN.rejection(pair.providerArn() + " not in " + registeredProviders);
            }
            pairs.add(pair);
        }
        return pairs;
    }

    /**
     * Role names may contain commas, so try every comma as the separator and accept exactly one
     * split that yields a role ARN and a provider ARN, in either order.
     */
    static RolePair parse(String value) throws AwsSamlRejection {
        List<RolePair> readings = new ArrayList<>();
        for (int comma = value.indexOf(','); comma >= 0; comma = value.indexOf(',', comma + 1)) {
            String left = value.substring(0, comma);
            String right = value.substring(comma + 1);
            reading(left, right).ifPresent(readings::add);
            reading(right, left).ifPresent(readings::add);
        }
        if (readings.size() != 1) {
            throw AwsSamlRule.ROLE_PAIR_MALFORMED.rejection("'" + value + "'" + (readings.isEmpty()
                    ? " is not 'arn:{partition}:iam::{account}:role/{name},arn:{partition}:iam::{account}:saml-provider/{name}'"
                    : " is ambiguous"));
        }
        return readings.get(0);
    }

    private static Optional<RolePair> reading(String role, String provider) {
        return AwsArns.matchRole(role).isPresent() && AwsArns.matchProvider(provider).isPresent()
                ? Optional.of(new RolePair(role, provider))
                : Optional.empty();
    }

    private static void requireSameAccountAndPartition(RolePair pair) throws AwsSamlRejection {
        Matcher provider = AwsArns.matchProvider(pair.providerArn()).orElseThrow();
        if (!pair.partition().equals(provider.group(AwsArns.PARTITION))) {
            throw AwsSamlRule.ROLE_PAIR_PARTITION_MISMATCH.rejection(pair.attributeValue());
        }
        if (!pair.accountId().equals(provider.group(AwsArns.ACCOUNT))) {
            throw AwsSamlRule.ROLE_PAIR_ACCOUNT_MISMATCH.rejection(pair.attributeValue());
        }
    }
}
