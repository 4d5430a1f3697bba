package org.saepj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.saepj.data.Shape;
import org.saepj.data.preprocess.Pipeline;
import org.saepj.data.preprocess.Scale;
import org.saepj.engine.GraphArchitecture;
import org.saepj.engine.Network;
import org.saepj.engine.kernel.KernelsProvider;
import org.saepj.engine.kernel.Winograd;
import org.saepj.engine.layer.AddKind;
import org.saepj.engine.layer.AvgPoolKind;
import org.saepj.engine.layer.BatchNormKind;
import org.saepj.engine.layer.ConcatKind;
import org.saepj.engine.layer.Conv2DKind;
import org.saepj.engine.layer.DenseKind;
import org.saepj.engine.layer.DropoutKind;
import org.saepj.engine.layer.FlattenKind;
import org.saepj.engine.layer.GeluKind;
import org.saepj.engine.layer.GlobalAvgPoolKind;
import org.saepj.engine.layer.LayerGraph;
import org.saepj.engine.layer.LayerGraph.Node;
import org.saepj.engine.layer.LayerSpec;
import org.saepj.engine.layer.MaxPoolKind;
import org.saepj.engine.layer.PeriodicEmbeddingKind;
import org.saepj.engine.layer.ReluKind;
import org.saepj.engine.layer.SiluKind;
import org.saepj.engine.optim.OptimizerSpec;
import org.saepj.export.OnnxExport;
import org.saepj.persistence.EnsembleManifest;
import org.saepj.persistence.MemberRecord;
import org.saepj.persistence.SavedEnsemble;
import org.saepj.search.Mixture;
import org.saepj.task.ClassificationTask;

/**
 * The ONNX nodes of the layer kinds beyond the paper's, run in ONNX Runtime: a graph with a residual add of
 * convolutions, a concatenation of image tensors, batch normalisation of images and of vectors (trained, so its running
 * statistics matter) and a concatenation of vectors gives the engine's inference logits within 1e-4; so does a graph of
 * the activations, pools and dropout of issue 27, and one of PLR numeric embeddings.
 */
class GraphOnnxTest {
    private static Node node(String id, LayerSpec spec, String... inputs) {
        return new Node(id, spec, List.of(inputs));
    }

    @Test
    void aGraphWithMergesAndBatchNormRunsInOnnxRuntimeAsInTheEngine() throws Exception {
        Shape image = new Shape(6, 6, 1);
        BatchNormKind.Spec bn = BatchNormKind.Spec.defaults();
        LayerGraph graph = new LayerGraph(
                image,
                List.of(
                        node("stem", new Conv2DKind.Spec(3, 3), "input"),
                        node("stem_bn", bn, "stem"),
                        node("x", new ReluKind.Spec(), "stem_bn"),
                        node("a", new Conv2DKind.Spec(3, 3), "x"),
                        node("sum", new AddKind.Spec(), "x", "a"),
                        node("side", new Conv2DKind.Spec(2, 5), "input"),
                        node("join", new ConcatKind.Spec(), "sum", "side"),
                        node("pool", new MaxPoolKind.Spec(), "join"),
                        node("flat", new FlattenKind.Spec(), "pool"),
                        node("hidden", new DenseKind.Spec(8), "flat"),
                        node("hidden_bn", bn, "hidden"),
                        node("hidden_relu", new ReluKind.Spec(), "hidden_bn"),
                        node("raw", new FlattenKind.Spec(), "input"),
                        node("wide", new DenseKind.Spec(4), "raw"),
                        node("features", new ConcatKind.Spec(), "hidden_relu", "wide"),
                        node("head", new DenseKind.Spec(3), "features")));
        assertRunsInOnnxRuntimeAsInTheEngine(graph);
    }

