package org.saepj.engine;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.saepj.data.Dataset;
import org.saepj.data.Shape;
import org.saepj.engine.kernel.KernelsProvider;
import org.saepj.engine.optim.OptimizerSpec;

/** A network refuses a dataset whose rows are not its input size, instead of reading them at the wrong stride. */
class NetworkInputTest {
    @Test
    void aStepOnRowsOfAnotherSizeIsRefused() {
        Dataset data =
                new Dataset("wide", new float[4 * 64], new int[] {0, 1, 0, 1}, new Shape(8, 8, 1), List.of("a", "b"));
        Network net = new Network(
                        new Architecture.DenseStack(new Shape(4, 4, 1), new int[] {8}, 2), KernelsProvider.best())
                .initialize(1);
        assertThatThrownBy(() -> net.trainStep(
                        data,
                        data.targets().task().loss(data.targets()),
                        new int[] {0, 1},
                        new float[2 * 64],
                        new OptimizerSpec.SgdMomentum(0.01f, 0.9f, 0).create(net.parameterCount())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("16 inputs")
                .hasMessageContaining("wide: 64 features a row");
    }
}
