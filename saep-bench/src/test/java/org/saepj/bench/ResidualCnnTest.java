package org.saepj.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.saepj.data.Dataset;
import org.saepj.data.Shape;
import org.saepj.engine.GraphArchitecture;
import org.saepj.engine.layer.LayerGraph;

/** The residual CNN of the {@code res} rows: the same network in both engines, and both run on a tiny size. */
class ResidualCnnTest {
    private static final Shape IMAGE = new Shape(8, 8, 1);

    @Test
    void isAResidualNetworkWithBatchNormalisation() {
        GraphArchitecture arch = new ResidualCnn(new Shape(28, 28, 1), 16, 2, 10).architecture();
        LayerGraph g = arch.graph();
        assertThat(arch.classes()).isEqualTo(10);
        assertThat(g.isChain()).isFalse();
        assertThat(g.toString())
                .contains("stem_bn=batch_norm(stem_conv)")
                .contains("res0_sum=add(stem_pool,res0_bn2)")
                .contains("res1_sum=add(res0_relu2,res1_bn2)");
        assertThat(new ResidualCnn(IMAGE, 16, 2, 10).name()).contains("res");
    }

    @Test
    void djlBuildsTheSameNetworkParameterForParameter() {
        Engine.getEngine("PyTorch");
        ResidualCnn net = new ResidualCnn(new Shape(28, 28, 1), 16, 2, 10);
        try (DjlTrainer djl = new DjlTrainer(net.djlBlock(), new long[] {1, 28, 28}, 0.01f, 4)) {
            assertThat(djl.parameterCount()).isEqualTo(net.architecture().parameterCount());
        }
    }

    @Test
    void theTtaNetworkAddsAHiddenDenseLayerInBothEngines() {
        Engine.getEngine("PyTorch");
        ResidualCnn net = BenchOptions.TtaOptions.network(new Shape(28, 28, 1), 10);
        assertThat(net.name()).isEqualTo("res-conv48-bn-1blocks-pool-128-10");
        assertThat(net.architecture().graph().toString())
                .contains("fc=dense(out_flat)")
                .contains("fc_relu=relu(fc)")
                .contains("logits=dense(fc_relu)");
        try (DjlTrainer djl = new DjlTrainer(net.djlBlock(), new long[] {1, 28, 28}, 0.01f, 4)) {
            // 48·9+48 + 2·(48·48·9+48) + 3 batch norms of 2·48 + 7·7·48·128+128 + 128·10+10
            assertThat(djl.parameterCount())
                    .isEqualTo(net.architecture().parameterCount())
                    .isEqualTo(480 + 2 * 20_784 + 3 * 96 + 301_184 + 1290);
        }
    }

    @Test
    void bothEnginesTrainItOnATinySize() throws Exception {
        Engine.getEngine("PyTorch");
        ResidualCnn net = new ResidualCnn(IMAGE, 4, 1, 2);
        Dataset data = tiny(128);
        assertThat(EngineBench.oursSamplesPerSecond(net.architecture(), data, 2, 1))
                .isPositive();
        EngineBench.BenchNet entry = new EngineBench.BenchNet(
                net.name(), net.architecture(), net::djlBlock, DjlTrainer.sampleShape(net.architecture()), 2);
        try (DjlSession djl = new DjlSession(entry, data, 0.01f)) {
            Pairs pairs = EngineBench.interleave(
                    new PairPlan(2, 2, 0, 0),
                    () -> EngineBench.oursSamplesPerSecond(net.architecture(), data, 2, 1),
                    () -> djl.run(2));
            assertThat(pairs.count()).isEqualTo(2);
            assertThat(pairs.djl().min()).isPositive();
            if (Runtime.getRuntime().availableProcessors() > 1) {
                assertThat(pairs.roundTrip().min()).isPositive().isFinite();
            }
            assertThat(djl.faultsPerStep()).isNotNegative();
        }
    }

    @Test
    void refusesANetworkWithoutBlocks() {
        assertThatThrownBy(() -> new ResidualCnn(IMAGE, 4, 0, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blocks ≥ 1");
    }

    /** Two classes told apart by which half of the image is bright. */
    static Dataset tiny(int n) {
        float[] x = new float[n * 64];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            for (int p = 0; p < 64; p++) {
                boolean top = p < 32;
                x[i * 64 + p] = (top == (y[i] == 0) ? 0.8f : 0.1f) + 0.01f * ((i * 7 + p) % 5);
            }
        }
        return new Dataset("tiny", x, y, IMAGE, List.of("top", "bottom"));
    }
}