    /**
     * The kinds of issue 27: gelu, avg_pool, silu, dropout and global_avg_pool on channels-first images, and gelu,
     * silu and dropout on vectors. Trained with dropout active; the export writes inference, where it is the
     * identity.
     */
    @Test
    void activationsPoolsAndDropoutRunInOnnxRuntimeAsInTheEngine() throws Exception {
        LayerGraph graph = new LayerGraph(
                new Shape(6, 6, 1),
                List.of(
                        node("conv", new Conv2DKind.Spec(4, 3), "input"),
                        node("gelu", new GeluKind.Spec(), "conv"),
                        node("avg", new AvgPoolKind.Spec(), "gelu"),
                        node("silu", new SiluKind.Spec(), "avg"),
                        node("drop", new DropoutKind.Spec(0.2), "silu"),
                        node("gap", new GlobalAvgPoolKind.Spec(), "drop"),
                        node("raw", new FlattenKind.Spec(), "input"),
                        node("wide", new DenseKind.Spec(6), "raw"),
                        node("wide_gelu", new GeluKind.Spec(), "wide"),
                        node("wide_silu", new SiluKind.Spec(), "wide_gelu"),
                        node("wide_drop", new DropoutKind.Spec(0.5), "wide_silu"),
                        node("features", new ConcatKind.Spec(), "gap", "wide_drop"),
                        node("head", new DenseKind.Spec(3), "features")));
        assertRunsInOnnxRuntimeAsInTheEngine(graph);
    }

    /**
     * Convolutions of every new setting, as explicit ONNX pads and strides: a 7×7 stride-2 same stem on a 13×12 image
     * (the width's odd zero column after the input), a 1×1 stride-1 convolution (one product in the engine), then
     * three branches concatenated: a 3×3 stride-2 valid, a 1×1 stride-2 projection and a 5×5 valid convolution.
     */
    @Test
    void stridedValidAndPointwiseConvolutionsRunInOnnxRuntimeAsInTheEngine() throws Exception {
        LayerGraph graph = new LayerGraph(
                new Shape(13, 12, 1),
                List.of(
                        node("stem", new Conv2DKind.Spec(4, 7, 2, Conv2DKind.SAME), "input"),
                        node("pointwise", new Conv2DKind.Spec(6, 1), "stem"),
                        node("act", new ReluKind.Spec(), "pointwise"),
                        node("down", new Conv2DKind.Spec(4, 3, 2, Conv2DKind.VALID), "act"),
                        node("down_flat", new FlattenKind.Spec(), "down"),
                        node("proj", new Conv2DKind.Spec(3, 1, 2, Conv2DKind.SAME), "act"),
                        node("proj_flat", new FlattenKind.Spec(), "proj"),
                        node("valid", new Conv2DKind.Spec(2, 5, 1, Conv2DKind.VALID), "act"),
                        node("valid_flat", new FlattenKind.Spec(), "valid"),
                        node("features", new ConcatKind.Spec(), "down_flat", "proj_flat", "valid_flat"),
                        node("head", new DenseKind.Spec(3), "features")));
        assertThat(graph.shape(3)).isEqualTo(new Shape(3, 2, 4));
        assertThat(graph.shape(5)).isEqualTo(new Shape(4, 3, 3));
        assertThat(graph.shape(7)).isEqualTo(new Shape(3, 2, 2));
        assertRunsInOnnxRuntimeAsInTheEngine(graph);
    }

    /**
     * Filters past the last whole vector (16 + 8 of 24 at 512 bits, and 12 after 24 channels: the planes' rounded
     * tail filters, fused with their batch norm and ReLU in inference) and a dense layer of 20 (its product's four tail
     * columns sixteen rows at a time).
     */
    @Test
    void convolutionsOfFiltersPastWholeVectorsRunInOnnxRuntimeAsInTheEngine() throws Exception {
        BatchNormKind.Spec bn = BatchNormKind.Spec.defaults();
        LayerGraph graph = new LayerGraph(
                new Shape(6, 6, 1),
                List.of(
                        node("stem", new Conv2DKind.Spec(8, 3), "input"),
                        node("stem_act", new ReluKind.Spec(), "stem"),
                        node("wide", new Conv2DKind.Spec(24, 3), "stem_act"),
                        node("wide_bn", bn, "wide"),
                        node("wide_act", new ReluKind.Spec(), "wide_bn"),
                        node("narrow", new Conv2DKind.Spec(12, 3), "wide_act"),
                        node("flat", new FlattenKind.Spec(), "narrow"),
                        node("hidden", new DenseKind.Spec(20), "flat"),
                        node("hidden_act", new ReluKind.Spec(), "hidden"),
                        node("head", new DenseKind.Spec(3), "hidden_act")));
        assertRunsInOnnxRuntimeAsInTheEngine(graph);
    }

