package org.saepj.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.saepj.data.Shape;
import org.saepj.engine.kernel.KernelsProvider;
import org.saepj.engine.layer.DenseKind;
import org.saepj.engine.layer.LayerGraph;
import org.saepj.engine.layer.LayerKinds;
import org.saepj.engine.layer.LayerSpec;
import org.saepj.engine.layer.PeriodicEmbedding;
import org.saepj.engine.layer.PeriodicEmbeddingKind;
import org.saepj.engine.layer.ReluKind;
import org.saepj.persistence.JsonFormat;

/**
 * {@code periodic_embedding}: its backward pass agrees with finite differences (frequencies, weights, biases and
 * inputs), its shape and parameter count are known before it is built, bad settings are refused naming them, its
 * frequencies start within ±3σ, and it is stored by its type name and read back equal.
 */
class PeriodicEmbeddingTest {
    @Test
    void agreesWithFiniteDifferences() {
        GradientCheckTest.check(new PeriodicEmbedding(4, 3, 5, 0.5), 41);
        GradientCheckTest.check(new PeriodicEmbedding(1, 1, 1, 0.2), 42);
        GradientCheckTest.check(new PeriodicEmbedding(7, 8, 2, 1.0), 43);
    }

    @Test
    void shapesCountsAndRefusals() {
        PeriodicEmbeddingKind kind = new PeriodicEmbeddingKind();
        PeriodicEmbeddingKind.Spec spec = new PeriodicEmbeddingKind.Spec(6, 4, 0.1);
        assertThat(kind.outputShape(spec, List.of(Shape.vector(9)))).isEqualTo(Shape.vector(36));
        // 9×6 frequencies, 9×12×4 weights, 9×4 biases
        assertThat(kind.parameterCount(spec, List.of(Shape.vector(9)))).isEqualTo(54 + 432 + 36);
        var layer = kind.create(spec, List.of(Shape.vector(9)), KernelsProvider.scalar());
        assertThat(layer.parameterCount()).isEqualTo(522);
        assertThat(layer.inputSize()).isEqualTo(9);
        assertThat(layer.outputSize()).isEqualTo(36);
        assertThatThrownBy(() -> kind.outputShape(spec, List.of(new Shape(4, 4, 1))))
                .hasMessageContaining("needs a flat input, got 4×4×1");
        assertThatThrownBy(() -> new PeriodicEmbeddingKind.Spec(0, 4, 0.1))
                .hasMessage("periodic_embedding: frequencies must be 1 to 1024, got 0");
        assertThatThrownBy(() -> new PeriodicEmbeddingKind.Spec(4, 0, 0.1))
                .hasMessage("periodic_embedding: dims must be 1 to 1024, got 0");
        assertThatThrownBy(() -> new PeriodicEmbeddingKind.Spec(4, 4, 0))
                .hasMessage("periodic_embedding: sigma must be a number above 0, such as 0.1, got 0.0");
        assertThat(LayerKinds.require("periodic_embedding")).isInstanceOf(PeriodicEmbeddingKind.class);
    }

    @Test
    void frequenciesStartWithinThreeSigmaAndTheLinearPartsWithinPyTorchsBound() {
        PeriodicEmbedding layer = new PeriodicEmbedding(20, 10, 3, 0.25);
        float[] params = new float[layer.parameterCount()];
        layer.place(0);
        layer.initialize(params, new SplittableRandom(5));
        double sumSquares = 0;
        for (int i = 0; i < 200; i++) {
            assertThat(Math.abs(params[i])).isLessThanOrEqualTo(0.75f);
            sumSquares += params[i] * params[i];
        }
        assertThat(Math.sqrt(sumSquares / 200)).as("deviation").isBetween(0.2, 0.3);
        for (int i = 200; i < params.length; i++) {
            assertThat(Math.abs(params[i])).isLessThanOrEqualTo((float) (1 / Math.sqrt(20)));
        }
        float[] again = new float[params.length];
        layer.initialize(again, new SplittableRandom(5));
        assertThat(again).as("the same seed, the same start").isEqualTo(params);
    }

    @Test
    void isStoredByItsTypeNameAndANetworkOfItRoundTrips() throws Exception {
        var json = JsonFormat.mapper();
        PeriodicEmbeddingKind.Spec spec = new PeriodicEmbeddingKind.Spec(8, 6, 0.3);
        assertThat(json.readTree(json.writeValueAsString(spec)))
                .isEqualTo(json.readTree(
                        "{\"type\": \"periodic_embedding\", \"frequencies\": 8, \"dims\": 6, \"sigma\": 0.3}"));
        assertThat(json.readValue(json.writeValueAsString(spec), LayerSpec.class))
                .isEqualTo(spec);
        LayerGraph graph = LayerGraph.chain(Shape.vector(3), List.of(spec, new ReluKind.Spec(), new DenseKind.Spec(2)));
        GraphArchitecture arch = GraphArchitecture.of(graph);
        Architecture read = json.readValue(json.writeValueAsString(arch), Architecture.class);
        assertThat(read).isEqualTo(arch);
        Network a = new Network(arch, KernelsProvider.best()).initialize(3);
        Network b = new Network(read, KernelsProvider.best());
        System.arraycopy(a.parameters(), 0, b.parameters(), 0, a.parameterCount());
        float[] x = {0.5f, -1f, 2f, 0f, 0.25f, -0.75f};
        assertThat(b.forward(x, 2)).isEqualTo(a.forward(x, 2));
    }
}
