package org.saepj.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.saepj.data.Shape;
import org.saepj.engine.kernel.Kernels;
import org.saepj.engine.kernel.KernelsProvider;
import org.saepj.engine.layer.AvgPool2;
import org.saepj.engine.layer.AvgPoolKind;
import org.saepj.engine.layer.Conv2DKind;
import org.saepj.engine.layer.DenseKind;
import org.saepj.engine.layer.DropoutKind;
import org.saepj.engine.layer.FlattenKind;
import org.saepj.engine.layer.Gelu;
import org.saepj.engine.layer.GeluKind;
import org.saepj.engine.layer.GlobalAvgPool;
import org.saepj.engine.layer.GlobalAvgPoolKind;
import org.saepj.engine.layer.LayerGraph;
import org.saepj.engine.layer.LayerSpec;
import org.saepj.engine.layer.Silu;
import org.saepj.engine.layer.SiluKind;
import org.saepj.engine.optim.OptimizerSpec;
import org.saepj.persistence.JsonFormat;
import org.saepj.task.ClassificationTask;
import org.saepj.task.SoftmaxCrossEntropy;

/**
 * The kinds of issue 27 — dropout, global_avg_pool, avg_pool, gelu, silu — agree with finite differences, alone and in
 * training-mode networks (dropout's mask included); dropout is repeatable for a seed and step, new at each step, the
 * identity in inference and the same on any thread; each kind is stored by its type name.
 */
class ShippedLayersTest {
    private static final int BATCH = 4;

    @Test
    void layersAgreeWithFiniteDifferences() {
        GradientCheckTest.check(new Gelu(13), 31);
        GradientCheckTest.check(new Silu(13), 32);
        for (String kernels : List.of("scalar", "vector")) {
            Kernels k = GradientCheckTest.kernels(kernels);
            GradientCheckTest.check(new AvgPool2(4, 6, 3, k), 33);
            GradientCheckTest.check(new AvgPool2(5, 5, 2, k), 34); // odd sizes: the last row and column are dropped
            GradientCheckTest.check(new AvgPool2(4, 2, 16, k), 36); // whole vectors of channels
            GradientCheckTest.check(new AvgPool2(3, 5, 16, k), 37);
            GradientCheckTest.check(new GlobalAvgPool(12, 3, k), 35);
            GradientCheckTest.check(new GlobalAvgPool(5, 16, k), 38);
        }
    }

