package org.saepj.persistence;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import org.saepj.UnknownNameException;
import org.saepj.engine.layer.LayerKind;
import org.saepj.engine.layer.LayerKinds;
import org.saepj.engine.layer.LayerSpec;

/**
 * The stored form of a layer's settings: {@code {"type": <registered type name>, <the spec record's components>}}.
 * The type name comes from the {@link LayerKinds} registry both ways, so a plug-in's kind is stored and read like a
 * built-in one and no Java class name reaches a file.
 */
final class LayerSpecForm {
    private LayerSpecForm() {}

    /**
     * Writes the type name, then the record's components in declaration order, leaving out an optional setting
     * ({@link LayerKind#optionalSettings()}) at its default.
     */
    static final class Serializer extends JsonSerializer<LayerSpec> {
        @Override
        public void serialize(LayerSpec spec, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            gen.writeStringField("type", LayerKinds.typeOf(spec));
            Map<String, Object> optional = LayerKinds.of(spec).optionalSettings();
            for (RecordComponent c : spec.getClass().getRecordComponents()) {
                Object value = component(spec, c);
                if (optional.containsKey(c.getName())
                        && optional.get(c.getName()).equals(value)) {
                    continue; // at its default: stored as files from before the setting existed were
                }
                gen.writeFieldName(c.getName());
                provider.defaultSerializeValue(value, gen);
            }
            gen.writeEndObject();
        }

        private static Object component(LayerSpec spec, RecordComponent c) {
            try {
                return c.getAccessor().invoke(spec);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException(
                        "cannot read " + c.getName() + " of a " + LayerKinds.typeOf(spec) + " layer", e);
            }
        }
    }

    /**
     * Finds the kind by the type name and reads the remaining fields as its spec record, an optional setting that is
     * absent at its default.
     */
    static final class Deserializer extends JsonDeserializer<LayerSpec> {
        @Override
        public LayerSpec deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode n = p.readValueAsTree();
            if (!n.isObject()) {
                throw JsonMappingException.from(p, "a layer is an object with a \"type\", got " + n);
            }
            JsonNode type = n.get("type");
            if (type == null || !type.isTextual()) {
                throw InvalidTypeIdException.from(
                        p,
                        "a layer needs a \"type\": one of " + String.join(", ", LayerKinds.types()),
                        ctxt.constructType(LayerSpec.class),
                        null);
            }
            LayerKind<?> kind;
            try {
                kind = LayerKinds.require(type.asText());
            } catch (UnknownNameException e) {
                throw InvalidTypeIdException.from(
                        p, e.getMessage(), ctxt.constructType(LayerSpec.class), type.asText());
            }
            ObjectNode fields = ((ObjectNode) n).deepCopy();
            fields.remove("type");
            kind.optionalSettings().forEach((name, value) -> {
                if (!fields.has(name)) {
                    fields.set(name, JsonFormat.mapper().valueToTree(value));
                }
            });
            try {
                return ctxt.readTreeAsValue(fields, kind.specClass());
            } catch (ValueInstantiationException e) {
                // The spec's own check, e.g. "dense: units must be at least 1, got 0", without Jackson's class names.
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                throw JsonMappingException.from(p, "invalid " + kind.type() + " layer: " + cause.getMessage(), e);
            }
        }
    }
}
