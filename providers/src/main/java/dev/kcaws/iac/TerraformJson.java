package dev.kcaws.iac;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Iterator;
import java.util.Map;

/**
 * Terraform's JSON syntax reads every string (and the keys of maps) as a template, where
 * {@code ${…}} is evaluated and {@code %{…}} is a directive. The configuration is built with data
 * as plain text and only the bundle's own expressions marked as {@link Template}; {@link #literal}
 * then escapes everything else in one pass ({@code $${} and {@code %%{} are Terraform's escapes
 * for a literal {@code ${} and {@code %{}), so no data string is ever evaluated, whatever field
 * it came from.
 */
final class TerraformJson {

    private TerraformJson() {
    }

    /** A string already in Terraform template syntax: one of the bundle's own expressions, or text escaped by this class. */
    static final class Template extends TextNode {
        private Template(String template) {
            super(template);
        }
    }

    /** A reference to another object of the configuration, e.g. {@code aws_iam_role.x.id}: the one kind of expression the bundle writes. */
    static Template reference(String address) {
        return new Template("${" + address + "}");
    }

    /**
     * A JSON document as one string value (IAM's policy arguments take the policy as JSON text):
     * its data strings and keys escaped, its {@link Template}s kept.
     */
    static Template document(JsonNode document) {
        return new Template(Json.compact(literal(document)));
    }

    /** A copy of the node in which every string and key that is not a {@link Template} is escaped. */
    static JsonNode literal(JsonNode node) {
        if (node instanceof Template) {
            return node;
        }
        if (node.isTextual()) {
            return TextNode.valueOf(escape(node.asText()));
        }
        if (node.isObject()) {
            ObjectNode copy = Json.MAPPER.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                copy.set(escape(field.getKey()), literal(field.getValue()));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = Json.MAPPER.createArrayNode();
            node.forEach(item -> copy.add(literal(item)));
            return copy;
        }
        return node;
    }

    /** Literal text as a Terraform template: {@code ${} → {@code $${}, {@code %{} → {@code %%{}. */
    static String escape(String text) {
        return text.replace("${", "$${").replace("%{", "%%{");
    }
}
