package org.saepj.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.saepj.data.Shape;
import org.saepj.engine.kernel.Kernels;
import org.saepj.engine.kernel.KernelsProvider;
import org.saepj.engine.layer.AddKind;
import org.saepj.engine.layer.ConcatKind;
import org.saepj.engine.layer.Conv2D;
import org.saepj.engine.layer.Conv2DKind;
import org.saepj.engine.layer.Dense;
import org.saepj.engine.layer.DenseKind;
import org.saepj.engine.layer.Flatten;
import org.saepj.engine.layer.FlattenKind;
import org.saepj.engine.layer.Layer;
import org.saepj.engine.layer.LayerGraph;
import org.saepj.engine.layer.LayerGraph.Node;
import org.saepj.engine.layer.LayerSpec;
import org.saepj.engine.layer.MaxPool2;
import org.saepj.engine.layer.MaxPoolKind;
import org.saepj.engine.layer.Relu;
import org.saepj.engine.layer.ReluKind;
import org.saepj.engine.optim.Optimizer;
import org.saepj.engine.optim.OptimizerSpec;
import org.saepj.persistence.JsonFormat;
import org.saepj.task.ClassificationTask;
import org.saepj.task.SoftmaxCrossEntropy;

/**
 * Layer graphs: validation with messages naming the node, residual and concatenating graphs that train and whose
 * gradients agree with finite differences (shared outputs receive the sum of their readers' gradients), the stored
 * form by type name, and the paper's families as graphs of exactly the layers they had.
 */
class LayerGraphTest {
    private static final int BATCH = 3;

    private static Node node(String id, LayerSpec spec, String... inputs) {
        return new Node(id, spec, List.of(inputs));
    }

    private static DenseKind.Spec dense(int units) {
        return new DenseKind.Spec(units);
    }

    private static ReluKind.Spec relu() {
        return new ReluKind.Spec();
    }

    /**
     * {@code stem → relu x → dense → relu → dense → add(x) → dense}: x is read twice, so its gradient is a sum.
     */
    static LayerGraph residual() {
        return new LayerGraph(
                Shape.vector(5),
                List.of(
                        node("stem", dense(6), "input"),
                        node("x", relu(), "stem"),
                        node("a", dense(6), "x"),
                        node("a_relu", relu(), "a"),
                        node("b", dense(6), "a_relu"),
                        node("sum", new AddKind.Spec(), "x", "b"),
                        node("head", dense(4), "sum")));
    }

    /**
     * Two convolutions of the image and a third of the first, joined along the channels, then pooled and classified.
     */
    static LayerGraph concatenating() {
        return new LayerGraph(
                new Shape(6, 6, 2),
                List.of(
                        node("c1", new Conv2DKind.Spec(3, 3), "input"),
                        node("c2", new Conv2DKind.Spec(2, 5), "input"),
                        node("c3", new Conv2DKind.Spec(2, 3), "c1"),
                        node("join", new ConcatKind.Spec(), "c1", "c2", "c3"),
                        node("pool", new MaxPoolKind.Spec(), "join"),
                        node("flat", new FlattenKind.Spec(), "pool"),
                        node("hidden", dense(5), "flat"),
                        node("hidden_relu", relu(), "hidden"),
                        node("side", dense(5), "flat"),
                        node("features", new ConcatKind.Spec(), "hidden_relu", "side"),
                        node("head", dense(4), "features")));
    }

