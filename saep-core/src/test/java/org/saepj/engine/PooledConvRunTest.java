package org.saepj.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.saepj.data.Shape;
import org.saepj.engine.kernel.Kernels;
import org.saepj.engine.kernel.KernelsProvider;
import org.saepj.engine.layer.AddKind;
import org.saepj.engine.layer.Conv2DKind;
import org.saepj.engine.layer.DenseKind;
import org.saepj.engine.layer.FlattenKind;
import org.saepj.engine.layer.LayerGraph;
import org.saepj.engine.layer.LayerGraph.Node;
import org.saepj.engine.layer.LayerSpec;
import org.saepj.engine.layer.MaxPoolKind;
import org.saepj.engine.layer.ReluKind;
import org.saepj.engine.layer.TrainingPlan;

/**
 * A first convolution with the max pool (and the ReLU) after it as one training call ({@code PooledConvRun}: the
 * convolution's output pooled a few images at a time, its gradient made a chunk at a time from the pool's routing)
 * gives the bits of the layers one by one: loss, gradients, parameters after SGD steps with momentum, logits; on the
 * paper's CNN and its relatives, with both kernels; and the plan starts such a run only where it may.
 */
class PooledConvRunTest {
    private static final int CLASSES = 4;

    private static Kernels kernels(String name) {
        return name.equals("scalar") ? KernelsProvider.scalar() : KernelsProvider.vector();
    }

    private static Node node(String id, LayerSpec spec, String... inputs) {
        return new Node(id, spec, List.of(inputs));
    }

    /**
     * The paper's CNN and its blocks' variants (5×5, three channels, filters in whole vectors and not, two blocks),
     * batches that do not split evenly into the run's chunks of images.
     */
    @ParameterizedTest
    @CsvSource({
        "scalar, 28, 1, 16, 3, 1, 64",
        "vector, 28, 1, 16, 3, 1, 64",
        "vector, 28, 1, 32, 5, 2, 13",
        "scalar, 12, 3, 6, 3, 1, 10",
        "vector, 12, 3, 6, 3, 1, 10",
        "vector, 12, 3, 24, 3, 1, 7",
        "scalar, 14, 1, 24, 5, 2, 9"
    })
    void aConvNetTrainsToTheBitsOfItsLayersOneByOne(
            String kernels, int side, int channels, int filters, int kernel, int blocks, int batch) {
        List<Architecture.ConvBlock> convs = new ArrayList<>();
        convs.add(new Architecture.ConvBlock(filters, kernel));
        if (blocks > 1) {
            convs.add(new Architecture.ConvBlock(8, 3));
        }
        Architecture arch = new Architecture.ConvNet(new Shape(side, side, channels), convs, 12, CLASSES);
        TrainingPlan plan = new TrainingPlan(arch.graph(), arch.graph().layers(kernels(kernels)), false);
        assertThat(plan.span(0))
                .as("the convolution runs with its pool and ReLU")
                .isEqualTo(3);
        assertThat(plan.span(3)).as("a later convolution runs alone").isEqualTo(1);
        SameTrainingBits.assertTrainsAlike(arch, kernels(kernels), 3 * batch, batch, 5);
    }

    /** A pool that a ReLU does not follow: the convolution and the pool run as one. */
    @ParameterizedTest
    @ValueSource(strings = {"scalar", "vector"})
    void aConvolutionAndPoolWithoutReluTrainsToTheSameBits(String kernels) {
        LayerGraph g = new LayerGraph(
                new Shape(10, 10, 1),
                List.of(
                        node("conv", new Conv2DKind.Spec(16, 3), "input"),
                        node("pool", new MaxPoolKind.Spec(), "conv"),
                        node("flat", new FlattenKind.Spec(), "pool"),
                        node("head", new DenseKind.Spec(CLASSES), "flat")));
        TrainingPlan plan = new TrainingPlan(g, g.layers(kernels(kernels)));
        assertThat(plan.span(0)).isEqualTo(2);
        SameTrainingBits.assertTrainsAlike(GraphArchitecture.of(g), kernels(kernels), 33, 11, 5);
    }

    /**
     * Only a convolution of the network's input whose pool alone reads it, over maps of even sides; the ReLU joins only
     * where it alone reads the pool.
     */
    @Test
    void thePlanStartsTheRunOnlyWhereItMay() {
        LayerGraph g = new LayerGraph(
                new Shape(8, 8, 1),
                List.of(
                        node("conv", new Conv2DKind.Spec(4, 3), "input"),
                        node("pool", new MaxPoolKind.Spec(), "conv"),
                        node("relu", new ReluKind.Spec(), "pool"),
                        node("conv_inner", new Conv2DKind.Spec(4, 3), "relu"),
                        node("pool_inner", new MaxPoolKind.Spec(), "conv_inner"),
                        node("flat", new FlattenKind.Spec(), "pool_inner"),
                        node("head", new DenseKind.Spec(3), "flat")));
        assertThat(spans(g)).containsExactly(3, 0, 0, 1, 1, 1, 1);
        LayerGraph readTwice = new LayerGraph(
                new Shape(8, 8, 1),
                List.of(
                        node("conv", new Conv2DKind.Spec(4, 3), "input"),
                        node("pool", new MaxPoolKind.Spec(), "conv"),
                        node("pool_too", new MaxPoolKind.Spec(), "conv"),
                        node("sum", new AddKind.Spec(), "pool", "pool_too"),
                        node("flat", new FlattenKind.Spec(), "sum"),
                        node("head", new DenseKind.Spec(3), "flat")));
        assertThat(spans(readTwice)).as("the convolution's output read twice").startsWith(1, 1, 1);
        LayerGraph poolShared = new LayerGraph(
                new Shape(8, 8, 1),
                List.of(
                        node("conv", new Conv2DKind.Spec(4, 3), "input"),
                        node("pool", new MaxPoolKind.Spec(), "conv"),
                        node("relu", new ReluKind.Spec(), "pool"),
                        node("sum", new AddKind.Spec(), "relu", "pool"),
                        node("flat", new FlattenKind.Spec(), "sum"),
                        node("head", new DenseKind.Spec(3), "flat")));
        assertThat(spans(poolShared))
                .as("the pool's output read twice: no ReLU in the run")
                .startsWith(2, 0, 1);
        LayerGraph odd = new LayerGraph(
                new Shape(9, 9, 1),
                List.of(
                        node("conv", new Conv2DKind.Spec(4, 3), "input"),
                        node("pool", new MaxPoolKind.Spec(), "conv"),
                        node("flat", new FlattenKind.Spec(), "pool"),
                        node("head", new DenseKind.Spec(3), "flat")));
        assertThat(spans(odd)).as("odd sides").startsWith(1, 1);
    }

    private static List<Integer> spans(LayerGraph g) {
        TrainingPlan plan = new TrainingPlan(g, g.layers(KernelsProvider.vector()));
        List<Integer> spans = new ArrayList<>();
        for (int i = 0; i < g.nodes().size(); i++) {
            spans.add(plan.span(i));
        }
        return spans;
    }
}
