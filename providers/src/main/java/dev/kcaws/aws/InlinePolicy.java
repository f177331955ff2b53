package dev.kcaws.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;

/** An inline IAM policy document: JSON with a Statement, within IAM's 32,768-byte limit. */
public record InlinePolicy(String json) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static InlinePolicy parse(String field, String json) {
        if (json == null || json.isBlank()) {
            throw new AwsRuleViolation(field, AwsRule.NOT_EMPTY);
        }
        if (json.getBytes(StandardCharsets.UTF_8).length > AwsLimits.MAX_INLINE_POLICY_BYTES) {
            throw new AwsRuleViolation(field, AwsRule.INLINE_POLICY_BYTES, AwsLimits.MAX_INLINE_POLICY_BYTES);
        }
        JsonNode doc;
        try {
            doc = JSON.readTree(json);
        } catch (Exception e) {
            throw new AwsRuleViolation(field, AwsRule.INLINE_POLICY_JSON);
        }
        if (doc == null || !doc.isObject() || !doc.has("Statement")
                || !(doc.get("Statement").isArray() || doc.get("Statement").isObject())) {
            throw new AwsRuleViolation(field, AwsRule.INLINE_POLICY_STATEMENT);
        }
        if (hasIntrinsicFunction(doc)) {
            throw new AwsRuleViolation(field, AwsRule.INLINE_POLICY_INTRINSIC);
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
