package dev.kcaws.saml;

import dev.kcaws.aws.RolePair;
import dev.kcaws.aws.RoleSessionName;
import dev.kcaws.aws.SessionDuration;
import dev.kcaws.aws.SessionTag;
import dev.kcaws.aws.SourceIdentity;

import java.util.List;

/** Everything the AWS attributes of one assertion will carry, already checked by AWS's rules. */
public record AssertionPlan(List<RolePair> rolePairs, RoleSessionName roleSessionName, SessionDuration sessionDuration,
                            List<SessionTag> principalTags, List<String> transitiveTagKeys, SourceIdentity sourceIdentity) {
}
