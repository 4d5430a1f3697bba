package org.saepj.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.saepj.data.Shape;
import org.saepj.engine.kernel.KernelsProvider;
import org.saepj.engine.layer.BatchNormKind;
import org.saepj.engine.layer.Conv2DKind;
import org.saepj.engine.layer.DenseKind;
import org.saepj.engine.layer.FlattenKind;
import org.saepj.engine.layer.LayerGraph;
import org.saepj.engine.layer.LayerGraph.Node;
import org.saepj.engine.layer.LayerSpec;
import org.saepj.engine.layer.MaxPoolKind;
import org.saepj.engine.layer.ReluKind;
import org.saepj.engine.optim.OptimizerSpec;
import org.saepj.persistence.JsonFormat;
import org.saepj.task.ClassificationTask;
import org.saepj.task.SoftmaxCrossEntropy;

/**
 * Batch normalisation in a network: training gradients agree with finite differences of the training-mode loss, on a
 * flat and an image input; the running statistics live in the network's state and move only in training passes;
 * inference uses them; the layer is stored by its type name.
 */
class BatchNormTest {
    private static final int BATCH = 4;

    private static Node node(String id, LayerSpec spec, String input) {
        return new Node(id, spec, List.of(input));
    }

    /**
     * dense → batch_norm → relu → dense on a vector, and conv → batch_norm → relu → pool → dense on an image.
     */
    static List<LayerGraph> graphs() {
        BatchNormKind.Spec bn = new BatchNormKind.Spec(0.1, 1e-3);
        return List.of(
                new LayerGraph(
                        Shape.vector(5),
                        List.of(
                                node("d", new DenseKind.Spec(6), "input"),
                                node("bn", bn, "d"),
                                node("r", new ReluKind.Spec(), "bn"),
                                node("head", new DenseKind.Spec(3), "r"))),
                new LayerGraph(
                        new Shape(4, 4, 2),
                        List.of(
                                node("c", new Conv2DKind.Spec(3, 3), "input"),
                                node("bn", bn, "c"),
                                node("r", new ReluKind.Spec(), "bn"),
                                node("p", new MaxPoolKind.Spec(), "r"),
                                node("f", new FlattenKind.Spec(), "p"),
                                node("head", new DenseKind.Spec(3), "f"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"scalar", "vector"})
    void trainingGradientsAgreeWithFiniteDifferences(String kernels) {
        for (LayerGraph g : graphs()) {
            GraphArchitecture arch = GraphArchitecture.of(g);
            Network net = new Network(arch, GradientCheckTest.kernels(kernels)).initialize(21);
            SplittableRandom rng = new SplittableRandom(22);
            float[] params = net.parameters();
            for (int i = 0; i < params.length; i++) {
                params[i] += (float) (0.2 * (rng.nextDouble() - 0.5)); // γ away from 1 and β away from 0
            }
            float[] x = GradientCheckTest.awayFromKinks(BATCH * arch.input().size(), rng);
            int[] labels = {0, 1, 2, 1};
            net.lossAndGradients(
                    x,
                    ClassificationTask.crossEntropy(labels, net.architecture().classes()),
                    BATCH);
            float[] grads = net.gradients().clone();
            float h = 3e-3f;
            for (int p = 0; p < params.length; p++) {
                float keep = params[p];
                params[p] = keep + h;
                double plus = SoftmaxCrossEntropy.meanLoss(net.forward(x, BATCH, true), labels, arch.classes());
                params[p] = keep - h;
                double minus = SoftmaxCrossEntropy.meanLoss(net.forward(x, BATCH, true), labels, arch.classes());
                params[p] = keep;
                GradientCheckTest.assertGradient(arch + " parameter " + p, grads[p], (plus - minus) / (2 * h));
            }
        }
    }

    @Test
    void runningStatisticsAreStateThatOnlyTrainingMoves() {
        GraphArchitecture arch = GraphArchitecture.of(graphs().get(0));
        Network net = new Network(arch, KernelsProvider.scalar()).initialize(3);
        assertThat(net.state()).containsExactly(0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1);
        assertThat(net.parameterCount()).isEqualTo(arch.parameterCount()).isEqualTo(5 * 6 + 6 + 12 + 6 * 3 + 3);
        float[] x = GradientCheckTest.awayFromKinks(BATCH * 5, new SplittableRandom(4));
        float[] before = net.forward(x, BATCH).clone();
        assertThat(net.state()).containsExactly(0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1);
        net.trainStep(
                x,
                ClassificationTask.crossEntropy(
                        new int[] {0, 1, 2, 0}, net.architecture().classes()),
                BATCH,
                new OptimizerSpec.Adam(0.01f).create(net.parameterCount()));
        assertThat(net.state()).isNotEqualTo(new float[] {0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1});
        assertThat(net.forward(x, BATCH)).isNotEqualTo(before);
        Network replica = net.replica();
        assertThat(replica.state()).isEqualTo(net.state());
        assertThat(replica.forward(x, BATCH)).isEqualTo(net.forward(x, BATCH));
    }

    @Test
    void isStoredByItsTypeName() throws Exception {
        String json = JsonFormat.mapper().writeValueAsString(new BatchNormKind.Spec(0.1, 1e-5));
        assertThat(JsonFormat.mapper().readTree(json))
                .isEqualTo(JsonFormat.mapper()
                        .readTree("{\"type\": \"batch_norm\", \"momentum\": 0.1, \"epsilon\": 1e-5}"));
        assertThat(JsonFormat.mapper().readValue(json, LayerSpec.class)).isEqualTo(BatchNormKind.Spec.defaults());
    }
}
