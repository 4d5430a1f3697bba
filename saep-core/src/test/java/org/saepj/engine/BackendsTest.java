package org.saepj.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.saepj.UsageException;
import org.saepj.data.Shape;
import org.saepj.engine.optim.OptimizerSpec;
import org.saepj.task.ClassificationTask;
import org.saepj.task.Loss;

/**
 * {@link Backends#find}: the engine's names, and one line naming the known ones for any other (saep-core's tests run
 * without the saep-torch module, so PyTorch is not among them and the line says where it comes from).
 */
class BackendsTest {
    @Test
    void theEnginesNamesFindTheEngines() {
        assertThat(Backends.find("scalar")).isSameAs(Backends.scalar());
        if (Backends.vectorAvailable()) {
            assertThat(Backends.find("vector")).isSameAs(Backends.best());
        }
        assertThat(Backends.names()).containsExactly("vector", "scalar");
    }

    @Test
    void anUnknownNameIsOneLineListingTheKnownOnes() {
        assertThatThrownBy(() -> Backends.find("pytorch"))
                .isInstanceOf(UsageException.class)
                .hasMessage("--backend: unknown backend 'pytorch'; known here: vector, scalar"
                        + " (pytorch needs the saep-torch module: ./saep adds it)");
    }

    @Test
    void theEnginesOwnTrainingStepsTheNetworkItself() {
        Network viaTraining = Backends.scalar()
                .network(Architecture.DenseStack.dnn(Shape.vector(3), 1, 4, 2))
                .initialize(5);
        Network direct = Backends.scalar()
                .network(Architecture.DenseStack.dnn(Shape.vector(3), 1, 4, 2))
                .initialize(5);
        float[] x = {1, 2, 3, -1, 0, 1};
        Loss loss = ClassificationTask.crossEntropy(new int[] {0, 1}, 2);
        OptimizerSpec adam = new OptimizerSpec.Adam(0.01f, 0.9f, 0.999f, 1e-7f);
        try (NetworkTraining training =
                Backends.scalar().training(viaTraining, adam.create(viaTraining.parameterCount()))) {
            training.step(x, loss, new int[] {0, 1}, 2);
            training.sync();
        }
        direct.trainStep(x, loss, new int[] {0, 1}, 2, adam.create(direct.parameterCount()));

        assertThat(viaTraining.parameters()).containsExactly(direct.parameters());
    }
}
