package org.example.layernorm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.saepj.data.Shape;
import org.saepj.engine.layer.LayerKinds;

/**
 * The layer's arithmetic: normalised outputs, a backward pass that agrees with central finite differences (the
 * helper is copied here from SAEP-J's own gradient checks, whose test classes a plug-in does not depend on), and
 * its registration as SAEP-J sees it.
 */
class LayerNormTest {
    private static final int BATCH = 3;

    @Test
    void eachSampleIsNormalisedOverItsFeatures() {
        LayerNorm layer = new LayerNorm(6, 1e-5);
        float[] params = new float[layer.parameterCount()];
        layer.initialize(params, new SplittableRandom(1));
        float[] x = {1, 2, 3, 4, 5, 6, 10, 10, 10, 10, 10, 11};
        float[] y = new float[x.length];
        layer.forward(params, x, y, 2);
        for (int s = 0; s < 2; s++) {
            double mean = 0;
            double square = 0;
            for (int j = 0; j < 6; j++) {
                mean += y[s * 6 + j] / 6.0;
                square += y[s * 6 + j] * y[s * 6 + j] / 6.0;
            }
            assertThat(mean).isCloseTo(0, within(1e-5));
            assertThat(square).isCloseTo(1, within(1e-3));
        }
    }

    @Test
    void backwardAgreesWithFiniteDifferences() {
        check(new LayerNorm(7, 1e-5), 1);
        check(new LayerNorm(32, 1e-3), 2);
    }

    @Test
    void saepFindsTheKindOnTheClassPath() {
        assertThat(LayerKinds.require("layer_norm")).isInstanceOf(LayerNormKind.class);
        LayerNormKind kind = new LayerNormKind();
        assertThat(kind.parameterCount(new LayerNormKind.Spec(1e-5), List.of(Shape.vector(10))))
                .isEqualTo(20);
        assertThatThrownBy(() -> kind.outputShape(new LayerNormKind.Spec(1e-5), List.of(new Shape(4, 4, 2))))
                .hasMessageContaining("flat input")
                .hasMessageContaining("4×4×2");
        assertThatThrownBy(() -> new LayerNormKind.Spec(0)).hasMessageContaining("epsilon > 0, got 0.0");
    }

    /** Σ r·y for fixed random weights r, in double: a scalar whose gradient is the backward pass of dy = r. */
    private static double probe(LayerNorm layer, float[] params, float[] x, double[] r) {
        float[] y = new float[BATCH * layer.outputSize()];
        layer.forward(params, x, y, BATCH);
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            sum += r[i] * y[i];
        }
        return sum;
    }

    private static void check(LayerNorm layer, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] params = new float[layer.parameterCount()];
        layer.place(0);
        layer.initialize(params, rng);
        for (int i = 0; i < params.length; i++) {
            params[i] += (float) (0.5 * (rng.nextDouble() - 0.5)); // γ away from 1 and β away from 0
        }
        float[] x = new float[BATCH * layer.inputSize()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (rng.nextDouble() * 4 - 2);
        }
        double[] r = new double[BATCH * layer.outputSize()];
        float[] dy = new float[r.length];
        for (int i = 0; i < r.length; i++) {
            dy[i] = (float) (rng.nextDouble() * 2 - 1);
            r[i] = dy[i];
        }
        float[] y = new float[r.length];
        layer.forward(params, x, y, BATCH);
        float[] grads = new float[params.length];
        float[] dx = new float[x.length];
        layer.backward(params, x, y, dy, dx, grads, BATCH);
        float h = 1e-2f;
        for (int p = 0; p < params.length; p++) {
            float keep = params[p];
            params[p] = keep + h;
            double plus = probe(layer, params, x, r);
            params[p] = keep - h;
            double minus = probe(layer, params, x, r);
            params[p] = keep;
            assertGradient(layer + " parameter " + p, grads[p], (plus - minus) / (2 * h));
        }
        for (int i = 0; i < x.length; i++) {
            float keep = x[i];
            x[i] = keep + h;
            double plus = probe(layer, params, x, r);
            x[i] = keep - h;
            double minus = probe(layer, params, x, r);
            x[i] = keep;
            assertGradient(layer + " input " + i, dx[i], (plus - minus) / (2 * h));
        }
    }

    private static void assertGradient(String what, double analytic, double numeric) {
        double tolerance = 2e-3 + 1e-2 * Math.abs(numeric);
        assertThat(Math.abs(analytic - numeric))
                .as(what + ": analytic " + analytic + " vs numeric " + numeric)
                .isLessThanOrEqualTo(tolerance);
    }
}
