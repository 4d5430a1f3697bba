package org.saepj.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.saepj.data.Shape;
import org.saepj.engine.kernel.KernelOptions;
import org.saepj.engine.kernel.Kernels;
import org.saepj.engine.kernel.KernelsProvider;
import org.saepj.engine.layer.AddKind;
import org.saepj.engine.layer.BatchNormKind;
import org.saepj.engine.layer.Conv2DKind;
import org.saepj.engine.layer.DenseKind;
import org.saepj.engine.layer.FlattenKind;
import org.saepj.engine.layer.LayerGraph;
import org.saepj.engine.layer.LayerGraph.Node;
import org.saepj.engine.layer.LayerSpec;
import org.saepj.engine.layer.MaxPoolKind;
import org.saepj.engine.layer.ReluKind;
import org.saepj.engine.layer.SiluKind;
import org.saepj.engine.layer.TrainingPlan;

/**
 * Training with each batch norm and the ReLU that alone reads it as one call ({@link TrainingPlan}) gives the bits of
 * the layers run node by node: the loss, every gradient, the parameters after several SGD steps with momentum and
 * the running statistics, on the residual CNN (whole vectors of channels and a masked tail of them); and the plan
 * pairs only what it may. The kernels here run no stem's call ({@link KernelOptions#WITHOUT_STEM}: its statistics come
 * from moments, with other roundings; {@code StemRunTest} checks it), so the stem's batch norm, ReLU and pool are the
 * run of three these tests are about.
 */
class FusedTrainingTest {
    private static final BatchNormKind.Spec BN = new BatchNormKind.Spec(0.1, 1e-5);
    private static final int CLASSES = 4;

    private static Kernels withoutStem(String name) {
        return name.equals("scalar")
                ? KernelsProvider.scalar(KernelOptions.WITHOUT_STEM)
                : KernelsProvider.vector(KernelOptions.WITHOUT_STEM);
    }

    private static Node node(String id, LayerSpec spec, String... inputs) {
        return new Node(id, spec, List.of(inputs));
    }

    /** The benchmark's residual CNN: stem conv, BN, ReLU, pool; two blocks; pool, flatten, dense. */
    private static LayerGraph residualCnn(int filters) {
        return residualCnn(filters, 12);
    }

    /** The residual CNN on {@code side × side} images: an odd side makes the pools drop a row and a column. */
    private static LayerGraph residualCnn(int filters, int side) {
        List<Node> nodes = new ArrayList<>();
        nodes.add(node("stem", new Conv2DKind.Spec(filters, 3), "input"));
        nodes.add(node("stem_bn", BN, "stem"));
        nodes.add(node("stem_relu", new ReluKind.Spec(), "stem_bn"));
        nodes.add(node("stem_pool", new MaxPoolKind.Spec(), "stem_relu"));
        String last = "stem_pool";
        for (int b = 0; b < 2; b++) {
            String p = "res" + b + "_";
            nodes.add(node(p + "conv1", new Conv2DKind.Spec(filters, 3), last));
            nodes.add(node(p + "bn1", BN, p + "conv1"));
            nodes.add(node(p + "relu1", new ReluKind.Spec(), p + "bn1"));
            nodes.add(node(p + "conv2", new Conv2DKind.Spec(filters, 3), p + "relu1"));
            nodes.add(node(p + "bn2", BN, p + "conv2"));
            nodes.add(node(p + "sum", new AddKind.Spec(), last, p + "bn2"));
            nodes.add(node(p + "relu2", new ReluKind.Spec(), p + "sum"));
            last = p + "relu2";
        }
        nodes.add(node("out_pool", new MaxPoolKind.Spec(), last));
        nodes.add(node("flat", new FlattenKind.Spec(), "out_pool"));
        nodes.add(node("logits", new DenseKind.Spec(CLASSES), "flat"));
        return new LayerGraph(new Shape(side, side, 1), nodes);
    }