    /**
     * dense → dropout → gelu → dense on a vector; conv → silu → avg_pool → dropout → global_avg_pool → dense.
     */
    static List<LayerGraph> graphs() {
        return List.of(
                LayerGraph.chain(
                        Shape.vector(5),
                        List.of(
                                new DenseKind.Spec(8),
                                new DropoutKind.Spec(0.3),
                                new GeluKind.Spec(),
                                new DenseKind.Spec(3))),
                LayerGraph.chain(
                        new Shape(6, 6, 2),
                        List.<LayerSpec>of(
                                new Conv2DKind.Spec(4, 3),
                                new SiluKind.Spec(),
                                new AvgPoolKind.Spec(),
                                new DropoutKind.Spec(0.25),
                                new GlobalAvgPoolKind.Spec(),
                                new DenseKind.Spec(3))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"scalar", "vector"})
    void trainingGradientsAgreeWithFiniteDifferences(String kernels) {
        for (LayerGraph g : graphs()) {
            GraphArchitecture arch = GraphArchitecture.of(g);
            Network net = new Network(arch, GradientCheckTest.kernels(kernels)).initialize(41);
            SplittableRandom rng = new SplittableRandom(42);
            float[] x = GradientCheckTest.awayFromKinks(BATCH * arch.input().size(), rng);
            int[] labels = {0, 1, 2, 1};
            net.lossAndGradients(
                    x,
                    ClassificationTask.crossEntropy(labels, net.architecture().classes()),
                    BATCH);
            float[] grads = net.gradients().clone();
            float[] params = net.parameters();
            float h = 3e-3f;
            for (int p = 0; p < params.length; p++) {
                float keep = params[p];
                params[p] = keep + h;
                // the same step: the same dropout mask as the gradient's pass
                double plus = SoftmaxCrossEntropy.meanLoss(net.forward(x, BATCH, true), labels, arch.classes());
                params[p] = keep - h;
                double minus = SoftmaxCrossEntropy.meanLoss(net.forward(x, BATCH, true), labels, arch.classes());
                params[p] = keep;
                GradientCheckTest.assertGradient(arch + " parameter " + p, grads[p], (plus - minus) / (2 * h));
            }
        }
    }

    @Test
    void dropoutIsRepeatableNewEachStepAndTheIdentityInInference() throws Exception {
        GraphArchitecture arch = GraphArchitecture.of(
                LayerGraph.chain(Shape.vector(400), List.of(new DropoutKind.Spec(0.25), new FlattenKind.Spec())));
        Network net = new Network(arch, KernelsProvider.scalar()).initialize(5);
        float[] x = new float[2 * 400];
        java.util.Arrays.fill(x, 1f);
        assertThat(net.forward(x, 2)).containsOnly(1f);
        float[] first = net.forward(x, 2, true).clone();
        long zeros = countZeros(first);
        assertThat(zeros).isBetween(150L, 250L); // a quarter of 800, give or take
        for (float v : first) {
            assertThat(v).isIn(0f, 1f / 0.75f);
        }
        assertThat(net.forward(x, 2, true)).isEqualTo(first);
        assertThat(new Network(arch, KernelsProvider.vector()).initialize(5).forward(x, 2, true))
                .isEqualTo(first);
        Network replica = net.replica();
        float[] elsewhere = CompletableFuture.supplyAsync(
                        () -> replica.forward(x, 2, true).clone())
                .get();
        assertThat(elsewhere).isEqualTo(first);
        assertThat(new Network(arch, KernelsProvider.scalar()).initialize(6).forward(x, 2, true))
                .isNotEqualTo(first);
        GraphArchitecture trainable = GraphArchitecture.of(
                LayerGraph.chain(Shape.vector(400), List.of(new DropoutKind.Spec(0.25), new DenseKind.Spec(2))));
        Network stepped = new Network(trainable, KernelsProvider.scalar()).initialize(5);
        float[] before = stepped.forward(x, 2, true).clone();
        stepped.trainStep(
                x,
                ClassificationTask.crossEntropy(
                        new int[] {0, 1}, stepped.architecture().classes()),
                2,
                new OptimizerSpec.RmsProp(0.01f).create(stepped.parameterCount()));
        assertThat(stepped.forward(x, 2, true)).as("a new mask after a step").isNotEqualTo(before);
    }

    private static long countZeros(float[] values) {
        long n = 0;
        for (float v : values) {
            n += v == 0 ? 1 : 0;
        }
        return n;
    }

    @Test
    void shapesAndRefusals() {
        assertThat(new GlobalAvgPoolKind().outputShape(new GlobalAvgPoolKind.Spec(), List.of(new Shape(5, 3, 7))))
                .isEqualTo(Shape.vector(7));
        assertThat(new AvgPoolKind().outputShape(new AvgPoolKind.Spec(), List.of(new Shape(5, 4, 2))))
                .isEqualTo(new Shape(2, 2, 2));
        assertThatThrownBy(() -> new AvgPoolKind().outputShape(new AvgPoolKind.Spec(), List.of(Shape.vector(4))))
                .hasMessageContaining("avg_pool needs an image of at least 2×2");
        assertThatThrownBy(() -> new DropoutKind.Spec(1)).hasMessageContaining("dropout needs a rate in [0, 1)");
        assertThatThrownBy(() -> new DropoutKind.Spec(Double.NaN)).hasMessageContaining("got NaN");
    }

    @Test
    void areStoredByTheirTypeNames() throws Exception {
        var json = JsonFormat.mapper();
        for (LayerSpec spec : List.of(
                new DropoutKind.Spec(0.5),
                new GlobalAvgPoolKind.Spec(),
                new AvgPoolKind.Spec(),
                new GeluKind.Spec(),
                new SiluKind.Spec())) {
            String text = json.writeValueAsString(spec);
            assertThat(json.readValue(text, LayerSpec.class)).isEqualTo(spec);
        }
        assertThat(json.readTree(json.writeValueAsString(new DropoutKind.Spec(0.5))))
                .isEqualTo(json.readTree("{\"type\": \"dropout\", \"rate\": 0.5}"));
        assertThat(json.readTree(json.writeValueAsString(new GlobalAvgPoolKind.Spec())))
                .isEqualTo(json.readTree("{\"type\": \"global_avg_pool\"}"));
    }
}
