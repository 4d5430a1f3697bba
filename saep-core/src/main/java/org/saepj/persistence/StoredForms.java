package org.saepj.persistence;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.saepj.data.Shape;
import org.saepj.engine.Architecture;
import org.saepj.engine.GraphArchitecture;
import org.saepj.engine.layer.LayerGraph;
import org.saepj.engine.layer.LayerSpec;
import org.saepj.engine.optim.OptimizerSpec;

/**
 * The one stored form of the records every file shares, registered on {@link JsonFormat}'s mapper so a
 * report, a checkpoint and a manifest write an architecture, an optimizer or a number the same way:
 * <ul>
 *   <li>a number that does not exist (NaN, ±∞) is written {@code null}, so every file is valid JSON for any
 *       reader, and {@code null} (or the {@code "NaN"} strings of earlier files) reads back as NaN;</li>
 *   <li>an architecture is {@code {"type": "dense", "input": [h, w, c], "classes": k, "hidden": [...]}} or
 *       {@code {"type": "conv", "input": [...], "classes": k, "blocks": [{"filters": f, "kernel": 3}, ...],
 *       "dense": d}} (the form of checkpoint format 1–2, which is read as it was), or for any other layer graph
 *       {@code {"type": "graph", "input": [...], "classes": k, "kind": family, "depth": n, "complexity": r,
 *       "nodes": [{"id": ..., "layer": {"type": "dense", "units": 32}, "inputs": ["input"]}, ...]}} (kind, depth
 *       and complexity may be left out: {@link GraphArchitecture#of});</li>
 *   <li>a layer is {@code {"type": <its kind's registered name>, ...its settings}} ({@link LayerSpecForm});</li>
 *   <li>an optimizer is {@code {"type": "rmsprop" | "sgd-momentum" | "adam" | "adamw", ...its own settings}}
 *       (sgd-momentum's {@code weightDecay} only when it is not 0);</li>
 *   <li>a preprocessing pipeline is a list of steps, each {@code {"type": <its kind's registered name>, ...what it
 *       learnt}} ({@link PipelineForm});</li>
 *   <li>a search configuration of an earlier layout is read as the current one
 *       ({@link org.saepj.search.ConfigUpgrade}).</li>
 * </ul>
 */
final class StoredForms {
    private StoredForms() {}

    static SimpleModule module() {
        SimpleModule m = new SimpleModule("saep-stored-forms");
        m.addSerializer(Double.class, new FiniteDoubleSerializer());
        m.addSerializer(double.class, new FiniteDoubleSerializer());
        m.addSerializer(double[].class, new FiniteDoublesSerializer());
        m.addDeserializer(Double.class, new DoubleDeserializer(null));
        m.addDeserializer(double.class, new DoubleDeserializer(Double.NaN));
        m.addDeserializer(double[].class, new DoublesDeserializer());
        m.addSerializer(Architecture.class, new ArchitectureSerializer());
        m.addDeserializer(Architecture.class, new ArchitectureDeserializer());
        m.addSerializer(LayerSpec.class, new LayerSpecForm.Serializer());
        m.addDeserializer(LayerSpec.class, new LayerSpecForm.Deserializer());
        m.addSerializer(OptimizerSpec.class, new OptimizerSerializer());
        m.addDeserializer(OptimizerSpec.class, new OptimizerDeserializer());
        m.addSerializer(org.saepj.data.preprocess.Pipeline.class, new PipelineForm.Serializer());
        m.addDeserializer(org.saepj.data.preprocess.Pipeline.class, new PipelineForm.Deserializer());
        m.setDeserializerModifier(org.saepj.search.ConfigUpgrade.reader());
        return m;
    }

