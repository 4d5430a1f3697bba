package org.saepj.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.saepj.data.Shape;
import org.saepj.engine.layer.AddKind;
import org.saepj.engine.layer.BatchNormKind;
import org.saepj.engine.layer.Conv2DKind;
import org.saepj.engine.layer.DenseKind;
import org.saepj.engine.layer.FlattenKind;
import org.saepj.engine.layer.InferencePlan;
import org.saepj.engine.layer.Layer;
import org.saepj.engine.layer.LayerGraph;
import org.saepj.engine.layer.LayerGraph.Node;
import org.saepj.engine.layer.LayerSpec;
import org.saepj.engine.layer.MaxPoolKind;
import org.saepj.engine.layer.MergeLayer;
import org.saepj.engine.layer.Pass;
import org.saepj.engine.layer.ReluKind;
import org.saepj.engine.layer.SiluKind;

/**
 * Inference with convolution, batch norm and ReLU fused into one sweep ({@link InferencePlan}) gives the bits of the
 * layers run one by one, on random weights with running statistics far from their initial values, through the direct
 * convolution (16 filters from 16 channels), im2col products (a grey stem, stride 2, valid padding) and a 1×1
 * convolution; and the plan fuses only what it may.
 */
class FusedInferenceTest {
    private static final BatchNormKind.Spec BN = new BatchNormKind.Spec(0.1, 1e-5);

    private static Node node(String id, LayerSpec spec, String... inputs) {
        return new Node(id, spec, List.of(inputs));
    }

    /** A residual CNN's shapes, with every kind of convolution the plan may fuse and a few it may not. */
    private static LayerGraph graph() {
        return new LayerGraph(
                new Shape(10, 10, 1),
                List.of(
                        node("stem", new Conv2DKind.Spec(16, 3), "input"),
                        node("stem_bn", BN, "stem"),
                        node("stem_relu", new ReluKind.Spec(), "stem_bn"),
                        node("conv1", new Conv2DKind.Spec(16, 3), "stem_relu"),
                        node("bn1", BN, "conv1"),
                        node("relu1", new ReluKind.Spec(), "bn1"),
                        node("conv2", new Conv2DKind.Spec(16, 3), "relu1"),
                        node("bn2", BN, "conv2"),
                        node("sum", new AddKind.Spec(), "stem_relu", "bn2"),
                        node("relu2", new ReluKind.Spec(), "sum"),
                        node("pool", new MaxPoolKind.Spec(), "relu2"),
                        node("down", new Conv2DKind.Spec(12, 3, 2, Conv2DKind.SAME), "pool"),
                        node("down_relu", new ReluKind.Spec(), "down"),
                        node("down_bn", BN, "down_relu"),
                        node("point", new Conv2DKind.Spec(8, 1), "down_bn"),
                        node("point_bn", BN, "point"),
                        node("point_silu", new SiluKind.Spec(), "point_bn"),
                        node("valid", new Conv2DKind.Spec(6, 3, 1, Conv2DKind.VALID), "point_silu"),
                        node("shared", new Conv2DKind.Spec(6, 1), "valid"),
                        node("shared_relu", new ReluKind.Spec(), "shared"),
                        node("shared_sum", new AddKind.Spec(), "shared", "shared_relu"),
                        node("flat", new FlattenKind.Spec(), "shared_sum"),
                        node("head", new DenseKind.Spec(5), "flat")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"scalar", "vector"})
    void fusedInferenceGivesTheBitsOfTheLayersOneByOne(String kernels) {
        GraphArchitecture arch = GraphArchitecture.of(graph());
        Network net = new Network(arch, GradientCheckTest.kernels(kernels)).initialize(5);
        SplittableRandom rng = new SplittableRandom(6);
        float[] params = net.parameters();
        for (int i = 0; i < params.length; i++) {
            params[i] += (float) (0.3 * (rng.nextDouble() - 0.5)); // biases, γ and β away from 0 and 1
        }
        float[] state = net.state();
        for (int i = 0; i < state.length; i++) {
            state[i] = (float) (0.2 + rng.nextDouble()); // running means and variances far from 0 and 1
        }
        net.setState(state);
        int batch = 3;
        float[] x = new float[batch * arch.input().size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        float[] oneByOne = oneByOne(net, x, batch);
        float[] fused = net.forward(x, batch).clone();
        assertThat(bits(fused)).isEqualTo(bits(oneByOne));
        // A training pass in between (batch statistics, node by node) changes nothing in the next inference's bits.
        net.forward(x, batch, true);
        assertThat(bits(net.forward(x, batch))).isEqualTo(bits(oneByOne(net, x, batch)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"scalar", "vector"})
    void thePlanFusesAConvolutionWithTheBatchNormAndReluOnlyItReads(String kernels) {
        LayerGraph g = graph();
        InferencePlan plan = new InferencePlan(g, g.layers(GradientCheckTest.kernels(kernels)));
        int[] spans = new int[g.nodes().size()];
        for (int i = 0; i < spans.length; i++) {
            spans[i] = plan.span(i);
        }
        assertThat(plan.fuses()).isTrue();
        assertThat(spans)
                .containsExactly(
                        3, 0, 0, // stem, bn, relu
                        3, 0, 0, // conv1, bn1, relu1
                        2, 0, // conv2, bn2: the add is no per-channel map
                        1, 1, 1, // sum, relu2, pool
                        2, 0, // down, relu: batch norm cannot follow a ReLU in one sweep
                        1, // down_bn
                        2, 0, // point, bn: SiLU is no step of a sweep
                        1, 1, // point_silu, valid: valid's output goes to a 1×1 convolution
                        1, 1, 1, // shared (read twice), shared_relu, shared_sum
                        1, 1); // flat, head
    }

    /** The inference pass run node by node, every layer on its own, as a network did before plans. */
    private static float[] oneByOne(Network net, float[] x, int batch) {
        LayerGraph g = net.graph();
        List<Layer> layers = net.layers();
        Pass pass = new Pass(net.state());
        float[][] acts = new float[layers.size() + 1][];
        acts[0] = x;
        for (int i = 0; i < layers.size(); i++) {
            int[] in = g.inputsOf(i);
            acts[i + 1] = new float[batch * layers.get(i).outputSize()];
            if (layers.get(i) instanceof MergeLayer merge) {
                float[][] xs = new float[in.length][];
                for (int k = 0; k < in.length; k++) {
                    xs[k] = acts[in[k] + 1];
                }
                merge.forward(net.parameters(), xs, acts[i + 1], batch);
            } else {
                layers.get(i).forward(net.parameters(), acts[in[0] + 1], acts[i + 1], batch, pass);
            }
        }
        return acts[layers.size()];
    }

    private static int[] bits(float[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Float.floatToRawIntBits(values[i]);
        }
        return out;
    }
}
