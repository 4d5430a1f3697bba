package org.saepj.subnetwork;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.saepj.UnknownNameException;
import org.saepj.engine.layer.LayerKind;
import org.saepj.engine.layer.LayerKinds;
import org.saepj.engine.layer.LayerSpec;

/**
 * A layer of a search-space file, {@code {"type": <registered type name>, <settings>}}, made into the kind's spec
 * record once its {@code "$p"} settings are replaced by a candidate's values. Stricter than stored files are read:
 * a user's file names every setting of the kind and no other, so a misspelt setting is an error, not a default; only
 * the kind's optional settings ({@link LayerKind#optionalSettings()}) may be left out, and then take their defaults.
 */
final class LayerSettings {
    /** Strict: no unknown settings, no fraction where a whole number belongs, no null for a number. */
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private LayerSettings() {}

    /**
     * @param layer a layer as the file holds it
     * @param values the candidate's parameter values by name
     * @param field where the layer is, for messages ("families[0].blocks[1].nodes[0].layer")
     * @return the layer's spec
     * @throws IllegalArgumentException "field: …", naming the unknown type and the known ones, a missing or unknown
     *     setting, a parameter that {@code vary} does not define, or the kind's own complaint about a value
     */
    static LayerSpec parse(JsonNode layer, Map<String, JsonNode> values, String field) {
        if (layer == null || !layer.isObject()) {
            throw new IllegalArgumentException(field + ": must be an object {\"type\": …, settings}");
        }
        JsonNode type = layer.get("type");
        if (type == null || !type.isTextual()) {
            throw new IllegalArgumentException(
                    field + ".type: must name a layer type: one of " + String.join(", ", LayerKinds.types()));
        }
        LayerKind<?> kind;
        try {
            kind = LayerKinds.require(type.asText());
        } catch (UnknownNameException e) {
            throw new IllegalArgumentException(field + ".type: " + e.getMessage(), e);
        }
        ObjectNode settings = ((ObjectNode) layer).deepCopy();
        settings.remove("type");
        List<String> names = new ArrayList<>();
        List<String> described = new ArrayList<>();
        for (RecordComponent c : kind.specClass().getRecordComponents()) {
            names.add(c.getName());
            Object byDefault = kind.optionalSettings().get(c.getName());
            described.add(
                    byDefault == null
                            ? c.getName()
                            : c.getName() + " (optional, default " + STRICT.valueToTree(byDefault) + ")");
        }
        String accepted = names.isEmpty() ? "it has no settings" : "its settings are " + String.join(", ", described);
        for (Iterator<String> it = settings.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!names.contains(name)) {
                throw new IllegalArgumentException(
                        field + "." + name + ": not a setting of " + kind.type() + " (" + accepted + ")");
            }
        }
        boolean varied = false;
        Map<String, Object> optional = kind.optionalSettings();
        for (String name : names) {
            if (!settings.has(name) && optional.containsKey(name)) {
                settings.set(name, STRICT.valueToTree(optional.get(name)));
            } else if (!settings.has(name)) {
                throw new IllegalArgumentException(
                        field + ": " + kind.type() + " needs " + name + " (" + accepted + ")");
            }
            varied |= GraphFamily.reference(settings.get(name)) != null;
            settings.set(name, substitute(settings.get(name), values, field + "." + name));
        }
        String which = varied ? " (for " + GraphFamily.describe(values) + ")" : "";
        try {
            return STRICT.treeToValue(settings, kind.specClass());
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalArgumentException(field + ": " + cause.getMessage() + which, e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    field + ": not a valid " + kind.type() + " layer ("
                            + e.getOriginalMessage().lines().findFirst().orElse("") + ")" + which,
                    e);
        }
    }

    /**
     * @param value a setting as the file holds it
     * @param values the candidate's parameter values
     * @param field where it is
     * @return the value, or the parameter's when it is {@code "$p"}
     */
    static JsonNode substitute(JsonNode value, Map<String, JsonNode> values, String field) {
        String name = GraphFamily.reference(value);
        if (name == null) {
            return value;
        }
        JsonNode v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException(field + ": $" + name + " is not a parameter of vary"
                    + (values.isEmpty()
                            ? " (the family varies nothing)"
                            : " (its parameters are " + String.join(", ", values.keySet()) + ")"));
        }
        return v;
    }
}
