package dev.kcaws.iac;

import dev.kcaws.access.AwsAccount;
import dev.kcaws.access.PermissionSet;
import dev.kcaws.aws.ConsoleDestination;
import dev.kcaws.aws.InlinePolicy;
import dev.kcaws.aws.ManagedPolicyArn;
import dev.kcaws.aws.Partition;
import dev.kcaws.aws.PermissionSetName;
import dev.kcaws.aws.SessionDuration;
import dev.kcaws.iac.IdentityCenterModel.Assignment;
import dev.kcaws.iac.IdentityCenterModel.Group;

import java.util.Arrays;
import java.util.List;

import static dev.kcaws.iac.IamAsCodeFixtures.INLINE;

/** Permission sets Identity Center can take, groups and assignments for the Identity Center generator tests. */
final class IdentityCenterFixtures {

    static final AwsAccount PROD = IamAsCodeFixtures.PROD;
    static final AwsAccount STAGING = IamAsCodeFixtures.account("444444444444", "staging", Partition.AWS);

    /** Everything a set can have: AWS and customer managed policies, inline policy, customer managed boundary, relay state. */
    static final PermissionSet DEVELOPER = set("Developer", 5400, "Build & run ${things} \"fast\" \\ here\nnext line %{x}",
            "https://console.aws.amazon.com/ec2/home?region=eu-west-1#Instances:", INLINE, "arn:aws:iam::111111111111:policy/team/Boundary",
            "arn:aws:iam::aws:policy/PowerUserAccess", "arn:aws:iam::aws:policy/job-function/Billing", "arn:aws:iam::111111111111:policy/team/ci/Deploy",
            "arn:aws:iam::111111111111:policy/Local");
    static final PermissionSet READ_ONLY = set("ReadOnlyAccess", 43200, null, null, null, null, "arn:aws:iam::aws:policy/ReadOnlyAccess",
            "arn:aws:iam::aws:policy/ReadOnlyAccess");
    static final PermissionSet ADMIN = set("AdministratorAccess", 3600, "", null, null, null, "arn:aws:iam::aws:policy/AdministratorAccess");

    static final Group DEVOPS = new Group("DevOps", "/DevOps");
    static final Group DEVELOPERS = new Group("Developers", "/Engineering/Developers");
    /** A name with everything that must be encoded: quotes, backslash, template sequences, a newline, non-ASCII. */
    static final String HOSTILE_NAME = "Ops \"x\" \\ ${file(\"/etc/passwd\")} %{ if true }y%{ endif }\nnext 개발";
    static final Group HOSTILE = new Group(HOSTILE_NAME, "/" + HOSTILE_NAME);

    private IdentityCenterFixtures() {
    }

    static PermissionSet set(String name, int seconds, String description, String relayState, String inline, String boundary, String... policies) {
        return new PermissionSet(new PermissionSetName(name), description, new SessionDuration(seconds),
                relayState == null ? null : ConsoleDestination.parseAnyPartition("r", relayState),
                Arrays.stream(policies).map(p -> ManagedPolicyArn.parse("p", p)).toList(),
                inline == null ? null : InlinePolicy.parse("i", inline),
                boundary == null ? null : ManagedPolicyArn.parse("b", boundary));
    }

    static Assignment assign(Group group, AwsAccount account, PermissionSet set) {
        return new Assignment(group, account, set);
    }

    static IdentityCenterModel model(Assignment... assignments) {
        return new IdentityCenterModel("acme", Partition.AWS, List.of(PROD, STAGING), List.of(assignments), 0);
    }

    /** Every kind of object: a set with everything, a plain one, three groups (one hostile), two accounts. */
    static IdentityCenterModel full() {
        return model(assign(DEVOPS, PROD, ADMIN), assign(DEVOPS, STAGING, ADMIN), assign(DEVELOPERS, STAGING, DEVELOPER),
                assign(DEVELOPERS, PROD, READ_ONLY), assign(HOSTILE, PROD, DEVELOPER));
    }
}
