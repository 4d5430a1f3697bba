package org.saepj.export;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.saepj.BuildInfo;
import org.saepj.SaepException;
import org.saepj.engine.Network;
import org.saepj.engine.layer.Conv2D;
import org.saepj.engine.layer.Dense;
import org.saepj.engine.layer.Flatten;
import org.saepj.engine.layer.Layer;
import org.saepj.engine.layer.MaxPool2;
import org.saepj.engine.layer.Relu;
import org.saepj.persistence.AtomicFiles;
import org.saepj.persistence.EnsembleManifest;
import org.saepj.persistence.JsonFormat;
import org.saepj.persistence.SavedEnsemble;

/**
 * A saved ensemble as one ONNX graph (opset {@value #OPSET}): input {@code input}, float {@code [N, features]}, the
 * values as the data file holds them (pixels 0–255, CSV features in the manifest's order); then the ensemble's
 * preprocessing (÷255, or (x − mean)/deviation), every member, and Σ w_j·h_j; outputs {@code logits} {@code [N, classes]}
 * and {@code probabilities} (their softmax). The class names, preprocessing and feature names are in the model's
 * metadata. Members keep the engine's layouts: images are H×W×C, so a convolution's input is transposed to NCHW and
 * back before flattening, and dense weights are [in][out] (Gemm without transposition).
 */
public final class OnnxExport {
    /** The operator set the graph uses. */
    public static final int OPSET = 13;
    /** ONNX's IR version for the graph (8: supported by ONNX Runtime 1.10 and later). */
    public static final int IR_VERSION = 8;

    private OnnxExport() {
    }

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
        g.input("input", "N", features);
        String x = preprocess(g, m, features);
        double[] weights = ensemble.weights();
        String sum = null;
        for (int j = 0; j < ensemble.networks().size(); j++) {
            String h = member(g, ensemble.networks().get(j), x, shape);
            // Σ w_j·h_j in member order, each product rounded to float as Logits.combine does.
            String wh = g.node("Mul", List.of(h, g.floats("weight", new float[] {(float) weights[j]})));
            sum = sum == null ? wh : g.node("Add", List.of(sum, wh));
        }
        g.node("Identity", List.of(sum), "logits");
        g.node("Softmax", List.of("logits"), "probabilities", OnnxGraph.Attribute.of("axis", 1));
        g.output("logits", "N", classes);
        g.output("probabilities", "N", classes);
        ProtoMessage model = new ProtoMessage().int64(1, IR_VERSION).string(2, "saep-j").string(3, BuildInfo.version())
                .message(7, g.proto("saep_ensemble")).message(8, new ProtoMessage().string(1, "").int64(2, OPSET));
        metadata(model, "class_names", json(m.classNames()));
        metadata(model, "preprocessing", m.preprocessing().type());
        metadata(model, "input_shape_hwc", json(List.of(shape[0], shape[1], shape[2])));
        if (m.featureNames() != null) {
            metadata(model, "feature_names", json(m.featureNames()));
        }
        metadata(model, "members", Integer.toString(ensemble.networks().size()));
        return model.toByteArray();
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

    private static String preprocess(OnnxGraph g, EnsembleManifest m, int features) {
        EnsembleManifest.Preprocessing p = m.preprocessing();
        return switch (p.type()) {
            case "scale" -> g.node("Div", List.of("input", g.floats("scale", new float[] {org.saepj.data.Dataset.PIXEL_MAX})));
            case "standardize" -> g.node("Div", List.of(g.node("Sub", List.of("input", g.floats("mean", p.mean(), features))),
                    g.floats("deviation", p.deviation(), features)));
            default -> throw new SaepException("the ensemble's preprocessing '" + p.type() + "' has no ONNX form");
        };
    }

    /** One member's layers as nodes; the tensor is [N, F] flat, or NCHW between convolution and flattening. */
    private static String member(OnnxGraph g, Network net, String input, int[] hwc) {
        float[] params = net.parameters();
        String x = input;
        boolean image = false;
        int h = hwc[0];
        int w = hwc[1];
        int c = hwc[2];
        for (Layer layer : net.layers()) {
            if (layer instanceof Conv2D conv) {
                if (!image) {
                    x = g.node("Transpose", List.of(g.node("Reshape", List.of(x, g.longs("hwc", -1, h, w, c)))),
                            OnnxGraph.Attribute.ints("perm", 0, 3, 1, 2));
                    image = true;
                }
                int k = conv.kernel();
                int f = conv.filters();
                int weights = k * k * c * f;
                String kernel = g.floats("conv_w", oihw(params, conv.offset(), k, c, f), f, c, k, k);
                String bias = g.floats("conv_b", Arrays.copyOfRange(params, conv.offset() + weights, conv.offset() + weights + f), f);
                x = g.node("Conv", List.of(x, kernel, bias), OnnxGraph.Attribute.ints("kernel_shape", k, k),
                        OnnxGraph.Attribute.ints("pads", k / 2, k / 2, k / 2, k / 2), OnnxGraph.Attribute.ints("strides", 1, 1));
                c = f;
            } else if (layer instanceof MaxPool2) {
                x = g.node("MaxPool", List.of(x), OnnxGraph.Attribute.ints("kernel_shape", 2, 2), OnnxGraph.Attribute.ints("strides", 2, 2));
                h /= 2;
                w /= 2;
            } else if (layer instanceof Relu) {
                x = g.node("Relu", List.of(x));
            } else if (layer instanceof Flatten) {
                if (image) {
                    // Back to H×W×C order, which the dense weights after it expect.
                    x = g.node("Transpose", List.of(x), OnnxGraph.Attribute.ints("perm", 0, 2, 3, 1));
                    image = false;
                }
                x = g.node("Flatten", List.of(x), OnnxGraph.Attribute.of("axis", 1));
            } else if (layer instanceof Dense dense) {
                int in = dense.inputSize();
                int out = dense.outputSize();
                String weight = g.floats("dense_w", Arrays.copyOfRange(params, dense.offset(), dense.offset() + in * out), in, out);
                String bias = g.floats("dense_b", Arrays.copyOfRange(params, dense.offset() + in * out, dense.offset() + in * out + out), out);
                x = g.node("Gemm", List.of(x, weight, bias));
            } else {
                throw new SaepException("layer " + layer + " has no ONNX form");
            }
        }
        return x;
    }

    /** The engine's [ky][kx][cin][cout] kernel as ONNX's [cout][cin][ky][kx]. */
    private static float[] oihw(float[] params, int offset, int k, int cin, int cout) {
        float[] out = new float[k * k * cin * cout];
        for (int ky = 0; ky < k; ky++) {
            for (int kx = 0; kx < k; kx++) {
                for (int i = 0; i < cin; i++) {
                    for (int o = 0; o < cout; o++) {
                        out[((o * cin + i) * k + ky) * k + kx] = params[offset + ((ky * k + kx) * cin + i) * cout + o];
                    }
                }
            }
        }
        return out;
    }
}