    /**
     * The stem's batch norm, ReLU and pool run as one call where the sides are even (12: the pool's gradient routing
     * found again inside the batch norm's sweeps), its batch norm and ReLU only where they are odd (13); 16 filters are
     * whole vectors, 6 and 24 leave channels past the last vector at some width.
     */
    @ParameterizedTest
    @CsvSource({
        "scalar, 16, 12",
        "vector, 16, 12",
        "scalar, 6, 12",
        "vector, 6, 12",
        "vector, 24, 12",
        "scalar, 24, 12",
        "vector, 16, 13",
        "scalar, 6, 13"
    })
    void fusedTrainingStepsGiveTheBitsOfTheLayersOneByOne(String kernels, int filters, int side) {
        LayerGraph graph = residualCnn(filters, side);
        TrainingPlan plan = new TrainingPlan(graph, graph.layers(withoutStem(kernels)));
        assertThat(plan.span(1)).as("the stem's batch norm runs with").isEqualTo(side % 2 == 0 ? 3 : 2);
        assertThat(plan.span(8))
                .as("each block's second batch norm runs with its sum and ReLU")
                .isEqualTo(3);
        assertThat(plan.skipInput(8))
                .as("the sum's other input: the block's input")
                .isZero();
        assertThat(plan.absorbed(9) && plan.absorbed(10)).isTrue();
        SameTrainingBits.assertTrainsAlike(GraphArchitecture.of(graph), withoutStem(kernels), 40, 10, 6);
    }

    @ParameterizedTest
    @ValueSource(strings = {"scalar", "vector"})
    void thePlanPairsABatchNormOnlyWithTheReluThatAloneReadsIt(String kernels) {
        LayerGraph g = new LayerGraph(
                new Shape(8, 8, 1),
                List.of(
                        node("conv", new Conv2DKind.Spec(4, 3), "input"),
                        node("bn", BN, "conv"),
                        node("relu", new ReluKind.Spec(), "bn"),
                        node("bn_shared", BN, "relu"),
                        node("relu_shared", new ReluKind.Spec(), "bn_shared"),
                        node("sum", new AddKind.Spec(), "bn_shared", "relu_shared"),
                        node("bn_silu", BN, "sum"),
                        node("silu", new SiluKind.Spec(), "bn_silu"),
                        node("relu_bn", new ReluKind.Spec(), "silu"),
                        node("bn_last", BN, "relu_bn"),
                        node("relu_last", new ReluKind.Spec(), "bn_last"),
                        node("flat", new FlattenKind.Spec(), "relu_last"),
                        node("head", new DenseKind.Spec(3), "flat")));
        TrainingPlan plan = new TrainingPlan(g, g.layers(withoutStem(kernels)));
        assertThat(plan.span(1)).isEqualTo(2);
        List<String> paired = new ArrayList<>();
        List<String> absorbed = new ArrayList<>();
        for (int i = 0; i < g.nodes().size(); i++) {
            if (plan.rectifies(i)) {
                paired.add(g.nodes().get(i).id());
            }
            if (plan.absorbed(i)) {
                absorbed.add(g.nodes().get(i).id());
            }
        }
        assertThat(plan.fuses()).isTrue();
        assertThat(paired).containsExactly("bn", "bn_last"); // bn_shared is read twice, bn_silu by a SiLU
        assertThat(absorbed).containsExactly("relu", "relu_last");
    }