    @Test
    void validationNamesTheNodeAndTheProblem() {
        Shape in = Shape.vector(4);
        assertThatThrownBy(() -> new LayerGraph(
                        in, List.of(node("a", dense(4), "b"), node("b", relu(), "a"), node("c", dense(2), "b"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cycle: a reads b reads a");
        assertThatThrownBy(() -> new LayerGraph(in, List.of(node("a", dense(4), "nowhere"))))
                .hasMessageContaining("node 'a' reads 'nowhere', which is neither 'input' nor a node of the graph");
        assertThatThrownBy(() -> new LayerGraph(in, List.of(node("a", dense(4), "input"), node("a", dense(2), "a"))))
                .hasMessageContaining("node id 'a' is used twice (nodes 0 and 1)");
        assertThatThrownBy(() -> new LayerGraph(in, List.of(node("b", dense(2), "a"), node("a", dense(4), "input"))))
                .hasMessageContaining("node 'b' reads 'a', which comes after it: list the nodes in topological order");
        assertThatThrownBy(() ->
                        new LayerGraph(in, List.of(node("a", dense(4), "input"), node("b", dense(2), "input"))))
                .hasMessageContaining("exactly one output")
                .hasMessageContaining("nodes a, b are read by no other node");
        assertThatThrownBy(() -> new LayerGraph(
                        in, List.of(node("a", dense(3), "input"), node("sum", new AddKind.Spec(), "a", "input"))))
                .hasMessageContaining("node 'sum': add needs inputs of one shape, got 1×1×3 and 1×1×4");
        assertThatThrownBy(() -> new LayerGraph(
                        new Shape(4, 4, 1),
                        List.of(
                                node("p", new MaxPoolKind.Spec(), "input"),
                                node("join", new ConcatKind.Spec(), "p", "input"))))
                .hasMessageContaining("node 'join': concat needs inputs of one height and width, got 2×2×1 and 4×4×1");
        assertThatThrownBy(() -> new LayerGraph(in, List.of(node("sum", new AddKind.Spec(), "input"))))
                .hasMessageContaining("node 'sum' (add) reads 1 inputs: add needs at least 2");
        assertThatThrownBy(() ->
                        new LayerGraph(in, List.of(node("a", dense(3), "input"), node("b", dense(3), "a", "input"))))
                .hasMessageContaining("node 'b' (dense) reads 2 inputs: dense reads exactly 1");
        assertThatThrownBy(() -> new LayerGraph(
                        in, List.of(node("a", dense(3), "input"), node("s", new AddKind.Spec(), "a", "a"))))
                .hasMessageContaining("node 's' reads 'a' twice");
        assertThatThrownBy(() -> new LayerGraph(in, List.of(node("input", dense(3), "input"))))
                .hasMessageContaining("the id 'input' names the graph's input");
        assertThatThrownBy(() -> new LayerGraph(new Shape(4, 4, 1), List.of(node("d", dense(3), "input"))))
                .hasMessageContaining("node 'd': dense needs a flat input, got 4×4×1: put a flatten before it");
        assertThatThrownBy(() -> new GraphArchitecture(
                        new LayerGraph(new Shape(4, 4, 1), List.of(node("r", relu(), "input"))), "g", 0, 0))
                .hasMessageContaining("ends in a vector of the task's outputs")
                .hasMessageContaining("got 4×4×1");
    }

    @Test
    void graphsInferShapesAndCountParametersWithoutBuilding() {
        LayerGraph g = concatenating();
        assertThat(g.shape(3)).isEqualTo(new Shape(6, 6, 7));
        assertThat(g.output()).isEqualTo(Shape.vector(4));
        assertThat(g.isChain()).isFalse();
        long built = 0;
        for (Layer l : g.layers(KernelsProvider.scalar())) {
            built += l.parameterCount();
        }
        assertThat(g.parameterCount())
                .isEqualTo(built)
                .isEqualTo(new Network(GraphArchitecture.of(g), KernelsProvider.scalar()).parameterCount());
        assertThat(GraphArchitecture.of(residual()).depth()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"scalar", "vector"})
    void residualAndConcatenatingGraphsAgreeWithFiniteDifferences(String kernels) {
        for (LayerGraph g : List.of(residual(), concatenating())) {
            GraphArchitecture arch = GraphArchitecture.of(g);
            Network net = new Network(arch, GradientCheckTest.kernels(kernels)).initialize(11);
            SplittableRandom rng = new SplittableRandom(12);
            float[] x = GradientCheckTest.awayFromKinks(BATCH * arch.input().size(), rng);
            int[] labels = {0, 3, 2};
            net.lossAndGradients(
                    x,
                    ClassificationTask.crossEntropy(labels, net.architecture().classes()),
                    BATCH);
            float[] grads = net.gradients().clone();
            float[] params = net.parameters();
            float h = 3e-3f;
            for (int t = 0; t < 60; t++) {
                int p = rng.nextInt(params.length);
                float keep = params[p];
                params[p] = keep + h;
                double plus = SoftmaxCrossEntropy.meanLoss(net.forward(x, BATCH), labels, arch.classes());
                params[p] = keep - h;
                double minus = SoftmaxCrossEntropy.meanLoss(net.forward(x, BATCH), labels, arch.classes());
                params[p] = keep;
                GradientCheckTest.assertGradient(arch + " parameter " + p, grads[p], (plus - minus) / (2 * h));
            }
        }
    }

    @Test
    void residualAndConcatenatingGraphsTrain() {
        for (LayerGraph g : List.of(residual(), concatenating())) {
            GraphArchitecture arch = GraphArchitecture.of(g);
            Network net = new Network(arch, KernelsProvider.best()).initialize(5);
            SplittableRandom rng = new SplittableRandom(6);
            int batch = 16;
            float[] x = GradientCheckTest.awayFromKinks(batch * arch.input().size(), rng);
            int[] labels = new int[batch];
            for (int i = 0; i < batch; i++) {
                labels[i] = rng.nextInt(arch.classes());
            }
            Optimizer opt = new OptimizerSpec.Adam(0.01f).create(net.parameterCount());
            float first = net.trainStep(
                    x,
                    ClassificationTask.crossEntropy(labels, net.architecture().classes()),
                    batch,
                    opt);
            float last = first;
            for (int s = 0; s < 60; s++) {
                last = net.trainStep(
                        x,
                        ClassificationTask.crossEntropy(
                                labels, net.architecture().classes()),
                        batch,
                        opt);
            }
            assertThat(last).as(arch + ": loss after 60 steps on one batch").isLessThan(first / 2);
        }
    }

    @Test
    void aGraphArchitectureIsStoredByTypeNameAndReadBack() throws Exception {
        for (LayerGraph g : List.of(residual(), concatenating())) {
            Architecture arch = new GraphArchitecture(g, "mixed", 2, 1.5);
            String json = JsonFormat.mapper().writeValueAsString(arch);
            assertThat(json)
                    .contains("\"type\" : \"graph\"")
                    .contains("\"kind\" : \"mixed\"")
                    .doesNotContain("org.saepj")
                    .doesNotContain("Spec");
            Architecture back = JsonFormat.mapper().readValue(json, Architecture.class);
            assertThat(back).isEqualTo(arch);
            assertThat(JsonFormat.mapper().writeValueAsString(back)).isEqualTo(json);
        }
        String dense =
                JsonFormat.mapper().writeValueAsString(residual().nodes().get(0).spec());
        assertThat(JsonFormat.mapper().readTree(dense))
                .isEqualTo(JsonFormat.mapper().readTree("{\"type\": \"dense\", \"units\": 6}"));
    }

    @Test
    void aGraphWithoutMeasuresIsWeighedAsADnn() throws Exception {
        String json = """
                {"type": "graph", "input": [1, 1, 3], "classes": 2, "nodes": [
                  {"id": "h", "layer": {"type": "dense", "units": 4}, "inputs": ["input"]},
                  {"id": "r", "layer": {"type": "relu"}, "inputs": ["h"]},
                  {"id": "out", "layer": {"type": "dense", "units": 2}, "inputs": ["r"]}]}
                """;
        Architecture a = JsonFormat.mapper().readValue(json, Architecture.class);
        assertThat(a.kind()).isEqualTo("graph");
        assertThat(a.depth()).isEqualTo(1);
        assertThat(a.complexity()).isEqualTo(1.0);
        assertThat(a.parameterCount()).isEqualTo(3 * 4 + 4 + 4 * 2 + 2);
    }

    @Test
    void anUnknownLayerTypeIsRefusedNamingItAndTheKnownTypes() {
        String json = """
                {"type": "graph", "input": [1, 1, 3], "classes": 2, "nodes": [
                  {"id": "h", "layer": {"type": "lstm", "units": 4}, "inputs": ["input"]}]}
                """;
        assertThatThrownBy(() -> JsonFormat.mapper().readValue(json, Architecture.class))
                .isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("unknown layer type 'lstm'")
                .hasMessageContaining("known types are add, avg_pool, batch_norm, concat, conv2d, dense, dropout,"
                        + " flatten, gelu, global_avg_pool, max_pool, periodic_embedding, relu, silu");
        assertThatThrownBy(() -> JsonFormat.mapper().readValue("{\"type\": \"dense\", \"units\": 0}", LayerSpec.class))
                .hasMessageContaining("invalid dense layer: dense: units must be at least 1, got 0");
        assertThatThrownBy(() -> JsonFormat.mapper().readValue("{\"units\": 3}", LayerSpec.class))
                .hasMessageContaining("a layer needs a \"type\": one of add, avg_pool, batch_norm, concat");
    }

    @Test
    void thePaperFamiliesAreChainsOfExactlyTheirFormerLayers() {
        Kernels k = KernelsProvider.scalar();
        Shape image = new Shape(28, 28, 1);
        assertSameLayers(
                Architecture.DenseStack.dnn(image, 2, 32, 10),
                List.of(
                        new Flatten(784),
                        new Dense(784, 32, k),
                        new Relu(32, k),
                        new Dense(32, 32, k),
                        new Relu(32, k),
                        new Dense(32, 10, k)));
        assertSameLayers(Architecture.DenseStack.dnn(Shape.vector(8), 0, 32, 3), List.of(new Dense(8, 3, k)));
        assertSameLayers(
                new Architecture.ConvNet(
                        image, List.of(new Architecture.ConvBlock(8, 5), new Architecture.ConvBlock(4, 3)), 16, 10),
                List.of(
                        new Conv2D(28, 28, 1, 8, 5, k),
                        new MaxPool2(28, 28, 8, k),
                        new Relu(14 * 14 * 8, k),
                        new Conv2D(14, 14, 8, 4, 3, k),
                        new MaxPool2(14, 14, 4, k),
                        new Relu(7 * 7 * 4, k),
                        new Flatten(196),
                        new Dense(196, 16, k),
                        new Relu(16, k),
                        new Dense(16, 10, k)));
        // The parameter counts the former closed formulas gave.
        assertThat(Architecture.DenseStack.dnn(image, 2, 32, 10).parameterCount())
                .isEqualTo(784 * 32 + 32 + 32 * 32 + 32 + 32 * 10 + 10);
        assertThat(Architecture.ConvNet.paper(image, 10).parameterCount())
                .isEqualTo(9 * 16 + 16 + 14 * 14 * 16 * 64 + 64 + 64 * 10 + 10);
        assertThat(Architecture.DenseStack.dnn(image, 2, 32, 10).graph().isChain())
                .isTrue();
    }

    private static void assertSameLayers(Architecture arch, List<Layer> former) {
        List<String> now = new ArrayList<>();
        List<String> then = new ArrayList<>();
        for (Layer l : arch.layers(KernelsProvider.scalar())) {
            now.add(l + " " + l.getClass().getSimpleName() + " " + l.inputSize() + "→" + l.outputSize() + " p"
                    + l.parameterCount());
        }
        for (Layer l : former) {
            then.add(l + " " + l.getClass().getSimpleName() + " " + l.inputSize() + "→" + l.outputSize() + " p"
                    + l.parameterCount());
        }
        assertThat(now).as(arch.toString()).isEqualTo(then);
        assertThat(GraphArchitecture.of(arch.graph()).graph()).isEqualTo(arch.graph());
    }
}
