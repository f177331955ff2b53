package dev.kcaws.admin;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.kcaws.aws.AwsRule;
import dev.kcaws.aws.AwsRuleViolation;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads request bodies strictly, the one way every call of the admin API reads them: the body must
 * be one JSON object (not null, an array or a scalar), a misspelt field is an error that names it,
 * and so is a value of the wrong JSON type or a null inside a list — never a silently converted or
 * ignored setting, and never a null reaching the code behind.
 */
final class JsonBodies {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            // "3600" for a number or 42 for a text is a client's mistake, not something to guess at.
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withConfigOverride(List.class, o -> o.setSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL)))
            .build();

    private JsonBodies() {
    }

    /** The body as {@code type}, or a 400 listing every field at fault (the first one Jackson found at the top). */
    static <T> T read(String body, Class<T> type) {
        try {
            return parse(body, type);
        } catch (AwsRuleViolation first) {
            List<AwsRuleViolation> all = new ArrayList<>(List.of(first));
            otherFieldProblems(body, type, first.field()).forEach(all::add);
            throw all.size() == 1 ? AdminErrors.invalid(first) : AdminErrors.invalid(InvalidFields.of(all));
        }
    }

    /**
     * The body's other unknown or mistyped fields, each read on its own (Jackson stops at the first):
     * only for a record type and a body that is a JSON object.
     */
    static List<AwsRuleViolation> otherFieldProblems(String body, Class<?> type, String reported) {
        if (!type.isRecord()) {
            return List.of();
        }
        JsonNode tree;
        try {
            tree = STRICT.readTree(body);
        } catch (JsonProcessingException | RuntimeException e) {
            return List.of();
        }
        if (tree == null || !tree.isObject()) {
            return List.of();
        }
        Map<String, RecordComponent> known = new LinkedHashMap<>();
        for (RecordComponent component : type.getRecordComponents()) {
            known.put(component.getName(), component);
        }
        List<AwsRuleViolation> problems = new ArrayList<>();
        tree.fieldNames().forEachRemaining(name -> {
            if (name.equals(reported)) {
                return;
            }
            RecordComponent component = known.get(name);
            if (component == null) {
                problems.add(new AwsRuleViolation(name, AwsRule.JSON_UNKNOWN_FIELD, known.keySet()));
                return;
            }
            try {
                STRICT.readerFor(STRICT.constructType(component.getGenericType())).readValue(tree.get(name));
            } catch (IOException | RuntimeException e) {
                problems.add(new AwsRuleViolation(name, AwsRule.JSON_TYPE));
            }
        });
        return problems;
    }

    /** The body as {@code type}, or an {@link AwsRuleViolation} naming the field at fault ({@code body} for the whole). */
    static <T> T parse(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw new AwsRuleViolation("body", AwsRule.JSON_OBJECT);
        }
        try {
            JsonNode tree = STRICT.readTree(body);
            if (tree == null || !tree.isObject()) {
                throw new AwsRuleViolation("body", AwsRule.JSON_OBJECT_WAS, tree == null ? "nothing" : kind(tree));
            }
            return STRICT.treeToValue(tree, type);
        } catch (UnrecognizedPropertyException e) {
            throw new AwsRuleViolation(e.getPropertyName(), AwsRule.JSON_UNKNOWN_FIELD, e.getKnownPropertyIds());
        } catch (JsonMappingException e) {
            String field = field(e);
            if (field != null) {
                throw new AwsRuleViolation(field, AwsRule.JSON_TYPE_DETAIL, firstLine(e));
            }
            throw new AwsRuleViolation("body", AwsRule.JSON_INVALID, firstLine(e));
        } catch (JsonProcessingException e) {
            throw new AwsRuleViolation("body", AwsRule.JSON_INVALID, firstLine(e));
        }
    }

    /** The top-level field a mapping error is about, if it is about one. */
    private static String field(JsonMappingException e) {
        return e.getPath().stream().map(JsonMappingException.Reference::getFieldName).filter(n -> n != null).findFirst().orElse(null);
    }

    private static String firstLine(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        return message == null ? e.getClass().getSimpleName() : message.split("\n")[0];
    }

    private static String kind(JsonNode node) {
        return node.isNull() ? "null" : node.isArray() ? "an array" : node.isTextual() ? "a string" : node.isNumber() ? "a number"
                : node.isBoolean() ? "a boolean" : node.getNodeType().toString().toLowerCase();
    }
}