    /**
     * A pool takes part only after a ReLU that nothing else reads, over maps of even sides; a pool after a batch norm
     * alone, or after a ReLU also read elsewhere, runs alone.
     */
    @ParameterizedTest
    @ValueSource(strings = {"scalar", "vector"})
    void thePlanTakesInAPoolOnlyAfterAReluThatOnlyItReads(String kernels) {
        LayerGraph g = new LayerGraph(
                new Shape(16, 16, 1),
                List.of(
                        node("conv", new Conv2DKind.Spec(4, 3), "input"),
                        node("bn", BN, "conv"),
                        node("relu", new ReluKind.Spec(), "bn"),
                        node("pool", new MaxPoolKind.Spec(), "relu"),
                        node("bn_shared", BN, "pool"),
                        node("relu_shared", new ReluKind.Spec(), "bn_shared"),
                        node("pool_shared", new MaxPoolKind.Spec(), "relu_shared"),
                        node("pool_of_relu", new MaxPoolKind.Spec(), "relu_shared"),
                        node("sum", new AddKind.Spec(), "pool_shared", "pool_of_relu"),
                        node("bn_alone", BN, "sum"),
                        node("pool_of_bn", new MaxPoolKind.Spec(), "bn_alone"),
                        node("flat", new FlattenKind.Spec(), "pool_of_bn"),
                        node("head", new DenseKind.Spec(3), "flat")));
        TrainingPlan plan = new TrainingPlan(g, g.layers(withoutStem(kernels)));
        List<String> spans = new ArrayList<>();
        for (int i = 0; i < g.nodes().size(); i++) {
            spans.add(g.nodes().get(i).id() + "=" + plan.span(i));
        }
        assertThat(spans)
                .containsExactly(
                        "conv=1",
                        "bn=3",
                        "relu=0",
                        "pool=0",
                        "bn_shared=2",
                        "relu_shared=0",
                        "pool_shared=1",
                        "pool_of_relu=1",
                        "sum=1",
                        "bn_alone=1",
                        "pool_of_bn=1",
                        "flat=1",
                        "head=1");
        assertThat(plan.absorbed(3)).isTrue();
        assertThat(plan.absorbed(6)).isFalse();
    }

    /**
     * A batch norm runs with a residual sum and its ReLU only when its output goes to the sum alone, its own input to
     * it alone, and the sum to the ReLU alone.
     */
    @ParameterizedTest
    @ValueSource(strings = {"scalar", "vector"})
    void thePlanTakesInAResidualSumOnlyWhereEachValueHasOneReader(String kernels) {
        LayerGraph g = new LayerGraph(
                new Shape(8, 8, 4),
                List.of(
                        node("conv", new Conv2DKind.Spec(4, 3), "input"),
                        node("bn", BN, "conv"),
                        node("sum", new AddKind.Spec(), "input", "bn"),
                        node("relu", new ReluKind.Spec(), "sum"),
                        node("conv_shared", new Conv2DKind.Spec(4, 3), "relu"),
                        node("bn_shared_input", BN, "conv_shared"),
                        node("sum_shared_input", new AddKind.Spec(), "conv_shared", "bn_shared_input"),
                        node("relu2", new ReluKind.Spec(), "sum_shared_input"),
                        node("bn_read_twice", BN, "relu2"),
                        node("sum_read_twice", new AddKind.Spec(), "bn_read_twice", "relu2"),
                        node("relu3", new ReluKind.Spec(), "sum_read_twice"),
                        node("out", new AddKind.Spec(), "relu3", "bn_read_twice"),
                        node("flat", new FlattenKind.Spec(), "out"),
                        node("head", new DenseKind.Spec(3), "flat")));
        TrainingPlan plan = new TrainingPlan(g, g.layers(withoutStem(kernels)));
        List<String> spans = new ArrayList<>();
        for (int i = 0; i < g.nodes().size(); i++) {
            spans.add(g.nodes().get(i).id() + "=" + plan.span(i) + "/" + plan.skipInput(i));
        }
        assertThat(spans)
                .containsExactly(
                        "conv=1/-1",
                        "bn=3/0",
                        "sum=0/-1",
                        "relu=0/-1",
                        "conv_shared=1/-1",
                        "bn_shared_input=1/-1", // its input also goes to the sum
                        "sum_shared_input=1/-1",
                        "relu2=1/-1",
                        "bn_read_twice=1/-1", // its output also goes to "out"
                        "sum_read_twice=1/-1",
                        "relu3=1/-1",
                        "out=1/-1",
                        "flat=1/-1",
                        "head=1/-1");
    }
}
