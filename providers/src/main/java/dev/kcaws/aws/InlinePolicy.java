package dev.kcaws.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;

/** An inline IAM policy document: JSON with a Statement, within IAM's 32,768-byte limit. */
public record InlinePolicy(String json) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static InlinePolicy parse(String field, String json) {
        if (json == null || json.isBlank()) {
            throw new AwsRuleViolation(field, "must not be empty");
        }
        if (json.getBytes(StandardCharsets.UTF_8).length > AwsLimits.MAX_INLINE_POLICY_BYTES) {
            throw new AwsRuleViolation(field, "must be at most 32768 bytes");
        }
        JsonNode doc;
        try {
            doc = JSON.readTree(json);
        } catch (Exception e) {
            throw new AwsRuleViolation(field, "is not valid JSON");
        }
        if (doc == null || !doc.isObject() || !doc.has("Statement")
                || !(doc.get("Statement").isArray() || doc.get("Statement").isObject())) {
            throw new AwsRuleViolation(field, "must be an IAM policy document with a Statement");
        }
        if (hasIntrinsicFunction(doc)) {
            throw new AwsRuleViolation(field, "must not contain a Ref or Fn:: element: IAM's policy grammar has none, "
                    + "and CloudFormation would run it as an intrinsic function");
        }
        return new InlinePolicy(json);
    }

    /** Whether an object anywhere in the document has a key CloudFormation reads as an intrinsic function. */
    public static boolean hasIntrinsicFunction(JsonNode node) {
        if (node.isObject()) {
            for (var fields = node.fields(); fields.hasNext(); ) {
                var field = fields.next();
                if (isIntrinsicFunctionName(field.getKey()) || hasIntrinsicFunction(field.getValue())) {
                    return true;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                if (hasIntrinsicFunction(item)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code Ref} and every {@code Fn::…} (Fn::Sub, Fn::GetAtt, Fn::ImportValue, Fn::Transform, Fn::ForEach::…). */
    public static boolean isIntrinsicFunctionName(String key) {
        return key.equals("Ref") || key.startsWith("Fn::");
    }
}
