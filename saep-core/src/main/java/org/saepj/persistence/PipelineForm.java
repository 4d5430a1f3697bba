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
import java.util.ArrayList;
import java.util.List;
import org.saepj.UnknownNameException;
import org.saepj.data.preprocess.Pipeline;
import org.saepj.data.preprocess.PreprocessingStep;
import org.saepj.data.preprocess.StepKind;
import org.saepj.data.preprocess.StepKinds;

/**
 * The stored form of a preprocessing {@link Pipeline}: a list of steps, each {@code {"type": <registered type name>,
 * <the step record's components>}}. The type name comes from the {@link StepKinds} registry both ways, so a plug-in's
 * step is stored and read like a built-in one and no Java class name reaches a file.
 */
final class PipelineForm {
    private PipelineForm() {}

    /** Writes each step: its type name, then the record's components in declaration order. */
    static final class Serializer extends JsonSerializer<Pipeline> {
        @Override
        public void serialize(Pipeline pipeline, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartArray();
            for (PreprocessingStep step : pipeline.steps()) {
                gen.writeStartObject();
                gen.writeStringField("type", StepKinds.typeOf(step));
                for (RecordComponent c : step.getClass().getRecordComponents()) {
                    Object value = component(step, c);
                    if (value == null && omittedWhenNull(c)) {
                        continue; // a component added later: absent, the step is stored as before it existed
                    }
                    gen.writeFieldName(c.getName());
                    provider.defaultSerializeValue(value, gen);
                }
                gen.writeEndObject();
            }
            gen.writeEndArray();
        }

        private static boolean omittedWhenNull(RecordComponent c) {
            com.fasterxml.jackson.annotation.JsonInclude include =
                    c.getAccessor().getAnnotation(com.fasterxml.jackson.annotation.JsonInclude.class);
            return include != null && include.value() == com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL;
        }

        private static Object component(PreprocessingStep step, RecordComponent c) {
            try {
                return c.getAccessor().invoke(step);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException(
                        "cannot read " + c.getName() + " of a " + StepKinds.typeOf(step) + " step", e);
            }
        }
    }

    /** Finds each step's kind by its type name and reads the remaining fields as its record. */
    static final class Deserializer extends JsonDeserializer<Pipeline> {
        @Override
        public Pipeline deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode list = p.readValueAsTree();
            if (!list.isArray()) {
                throw JsonMappingException.from(p, "preprocessing is a list of steps, got " + list);
            }
            List<PreprocessingStep> steps = new ArrayList<>();
            for (JsonNode n : list) {
                steps.add(step(p, ctxt, n));
            }
            return new Pipeline(steps);
        }

        private static PreprocessingStep step(JsonParser p, DeserializationContext ctxt, JsonNode n)
                throws IOException {
            JsonNode type = n.get("type");
            if (!n.isObject() || type == null || !type.isTextual()) {
                throw InvalidTypeIdException.from(
                        p,
                        "a preprocessing step needs a \"type\": one of " + String.join(", ", StepKinds.types()),
                        ctxt.constructType(PreprocessingStep.class),
                        null);
            }
            StepKind<?> kind;
            try {
                kind = StepKinds.require(type.asText());
            } catch (UnknownNameException e) {
                throw InvalidTypeIdException.from(
                        p, e.getMessage(), ctxt.constructType(PreprocessingStep.class), type.asText());
            }
            ObjectNode fields = ((ObjectNode) n).deepCopy();
            fields.remove("type");
            try {
                return ctxt.readTreeAsValue(fields, kind.stepClass());
            } catch (ValueInstantiationException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                throw JsonMappingException.from(p, "invalid " + kind.type() + " step: " + cause.getMessage(), e);
            }
        }
    }
}