    /**
     * A residual block of 16 channels and a 16 → 32 convolution on a 6 × 6 image: 3×3 stride-1 convolutions that the
     * engine runs as Winograd's F(2×2, 3×3) in training and, fused with their batch norm and ReLU, in inference; ONNX
     * Runtime's Conv computes them directly.
     */
    @Test
    void winogradConvolutionsRunInOnnxRuntimeAsInTheEngine() throws Exception {
        assertThat(Winograd.takes(3, 1, true, 6, 6, 16, 16)).isTrue();
        assertThat(Winograd.takes(3, 1, true, 6, 6, 16, 32)).isTrue();
        BatchNormKind.Spec bn = BatchNormKind.Spec.defaults();
        LayerGraph graph = new LayerGraph(
                new Shape(6, 6, 1),
                List.of(
                        node("stem", new Conv2DKind.Spec(16, 3), "input"),
                        node("stem_bn", bn, "stem"),
                        node("x", new ReluKind.Spec(), "stem_bn"),
                        node("a", new Conv2DKind.Spec(16, 3), "x"),
                        node("a_bn", bn, "a"),
                        node("a_act", new ReluKind.Spec(), "a_bn"),
                        node("b", new Conv2DKind.Spec(16, 3), "a_act"),
                        node("sum", new AddKind.Spec(), "x", "b"),
                        node("wide", new Conv2DKind.Spec(32, 3), "sum"),
                        node("wide_act", new ReluKind.Spec(), "wide"),
                        node("pool", new MaxPoolKind.Spec(), "wide_act"),
                        node("flat", new FlattenKind.Spec(), "pool"),
                        node("head", new DenseKind.Spec(3), "flat")));
        assertRunsInOnnxRuntimeAsInTheEngine(graph);
    }

    /**
     * PLR numeric embeddings on a table's rows: periodic_embedding (Reshape, Mul, Cos, Sin, Concat, a batched MatMul,
     * Add) → relu → dense, beside a plain dense path; trained, so the frequencies moved from their start.
     */
    @Test
    void periodicEmbeddingsRunInOnnxRuntimeAsInTheEngine() throws Exception {
        LayerGraph graph = new LayerGraph(
                Shape.vector(6),
                List.of(
                        node("embed", new PeriodicEmbeddingKind.Spec(4, 3, 0.5), "input"),
                        node("plr", new ReluKind.Spec(), "embed"),
                        node("hidden", new DenseKind.Spec(8), "plr"),
                        node("wide", new DenseKind.Spec(4), "input"),
                        node("features", new ConcatKind.Spec(), "hidden", "wide"),
                        node("head", new DenseKind.Spec(3), "features")));
        assertRunsInOnnxRuntimeAsInTheEngine(graph);
    }

    /** Trains the graph's network a little, exports it and compares ONNX Runtime's logits with the engine's. */
    private static void assertRunsInOnnxRuntimeAsInTheEngine(LayerGraph graph) throws Exception {
        Shape image = graph.input();
        GraphArchitecture arch = GraphArchitecture.of(graph);
        Network net = new Network(arch, KernelsProvider.best()).initialize(3);
        int n = 16;
        SplittableRandom rng = new SplittableRandom(4);
        float[] raw = new float[n * image.size()];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = rng.nextInt(256);
        }
        float[] x = new float[raw.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = raw[i] / 255f;
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = rng.nextInt(3);
        }
        var opt = new OptimizerSpec.Adam(0.01f).create(net.parameterCount());
        for (int s = 0; s < 20; s++) {
            net.trainStep(
                    x,
                    ClassificationTask.crossEntropy(labels, net.architecture().classes()),
                    n,
                    opt);
        }
        float[] ours = net.forward(x, n).clone();

        MemberRecord member =
                new MemberRecord(0, 0, "g", 3L, arch, null, null, 1.0, (long) net.parameterCount(), null, null);
        EnsembleManifest manifest = new EnsembleManifest(
                3,
                new int[] {image.height(), image.width(), image.channels()},
                List.of("a", "b", "c"),
                new Pipeline(List.of(new Scale())),
                List.of(member),
                Mixture.UNIFORM,
                null,
                null,
                null,
                null,
                null);
        byte[] model = OnnxExport.toBytes(new SavedEnsemble(manifest, List.of(net)));
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(model, new OrtSession.SessionOptions());
                OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(raw), new long[] {n, image.size()});
                OrtSession.Result result = session.run(Map.of("input", input))) {
            float[][] logits = (float[][]) result.get("logits").orElseThrow().getValue();
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < 3; k++) {
                    assertThat((double) logits[i][k])
                            .as("sample " + i + " logit " + k)
                            .isCloseTo(ours[i * 3 + k], org.assertj.core.data.Offset.offset(1e-4));
                }
            }
        }
    }
}
