package dev.kcaws.access;

import dev.kcaws.aws.AwsRule;
import dev.kcaws.aws.AwsRuleViolation;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every window must name a group or user of its realm. Windows are keyed by ID, and a mapping without
 * an entry is permanent: a realm file (or realm-as-code tool) that recreates a group or user under a
 * new ID would otherwise turn its time-bound assignment into a permanent one without a word. So an
 * entry naming an ID the realm does not have is refused, naming the field
 * ({@code window.groups.<id>}, {@code window.users.<id>}). Unreadable attributes are
 * {@link AccessStore#entryProblems()}'s to report.
 */
public final class WindowPrincipals {

    private WindowPrincipals() {
    }

    /** The window entries of the model client that name no group or user of the realm. */
    public static List<AwsRuleViolation> unknown(KeycloakSession session, RealmModel realm, ClientModel modelClient) {
        List<AwsRuleViolation> problems = new ArrayList<>();
        if (modelClient == null) {
            return problems;
        }
        for (Map.Entry<String, String> attribute : modelClient.getAttributes().entrySet()) {
            String name = attribute.getKey();
            if (!name.startsWith(ModelFormat.WINDOW_PREFIX)) {
                continue;
            }
            AccessWindows windows;
            try {
                windows = ModelFormat.readWindows(name, attribute.getValue());
            } catch (AwsRuleViolation unreadable) {
                continue;
            }
            for (String groupId : windows.groups().keySet()) {
                if (session.groups().getGroupById(realm, groupId) == null) {
                    problems.add(new AwsRuleViolation("window.groups." + groupId, AwsRule.IN_ATTRIBUTE,
                            new AwsRuleViolation("window.groups." + groupId, AwsRule.WINDOW_GROUP_UNKNOWN), name));
                }
            }
            for (String userId : windows.users().keySet()) {
                if (session.users().getUserById(realm, userId) == null) {
                    problems.add(new AwsRuleViolation("window.users." + userId, AwsRule.IN_ATTRIBUTE,
                            new AwsRuleViolation("window.users." + userId, AwsRule.WINDOW_USER_UNKNOWN), name));
                }
            }
        }
        return problems;
    }
}
