package org.saepj.bench;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.saepj.engine.Architecture;
import org.saepj.torch.DirectFloats;

/**
 * The same architectures as ours, trained with DJL on PyTorch with the same optimizer (SGD, momentum 0.9, optionally
 * with weight decay), at a fixed learning rate or at the rate the caller gives each step.
 */
final class DjlTrainer implements AutoCloseable {
    private final Model model;
    private final Trainer trainer;
    private final NDManager manager;
    /** One sample's shape as the block reads it: {@code [features]}, or {@code [channels, height, width]}. */
    private final long[] sample;
    /** The learning rate of the next update: DJL's optimizer asks its tracker for it once per parameter. */
    private float rate;
    /** The rate the tracker last returned to the optimizer, NaN before the first update. */
    private float appliedRate = Float.NaN;
    /**
     * The batch's inputs on their way to PyTorch, in native memory kept from step to step: DJL copies an array into a
     * new direct buffer each time, and every step's batch then landed on fresh pages (the ~50 faults a step of a
     * 784-pixel batch of 64 seen on PyTorch's side in some runs and not in others).
     */
    private final DirectFloats inputs = new DirectFloats();
    /** The batch's labels, likewise. */
    private final DirectFloats targets = new DirectFloats();

    DjlTrainer(Architecture arch, float learningRate, int batch) {
        this(block(arch), sampleShape(arch), learningRate, batch);
    }

    /**
     * @param block the network
     * @param sample one sample's shape as the block reads it
     * @param learningRate SGD's learning rate (momentum 0.9) until {@link #step(float[], float[], int, float)} gives
     *     another
     * @param batch the batch size the parameters are initialised for
     */
    DjlTrainer(Block block, long[] sample, float learningRate, int batch) {
        this(block, sample, learningRate, 0, batch);
    }

    /**
     * @param block the network
     * @param sample one sample's shape as the block reads it
     * @param learningRate SGD's learning rate (momentum 0.9) until {@link #step(float[], float[], int, float)} gives
     *     another
     * @param weightDecay λ of DJL's SGD, which adds {@code λ·θ} to every parameter's gradient (biases and
     *     normalisation scales included) before the momentum; 0 for none
     * @param batch the batch size the parameters are initialised for
     */
    DjlTrainer(Block block, long[] sample, float learningRate, float weightDecay, int batch) {
        this.sample = sample.clone();
        this.rate = learningRate;
        this.model = Model.newInstance("bench", "PyTorch");
        model.setBlock(block);
        // The caller's rate of the step, whatever DJL's count of updates: both engines then follow one schedule.
        Tracker tracker = numUpdate -> {
            appliedRate = rate;
            return rate;
        };
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(Optimizer.sgd()
                        .setLearningRateTracker(tracker)
                        .optMomentum(0.9f)
                        .optWeightDecays(weightDecay)
                        .build());
        this.trainer = model.newTrainer(config);
        trainer.initialize(inputShape(batch));
        this.manager = model.getNDManager().newSubManager();
    }

    /** @return one sample's shape: CHW for a network of convolutions, else the flat features */
    static long[] sampleShape(Architecture arch) {
        var in = arch.input();
        return arch instanceof Architecture.DenseStack
                ? new long[] {in.size()}
                : new long[] {in.channels(), in.height(), in.width()};
    }

    private Shape inputShape(int batch) {
        long[] dims = new long[sample.length + 1];
        dims[0] = batch;
        System.arraycopy(sample, 0, dims, 1, sample.length);
        return new Shape(dims);
    }

    static SequentialBlock block(Architecture arch) {
        SequentialBlock block = new SequentialBlock();
        if (arch instanceof Architecture.DenseStack d) {
            for (int width : d.hidden()) {
                block.add(Linear.builder().setUnits(width).build()).add(Activation::relu);
            }
            block.add(Linear.builder().setUnits(d.classes()).build());
        } else if (arch instanceof Architecture.ConvNet c) {
            for (Architecture.ConvBlock b : c.blocks()) {
                int k = b.kernel();
                block.add(Conv2d.builder()
                                .setKernelShape(new Shape(k, k))
                                .optPadding(new Shape(k / 2, k / 2))
                                .setFilters(b.filters())
                                .build())
                        .add(Activation::relu)
                        .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
            }
            block.add(Blocks.batchFlattenBlock())
                    .add(Linear.builder().setUnits(c.dense()).build())
                    .add(Activation::relu)
                    .add(Linear.builder().setUnits(c.classes()).build());
        }
        return block;
    }

    /**
     * One step on a batch given as our row-major floats (the CNN input has one channel, so HWC equals CHW).
     */
    float step(float[] x, float[] labels, int batch) {
        return step(x, labels, batch, rate);
    }

    /**
     * One step at the given learning rate, which also stays the rate of the following {@link #step(float[], float[],
     * int)}s.
     *
     * @param x the batch as our row-major floats
     * @param labels the batch's classes
     * @param batch the number of samples
     * @param learningRate SGD's learning rate for this update
     * @return the batch's loss
     */
    float step(float[] x, float[] labels, int batch, float learningRate) {
        rate = learningRate;
        try (NDManager step = manager.newSubManager()) {
            NDArray input = input(step, x, batch);
            NDArray y = step.create(targets.stage(labels, 0, batch), new Shape(batch), DataType.FLOAT32);
            float loss;
            try (GradientCollector gc = trainer.newGradientCollector()) {
                NDList pred = trainer.forward(new NDList(input));
                NDArray l = trainer.getLoss().evaluate(new NDList(y), pred);
                loss = l.getFloat();
                gc.backward(l);
            }
            trainer.step();
            return loss;
        }
    }

    /** The batch as a tensor of {@code step}, over {@link #inputs}. */
    private NDArray input(NDManager step, float[] x, int batch) {
        Shape shape = inputShape(batch);
        return step.create(inputs.stage(x, 0, (int) shape.size()), shape, DataType.FLOAT32);
    }

    /**
     * Predicts a batch in inference mode (batch normalisation on its running statistics).
     *
     * @param x the batch as our row-major floats
     * @param batch the number of samples
     * @return each sample's class of highest logit
     */
    long[] predict(float[] x, int batch) {
        try (NDManager step = manager.newSubManager()) {
            NDArray input = input(step, x, batch);
            return trainer.evaluate(new NDList(input))
                    .singletonOrThrow()
                    .argMax(1)
                    .toLongArray();
        }
    }

    /**
     * The outputs of a batch in inference mode, to compare with ours.
     *
     * @param x the batch as our row-major floats
     * @param batch the number of samples
     * @return the logits, {@code batch × classes} row-major
     */
    float[] logits(float[] x, int batch) {
        try (NDManager step = manager.newSubManager()) {
            NDArray input = input(step, x, batch);
            return trainer.evaluate(new NDList(input)).singletonOrThrow().toFloatArray();
        }
    }

    /** @return the network, initialised: its parameters can be overwritten before training ({@link SharedWeights}) */
    Block block() {
        return model.getBlock();
    }

    /** @return the learning rate the optimizer took at its last update, NaN before the first */
    float appliedRate() {
        return appliedRate;
    }

    /** @return the trainable parameters' count, to check that a block is the network it stands for */
    long parameterCount() {
        long n = 0;
        for (var p : model.getBlock().getParameters().values()) {
            if (p.requiresGradient()) {
                n += p.getArray().size();
            }
        }
        return n;
    }

    @Override
    public void close() {
        manager.close();
        trainer.close();
        model.close();
    }
}
