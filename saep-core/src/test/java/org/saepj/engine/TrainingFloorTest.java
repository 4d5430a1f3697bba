package org.saepj.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.saepj.data.BatchStream;
import org.saepj.data.Dataset;
import org.saepj.data.SourceData;
import org.saepj.data.io.IdxDatasetReader;
import org.saepj.data.source.KnownDataset;
import org.saepj.engine.kernel.Kernels;
import org.saepj.engine.kernel.KernelsProvider;
import org.saepj.engine.optim.Optimizer;
import org.saepj.engine.optim.OptimizerSpec;
import org.saepj.ensemble.Logits;
import org.saepj.testing.TestFiles;

/** Training on the Fashion-MNIST fixture reaches sensible accuracy with both kernels (a floor, not a timing). */
class TrainingFloorTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"vector", "scalar"})
    void dnnAndCnnLearnFashionMnist(String kernelName) {
        Kernels kernels = kernelName.equals("vector") ? KernelsProvider.vector() : KernelsProvider.scalar();
        Path d = TestFiles.fashionMnistFixture(dir.resolve("fashion-mnist"));
        SourceData data = IdxDatasetReader.read("fashion-mnist", d, KnownDataset.FASHION_MNIST.classNames(), Map.of());
        Dataset train = data.train();
        Dataset test = data.test().orElseThrow();
        double dnn = trainAndTest(
                new Network(Architecture.DenseStack.dnn(train.shape(), 1, 32, 10), kernels).initialize(1),
                new OptimizerSpec.RmsProp(0.003f),
                train,
                test,
                600);
        double cnn = trainAndTest(
                new Network(Architecture.ConvNet.paper(train.shape(), 10), kernels).initialize(2),
                new OptimizerSpec.SgdMomentum(0.01f, 0.9f, 0),
                train,
                test,
                300);
        assertThat(dnn).as("DNN test accuracy").isGreaterThan(0.68);
        assertThat(cnn).as("CNN test accuracy").isGreaterThan(0.65);
    }

    private static double trainAndTest(Network net, OptimizerSpec spec, Dataset train, Dataset test, int steps) {
        Optimizer opt = spec.create(net.parameterCount());
        org.saepj.task.Loss loss = train.targets().task().loss(train.targets());
        BatchStream stream = new BatchStream(train.size(), 64, 3);
        int[] idx = new int[64];
        float[] x = new float[64 * train.featureSize()];
        for (int s = 0; s < steps; s++) {
            stream.next(idx);
            net.trainStep(train, loss, idx, x, opt);
        }
        return Logits.accuracy(net.logits(test), test.labels(), 10);
    }
}
