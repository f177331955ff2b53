package dev.kcaws.iac;

import dev.kcaws.access.PermissionSet;
import dev.kcaws.aws.ManagedPolicyArn;
import dev.kcaws.aws.Partition;
import dev.kcaws.iac.IdentityCenterModel.Assignment;
import dev.kcaws.iac.IdentityCenterModel.Group;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Names of the generated Identity Center objects, built on {@link IamNames#identifier} (letters
 * and digits only, one-to-one with the text, so adding a set or group never renames another's
 * resource), and how a managed policy of the model is attached in Identity Center.
 */
final class IdentityCenterNames {

    /** Longest group key written out; a longer one is replaced by a digest so logical IDs stay within CloudFormation's 255. */
    static final int MAX_GROUP_KEY_CHARS = 120;

    private IdentityCenterNames() {
    }

    /**
     * A group's key in names: the identifier of its display name, or {@code ZH} and a SHA-256 prefix
     * when that is long ({@link IamNames#identifier} never writes {@code ZH}, so the two forms never meet).
     */
    static String groupKey(Group group) {
        String id = IamNames.identifier(group.displayName());
        if (id.length() <= MAX_GROUP_KEY_CHARS) {
            return id;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(group.displayName().getBytes(StandardCharsets.UTF_8));
            return "ZH" + HexFormat.of().withUpperCase().formatHex(digest).substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** At most 20 names, comma-separated, then how many more: a list for a comment. */
    static String listed(List<String> names) {
        int shown = Math.min(names.size(), 20);
        return String.join(", ", names.subList(0, shown)) + (names.size() > shown ? " and " + (names.size() - shown) + " more" : "");
    }

    static String setKey(PermissionSet set) {
        return IamNames.identifier(set.name().value());
    }

    /**
     * An assignment's key: set, account, group. Unambiguous: identifiers contain no {@code _},
     * and the account ID is always 12 digits.
     */
    static String assignmentKey(Assignment a) {
        return setKey(a.permissionSet()) + "_" + a.account().id().value() + "_" + groupKey(a.group());
    }

    /** AWS managed policies are attached by ARN; customer managed ones by name and path (Identity Center's only way). */
    static boolean isAwsManaged(ManagedPolicyArn arn) {
        return arn.value().contains(":iam::aws:policy/");
    }

    /** An AWS managed policy's ARN in the instance's partition. */
    static String awsManagedArn(ManagedPolicyArn arn, Partition partition) {
        return IamNames.policyArnIn(arn, partition);
    }

    /**
     * A set's managed policies as Identity Center attaches them, each once: AWS managed ones by ARN
     * in the instance's partition, customer managed ones by name and path (two ARNs of one name
     * and path in different accounts are one reference there).
     */
    record Policies(List<String> awsManaged, List<PolicyReference> customerManaged) {
        static Policies of(PermissionSet set, Partition partition) {
            Set<String> aws = new LinkedHashSet<>();
            Set<PolicyReference> customer = new LinkedHashSet<>();
            for (ManagedPolicyArn arn : set.managedPolicies()) {
                if (isAwsManaged(arn)) {
                    aws.add(awsManagedArn(arn, partition));
                } else {
                    customer.add(PolicyReference.of(arn));
                }
            }
            return new Policies(List.copyOf(aws), List.copyOf(customer));
        }
    }

    /** The Terraform name of a customer managed policy attachment: the set's, then the policy's path and name. */
    static String customerAttachmentName(PermissionSet set, PolicyReference reference) {
        return IamNames.terraformName(set.name().value()) + "_" + IamNames.identifier(reference.path() + reference.name());
    }

    /**
     * A customer managed policy as Identity Center refers to it: its name and path, which must exist
     * in every account the set is assigned in (the account ID of the model's ARN is not part of it).
     */
    record PolicyReference(String name, String path) {
        static PolicyReference of(ManagedPolicyArn arn) {
            String resource = arn.value().substring(arn.value().indexOf(":policy/") + ":policy".length());
            int last = resource.lastIndexOf('/');
            return new PolicyReference(resource.substring(last + 1), resource.substring(0, last + 1));
        }
    }
}
