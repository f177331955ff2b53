package dev.kcaws.iac;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcaws.aws.Partition;
import dev.kcaws.aws.SigninEndpoint;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The trust policy of every role in an account of one partition, from the realm's AWS clients of
 * that partition (clients of other partitions never sign in to it):
 * <ul>
 *   <li>{@code sts:AssumeRoleWithSAML}, plus {@code sts:TagSession} if a client's mapper sends
 *       session tags and {@code sts:SetSourceIdentity} if one sends a source identity;</li>
 *   <li>{@code SAML:aud} (AWS takes it from the response's Recipient, i.e. the endpoint posted to):
 *       {@code StringEquals} the exact endpoint URLs (global, GovCloud, China); a regional client
 *       makes it {@code StringLike} {@code https://*.signin.aws.amazon.com/saml}. The keys of one
 *       condition operator are AND-ed but the values of one key OR-ed, so a global and a regional
 *       client together give one {@code StringLike} with both values (a value without a wildcard
 *       matches exactly).</li>
 * </ul>
 * With no AWS client for the partition yet, the partition's default endpoint is trusted (what
 * the client template creates by default), and nothing is sent that would need the extra actions.
 */
public record TrustPolicy(List<String> actions, String conditionOperator, List<String> audiences) {

    public static final String ASSUME_ROLE_WITH_SAML = "sts:AssumeRoleWithSAML";
    public static final String TAG_SESSION = "sts:TagSession";
    public static final String SET_SOURCE_IDENTITY = "sts:SetSourceIdentity";
    public static final String AUDIENCE_KEY = "SAML:aud";

    public TrustPolicy {
        actions = List.copyOf(actions);
        audiences = List.copyOf(audiences);
    }

    public static TrustPolicy forPartition(Partition partition, List<AwsClientTrust> clients) {
        List<AwsClientTrust> mine = clients.stream().filter(c -> c.partition() == partition).toList();
        if (mine.isEmpty()) {
            mine = List.of(AwsClientTrust.plain(SigninEndpoint.of(partition)));
        }
        List<String> actions = new ArrayList<>(List.of(ASSUME_ROLE_WITH_SAML));
        if (mine.stream().anyMatch(AwsClientTrust::sendsSessionTags)) {
            actions.add(TAG_SESSION);
        }
        if (mine.stream().anyMatch(AwsClientTrust::sendsSourceIdentity)) {
            actions.add(SET_SOURCE_IDENTITY);
        }
        Set<String> exact = new LinkedHashSet<>();
        boolean regional = false;
        for (AwsClientTrust c : mine.stream().sorted((a, b) -> a.endpoint().url().compareTo(b.endpoint().url())).toList()) {
            if (c.endpoint().region() == null) {
                exact.add(c.endpoint().samlAudience());
            } else {
                regional = true;
            }
        }
        if (!regional) {
            return new TrustPolicy(actions, "StringEquals", List.copyOf(exact));
        }
        List<String> values = new ArrayList<>(exact);
        values.add("https://*." + partition.signinHost() + "/saml");
        return new TrustPolicy(actions, "StringLike", values);
    }

    /** The policy document, trusting the SAML provider given as {@code federated} (an ARN or a reference to one). */
    public ObjectNode document(JsonNode federated) {
        ObjectNode doc = Json.MAPPER.createObjectNode();
        doc.put("Version", "2012-10-17");
        ObjectNode statement = doc.putArray("Statement").addObject();
        statement.put("Effect", "Allow");
        statement.putObject("Principal").set("Federated", federated);
        ArrayNode action = statement.putArray("Action");
        actions.forEach(action::add);
        ObjectNode operator = statement.putObject("Condition").putObject(conditionOperator);
        if (audiences.size() == 1) {
            operator.put(AUDIENCE_KEY, audiences.get(0));
        } else {
            ArrayNode values = operator.putArray(AUDIENCE_KEY);
            audiences.forEach(values::add);
        }
        return doc;
    }
}
