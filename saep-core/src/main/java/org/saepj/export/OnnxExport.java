package org.saepj.export;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.saepj.BuildInfo;
import org.saepj.data.Shape;
import org.saepj.data.preprocess.Columns;
import org.saepj.engine.Network;
import org.saepj.engine.layer.LayerGraph;
import org.saepj.engine.layer.LayerKinds;
import org.saepj.engine.layer.LayerSpec;
import org.saepj.persistence.AtomicFiles;
import org.saepj.persistence.EnsembleManifest;
import org.saepj.persistence.JsonFormat;
import org.saepj.persistence.SavedEnsemble;

/**
 * A saved ensemble as one ONNX graph (opset {@value #OPSET}): input {@code input}, float {@code [N, features]}, the
 * values as the data file holds them (pixels 0–255, CSV features in the manifest's order) — or, for a table with text
 * (boolean or categorical) columns, one input per column named after it ({@link Columns#onnxInputs}: float
 * {@code [N, 1]} for a numeric column, NaN for a gap; string {@code [N, 1]} for a text column, empty for a gap; the
 * ONNX-ML operator set is imported then); then the ensemble's
 * preprocessing (its steps' nodes: ÷255, (x − mean)/deviation...), every member, and Σ w_j·h_j (divided by the
 * temperature when the ensemble has one); outputs
 * {@code logits} {@code [N, classes]} and {@code probabilities} (their
 * softmax). The class names, preprocessing and feature names are in the model's
 * metadata. Each member's nodes are its layers' kinds' ({@link org.saepj.engine.layer.LayerKind#onnx}); they keep the
 * engine's layouts: images are H×W×C, so a convolution's input is transposed to NCHW and back before flattening, and
 * dense weights are [in][out] (Gemm without transposition).
 */
public final class OnnxExport {
    /** The operator set the graph uses. */
    public static final int OPSET = 13;
    /** ONNX's IR version for the graph (8: supported by ONNX Runtime 1.10 and later). */
    public static final int IR_VERSION = 8;

    private OnnxExport() {}

    /**
     * @param ensemble a saved ensemble
     * @param file where the .onnx file goes (written atomically)
     */
    public static void write(SavedEnsemble ensemble, Path file) {
        byte[] model = toBytes(ensemble);
        AtomicFiles.write(file, out -> out.write(model));
    }

    /**
     * @param ensemble a saved ensemble
     * @return the serialised ONNX ModelProto
     */
    public static byte[] toBytes(SavedEnsemble ensemble) {
        EnsembleManifest m = ensemble.manifest();
        int[] shape = m.inputShape();
        int features = shape[0] * shape[1] * shape[2];
        int classes = m.classNames().size();
        OnnxGraph g = new OnnxGraph();
        int raw = m.preprocessing().rawWidth(features); // a table's columns, before indicators and one-hot columns
        Optional<Columns> text = textColumns(m);
        String x;
        if (text.isPresent()) {
            // text does not fit one float tensor: one input per column, then the steps after the columns step
            x = m.preprocessing().onnxAfter(g, text.get(), text.get().onnxInputs(g, "N"), raw);
        } else {
            g.input("input", "N", raw);
            x = m.preprocessing().onnx(g, "input", raw);
        }
        double[] weights = ensemble.weights();
        String sum = null;
        for (int j = 0; j < ensemble.networks().size(); j++) {
            String h = member(g, ensemble.networks().get(j), x, shape);
            // Σ w_j·h_j in member order, each product rounded to float as Logits.combine does.
            String wh = g.node("Mul", List.of(h, g.floats("weight", new float[] {(float) weights[j]})));
            sum = sum == null ? wh : g.node("Add", List.of(sum, wh));
        }
        if (m.target() != null) {
            // the output back in the target's unit: mean + scale · z, as SavedEnsemble.predictValues computes it
            String scaled = g.node("Mul", List.of(sum, g.floats("scale", new float[] {
                (float) m.target().scale()
            })));
            sum = g.node("Add", List.of(scaled, g.floats("mean", new float[] {
                (float) m.target().mean()
            })));
        }
        if (m.temperature() != null) {
            // temperature scaling: the logits ÷ T before the softmax, in float as SavedEnsemble.combine divides them
            sum = g.node("Div", List.of(sum, g.floats("temperature", new float[] {
                (float) m.temperature().doubleValue()
            })));
        }
        ensemble.task().exportHead(g, sum, classes);
        ProtoMessage model = new ProtoMessage()
                .int64(1, IR_VERSION)
                .string(2, "saep-j")
                .string(3, BuildInfo.version())
                .message(7, g.proto("saep_ensemble"))
                .message(8, new ProtoMessage().string(1, "").int64(2, OPSET));
        if (g.usesMl()) {
            model.message(8, new ProtoMessage().string(1, OnnxGraph.ML_DOMAIN).int64(2, OnnxGraph.ML_OPSET));
        }
        metadata(model, "class_names", json(m.classNames()));
        metadata(model, "preprocessing", String.join(",", m.preprocessing().types()));
        metadata(model, "input_shape_hwc", json(List.of(shape[0], shape[1], shape[2])));
        if (m.featureNames() != null) {
            metadata(model, "feature_names", json(m.featureNames()));
        }
        metadata(model, "members", Integer.toString(ensemble.networks().size()));
        return model.toByteArray();
    }

    /**
     * @param m a saved ensemble's manifest
     * @return its table's columns step when a column holds text: then the graph takes one input per column
     */
    public static Optional<Columns> textColumns(EnsembleManifest m) {
        return m.preprocessing().find(Columns.TYPE).map(Columns.class::cast).filter(Columns::readsText);
    }

    private static void metadata(ProtoMessage model, String key, String value) {
        model.message(14, new ProtoMessage().string(1, key).string(2, value));
    }

    private static String json(Object value) {
        try {
            return JsonFormat.mapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a list of strings always serialises", e);
        }
    }

    /**
     * One member's graph as nodes, each written by its layer's kind. A tensor is [N, F] flat, or NCHW from a
     * convolution
     * or pooling until something needs it flat again.
     */
    private static String member(OnnxGraph g, Network net, String input, int[] hwc) {
        LayerGraph graph = net.graph();
        List<OnnxGraph.Value> values = new ArrayList<>();
        OnnxGraph.Value in = new OnnxGraph.Value(input, new Shape(hwc[0], hwc[1], hwc[2]), false);
        for (int i = 0; i < graph.nodes().size(); i++) {
            List<OnnxGraph.Value> inputs = new ArrayList<>();
            for (int k : graph.inputsOf(i)) {
                inputs.add(k < 0 ? in : values.get(k));
            }
            LayerSpec spec = graph.nodes().get(i).spec();
            values.add(LayerKinds.of(spec).onnx(spec, g, inputs, net.layers().get(i), net.parameters(), net.state()));
        }
        return g.flat(values.get(values.size() - 1)).name();
    }
}
