package org.saepj.bench;

import org.saepj.engine.Architecture;
import org.saepj.engine.kernel.KernelsProvider;
import org.saepj.engine.layer.Conv2D;
import org.saepj.engine.layer.Dense;
import org.saepj.engine.layer.Layer;

/**
 * The floating-point work of one training sample, counting the matrix products only (an FMA is two operations):
 * the forward product of every dense and convolution layer, its weight gradient, and its input gradient except for
 * the first layer, whose input needs none. Activations, pooling and the optimizer are left out, so the GFLOP/s
 * derived from it understate the work a little.
 */
final class TrainingFlops {
    private TrainingFlops() {}

    static double perSample(Architecture arch) {
        double flops = 0;
        boolean first = true;
        for (Layer layer : arch.layers(KernelsProvider.scalar())) {
            double macs;
            if (layer instanceof Dense) {
                macs = (double) layer.inputSize() * layer.outputSize();
            } else if (layer instanceof Conv2D c) {
                macs = (double) c.kernel()
                        * c.kernel()
                        * c.inChannels()
                        * c.filters()
                        * c.rows().out()
                        * c.columns().out();
            } else {
                continue;
            }
            flops += 2 * macs * (first ? 2 : 3);
            first = false;
        }
        return flops;
    }
}
