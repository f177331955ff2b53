package dev.kcaws.iac;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How Terraform reads a string of its JSON syntax, by the HCL template scanner's rules: {@code $${}
 * and {@code %%{} are a literal {@code ${} and {@code %{}; any other {@code ${…}} is an
 * interpolation and {@code %{…}} a directive. Lets the tests see what Terraform would evaluate.
 */
public final class TerraformTemplates {

    /** What Terraform makes of a string: its literal text (with each sequence it evaluates kept as is), and those sequences. */
    public record Reading(String literal, List<String> interpolations, List<String> directives) {
    }

    private TerraformTemplates() {
    }

    public static Reading read(String template) {
        StringBuilder literal = new StringBuilder();
        List<String> interpolations = new ArrayList<>();
        List<String> directives = new ArrayList<>();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if ((c == '$' || c == '%') && template.startsWith(c + "" + c + "{", i)) {
                literal.append(c).append('{');
                i += 3;
            } else if ((c == '$' || c == '%') && template.startsWith(c + "{", i)) {
                int end = template.indexOf('}', i);
                String sequence = end < 0 ? template.substring(i) : template.substring(i, end + 1);
                (c == '$' ? interpolations : directives).add(sequence);
                literal.append(sequence);
                i += sequence.length();
            } else {
                literal.append(c);
                i++;
            }
        }
        return new Reading(literal.toString(), interpolations, directives);
    }

    /**
     * Every interpolation and directive Terraform would evaluate anywhere in a configuration: in
     * its string values and its keys (a map's keys are templates too; the {@code //} comment is not read).
     */
    public static List<String> evaluated(JsonNode node) {
        List<String> found = new ArrayList<>();
        collect(node, found);
        return found;
    }

    private static void collect(JsonNode node, List<String> found) {
        if (node.isTextual()) {
            Reading r = read(node.asText());
            found.addAll(r.interpolations());
            found.addAll(r.directives());
        } else if (node.isObject()) {
            for (var fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().equals("//")) {
                    continue;
                }
                Reading key = read(field.getKey());
                found.addAll(key.interpolations());
                found.addAll(key.directives());
                collect(field.getValue(), found);
            }
        } else if (node.isArray()) {
            node.forEach(item -> collect(item, found));
        }
    }
}