    private static final class FiniteDoubleSerializer extends JsonSerializer<Double> {
        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (Double.isFinite(value)) {
                gen.writeNumber(value);
            } else {
                gen.writeNull();
            }
        }
    }

    private static final class FiniteDoublesSerializer extends JsonSerializer<double[]> {
        @Override
        public void serialize(double[] values, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartArray(values, values.length);
            for (double v : values) {
                if (Double.isFinite(v)) {
                    gen.writeNumber(v);
                } else {
                    gen.writeNull();
                }
            }
            gen.writeEndArray();
        }
    }

    /** A number, null (no number) or the strings NaN, Infinity and -Infinity that files before format 3 hold. */
    static double number(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            return p.getDoubleValue();
        }
        if (t == JsonToken.VALUE_NULL) {
            return Double.NaN;
        }
        if (t == JsonToken.VALUE_STRING) {
            switch (p.getText()) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
        }
        return (Double) ctxt.handleUnexpectedToken(double.class, p);
    }

    private static final class DoubleDeserializer extends JsonDeserializer<Double> {
        private final Double nullValue;

        DoubleDeserializer(Double nullValue) {
            this.nullValue = nullValue;
        }

        @Override
        public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return number(p, ctxt);
        }

        @Override
        public Double getNullValue(DeserializationContext ctxt) {
            return nullValue;
        }
    }

    private static final class DoublesDeserializer extends JsonDeserializer<double[]> {
        @Override
        public double[] deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.START_ARRAY) {
                return (double[]) ctxt.handleUnexpectedToken(double[].class, p);
            }
            double[] out = new double[16];
            int n = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (n == out.length) {
                    out = java.util.Arrays.copyOf(out, n * 2);
                }
                out[n++] = number(p, ctxt);
            }
            return java.util.Arrays.copyOf(out, n);
        }
    }

    private static final class ArchitectureSerializer extends JsonSerializer<Architecture> {
        @Override
        public void serialize(Architecture a, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            String type = a instanceof Architecture.DenseStack
                    ? "dense"
                    : a instanceof Architecture.ConvNet ? "conv" : "graph";
            gen.writeStringField("type", type);
            gen.writeArrayFieldStart("input");
            gen.writeNumber(a.input().height());
            gen.writeNumber(a.input().width());
            gen.writeNumber(a.input().channels());
            gen.writeEndArray();
            gen.writeNumberField("classes", a.classes());
            if (a instanceof Architecture.DenseStack d) {
                gen.writeFieldName("hidden");
                gen.writeArray(d.hidden(), 0, d.hidden().length);
            } else if (!(a instanceof Architecture.ConvNet c)) {
                graph(a, gen, provider);
            } else {
                gen.writeArrayFieldStart("blocks");
                for (Architecture.ConvBlock b : c.blocks()) {
                    gen.writeStartObject();
                    gen.writeNumberField("filters", b.filters());
                    gen.writeNumberField("kernel", b.kernel());
                    gen.writeEndObject();
                }
                gen.writeEndArray();
                gen.writeNumberField("dense", c.dense());
            }
            gen.writeEndObject();
        }

        /** Any other architecture, by its graph and the measures the search weighs it with. */
        private static void graph(Architecture a, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStringField("kind", a.kind());
            gen.writeNumberField("depth", a.depth());
            gen.writeNumberField("complexity", a.complexity());
            gen.writeArrayFieldStart("nodes");
            for (LayerGraph.Node node : a.graph().nodes()) {
                gen.writeStartObject();
                gen.writeStringField("id", node.id());
                gen.writeFieldName("layer");
                provider.defaultSerializeValue(node.spec(), gen);
                gen.writeArrayFieldStart("inputs");
                for (String in : node.inputs()) {
                    gen.writeString(in);
                }
                gen.writeEndArray();
                gen.writeEndObject();
            }
            gen.writeEndArray();
        }
    }

    private static final class ArchitectureDeserializer extends JsonDeserializer<Architecture> {
        @Override
        public Architecture deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode n = p.readValueAsTree();
            try {
                JsonNode in = n.path("input");
                if (!in.isArray() || in.size() != 3) {
                    throw new IllegalArgumentException("input must be [height, width, channels]");
                }
                Shape input =
                        new Shape(whole(in.get(0), "input"), whole(in.get(1), "input"), whole(in.get(2), "input"));
                int classes = whole(n.get("classes"), "classes");
                return switch (n.path("type").asText()) {
                    case "dense" -> new Architecture.DenseStack(input, wholes(n.get("hidden"), "hidden"), classes);
                    case "conv" ->
                        n.path("blocks").isArray()
                                ? new Architecture.ConvNet(
                                        input, blocks(n.get("blocks")), whole(n.get("dense"), "dense"), classes)
                                // checkpoint format 1 knew one 3×3 block of "filters" only
                                : new Architecture.ConvNet(
                                        input,
                                        whole(n.get("filters"), "filters"),
                                        whole(n.get("dense"), "dense"),
                                        classes);
                    case "graph" -> graph(n, input, classes, ctxt);
                    default ->
                        throw new IllegalArgumentException("unknown architecture type '"
                                + n.path("type").asText() + "': expected dense, conv or graph");
                };
            } catch (IllegalArgumentException e) {
                return (Architecture) ctxt.handleWeirdStringValue(
                        Architecture.class, n.toString(), "invalid architecture: %s", e.getMessage());
            }
        }

        private static GraphArchitecture graph(JsonNode n, Shape input, int classes, DeserializationContext ctxt)
                throws IOException {
            JsonNode list = n.get("nodes");
            if (list == null || !list.isArray()) {
                throw new IllegalArgumentException("nodes must be a list of {id, layer, inputs}");
            }
            List<LayerGraph.Node> nodes = new ArrayList<>();
            for (JsonNode node : list) {
                JsonNode id = node.get("id");
                JsonNode layer = node.get("layer");
                JsonNode inputs = node.get("inputs");
                if (id == null || !id.isTextual() || layer == null || inputs == null || !inputs.isArray()) {
                    throw new IllegalArgumentException(
                            "node " + nodes.size() + " needs a text id, a layer and a list of inputs");
                }
                List<String> reads = new ArrayList<>();
                inputs.forEach(in -> reads.add(in.asText()));
                nodes.add(new LayerGraph.Node(id.asText(), ctxt.readTreeAsValue(layer, LayerSpec.class), reads));
            }
            LayerGraph graph = new LayerGraph(input, nodes);
            // A graph written by hand may leave out the measures: it is then weighed as a DNN of its depth.
            GraphArchitecture a = GraphArchitecture.of(graph);
            String kind = n.has("kind") ? n.get("kind").asText() : a.kind();
            int depth = n.has("depth") ? whole(n.get("depth"), "depth") : a.depth();
            JsonNode complexity = n.get("complexity");
            if (complexity != null && !complexity.isNumber()) {
                throw new IllegalArgumentException("complexity must be a number");
            }
            a = new GraphArchitecture(
                    graph, kind, depth, complexity != null ? complexity.doubleValue() : Math.sqrt(depth));
            if (a.classes() != classes) {
                throw new IllegalArgumentException(
                        "classes is " + classes + " but the graph ends in " + a.classes() + " logits");
            }
            return a;
        }

        private static List<Architecture.ConvBlock> blocks(JsonNode list) {
            List<Architecture.ConvBlock> out = new ArrayList<>();
            for (JsonNode b : list) {
                out.add(new Architecture.ConvBlock(
                        whole(b.get("filters"), "filters"), whole(b.get("kernel"), "kernel")));
            }
            return out;
        }
    }

    static int whole(JsonNode n, String field) {
        if (n == null || !n.isIntegralNumber() || !n.canConvertToInt()) {
            throw new IllegalArgumentException(field + " must be a whole number");
        }
        return n.intValue();
    }

    static int[] wholes(JsonNode n, String field) {
        if (n == null || !n.isArray()) {
            throw new IllegalArgumentException(field + " must be a list of whole numbers");
        }
        int[] out = new int[n.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = whole(n.get(i), field);
        }
        return out;
    }

    private static final class OptimizerSerializer extends JsonSerializer<OptimizerSpec> {
        @Override
        public void serialize(OptimizerSpec o, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            if (o instanceof OptimizerSpec.RmsProp r) {
                gen.writeStringField("type", "rmsprop");
                gen.writeNumberField("learningRate", r.learningRate());
                gen.writeNumberField("decay", r.decay());
                gen.writeNumberField("epsilon", r.epsilon());
            } else if (o instanceof OptimizerSpec.SgdMomentum m) {
                gen.writeStringField("type", "sgd-momentum");
                gen.writeNumberField("learningRate", m.learningRate());
                gen.writeNumberField("momentum", m.momentum());
                gen.writeNumberField("decaySteps", m.decaySteps());
                if (m.weightDecay() != 0) {
                    // absent means 0, so files without decay are written as they were before it existed
                    gen.writeNumberField("weightDecay", m.weightDecay());
                }
            } else if (o instanceof OptimizerSpec.AdamW a) {
                gen.writeStringField("type", "adamw");
                gen.writeNumberField("learningRate", a.learningRate());
                gen.writeNumberField("beta1", a.beta1());
                gen.writeNumberField("beta2", a.beta2());
                gen.writeNumberField("epsilon", a.epsilon());
                gen.writeNumberField("weightDecay", a.weightDecay());
            } else {
                OptimizerSpec.Adam a = (OptimizerSpec.Adam) o;
                gen.writeStringField("type", "adam");
                gen.writeNumberField("learningRate", a.learningRate());
                gen.writeNumberField("beta1", a.beta1());
                gen.writeNumberField("beta2", a.beta2());
                gen.writeNumberField("epsilon", a.epsilon());
            }
            gen.writeEndObject();
        }
    }

    private static final class OptimizerDeserializer extends JsonDeserializer<OptimizerSpec> {
        @Override
        public OptimizerSpec deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode n = p.readValueAsTree();
            try {
                float rate = real(n, "learningRate");
                return switch (n.path("type").asText()) {
                    case "rmsprop" -> new OptimizerSpec.RmsProp(rate, real(n, "decay"), real(n, "epsilon"));
                    case "sgd-momentum" ->
                        new OptimizerSpec.SgdMomentum(
                                rate,
                                real(n, "momentum"),
                                whole(n.get("decaySteps"), "decaySteps"),
                                n.has("weightDecay") ? real(n, "weightDecay") : 0f);
                    case "adam" -> new OptimizerSpec.Adam(rate, real(n, "beta1"), real(n, "beta2"), real(n, "epsilon"));
                    case "adamw" ->
                        new OptimizerSpec.AdamW(
                                rate, real(n, "beta1"), real(n, "beta2"), real(n, "epsilon"), real(n, "weightDecay"));
                    default ->
                        throw new IllegalArgumentException("unknown optimizer type '"
                                + n.path("type").asText() + "': expected rmsprop, sgd-momentum, adam or adamw");
                };
            } catch (IllegalArgumentException e) {
                return (OptimizerSpec) ctxt.handleWeirdStringValue(
                        OptimizerSpec.class, n.toString(), "invalid optimizer: %s", e.getMessage());
            }
        }

        private static float real(JsonNode n, String field) {
            JsonNode v = n.get(field);
            if (v == null || !v.isNumber()) {
                throw new IllegalArgumentException(field + " must be a number");
            }
            return v.floatValue();
        }
    }
}
