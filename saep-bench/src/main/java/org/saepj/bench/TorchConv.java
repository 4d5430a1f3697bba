package org.saepj.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * One convolution of {@link ConvProfile} run by PyTorch through DJL, on the same input, kernel, bias and output
 * gradient as ours, held channels-first (copied) or channels-last (ours as they are, seen with PyTorch's shapes:
 * {@link Layout}), so that its passes can be timed beside ours on
 * the same thread's CPU clock: the forward pass with autograd off, and the backward pass as autograd runs it from the
 * given output gradient — the kernel and bias gradients, and the input gradient together with them where the layer
 * has one ({@link ConvShape#inputGradient}; autograd computes only the gradients of tensors that require one, so a
 * stem's backward pass skips it as ours does). PyTorch's eager operators allocate their outputs on every call; that
 * is part of what it costs. It also gives its outputs and gradients back in our layouts, for the check that both
 * engines computed the same convolution.
 */
final class TorchConv implements AutoCloseable {
    private static final ThreadMXBean CLOCK = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final Shape ONE = new Shape(1, 1);

    private final ConvShape shape;
    private final int batch;
    private final NDManager manager;
    private final PtNDArray x;
    private final PtNDArray kernel;
    private final PtNDArray bias;
    private final PtNDArray dy;
    private final Shape padding;
    private long cpuNanos;
    private long processNanos;

    /**
     * @param shape the layer
     * @param batch the images of a pass
     * @param params our parameters: the kernel {@code [kh][kw][in][out]}, then the biases
     * @param x our input, channels-last
     * @param dy our output gradient, channels-last
     * @param layout how PyTorch holds the input, kernel and output gradient in memory
     * @throws IllegalArgumentException where the arrays are not the layer's sizes
     */
    TorchConv(ConvShape shape, int batch, float[] params, float[] x, float[] dy, Layout layout) {
        long in = shape.inputDims(batch)[1] * shape.h() * shape.w() * batch;
        long out = shape.outputDims(batch)[1] * shape.h() * shape.w() * batch;
        if (params.length != shape.parameterCount() || x.length != in || dy.length != out) {
            throw new IllegalArgumentException(shape.name() + " over " + batch + " images needs "
                    + shape.parameterCount()
                    + " parameters, " + in + " inputs and " + out + " output gradients, got " + params.length + ", "
                    + x.length + " and " + dy.length);
        }
        this.shape = shape;
        this.batch = batch;
        this.manager = NDManager.newBaseManager("PyTorch");
        int weights = shape.parameterCount() - shape.cout();
        this.bias = (PtNDArray) manager.create(
                java.util.Arrays.copyOfRange(params, weights, weights + shape.cout()), new Shape(shape.cout()));
        if (layout == Layout.CHANNELS_FIRST) {
            this.x = (PtNDArray)
                    manager.create(shape.toChannelsFirst(x, batch, shape.cin()), new Shape(shape.inputDims(batch)));
            this.kernel = (PtNDArray) manager.create(
                    SharedWeights.convKernel(params, 0, shape.k(), shape.cin(), shape.cout()),
                    new Shape(shape.kernelDims()));
            this.dy = (PtNDArray)
                    manager.create(shape.toChannelsFirst(dy, batch, shape.cout()), new Shape(shape.outputDims(batch)));
        } else {
            // Our channels-last values as they are, seen through a permutation: channels-first shapes with
            // channels-last strides, which PyTorch's convolution recognises as its channels_last memory format.
            this.x = channelsLastView(x, batch, shape.h(), shape.w(), shape.cin());
            this.kernel = channelsLastView(kernelOhwi(params), shape.cout(), shape.k(), shape.k(), shape.cin());
            this.dy = channelsLastView(dy, batch, shape.h(), shape.w(), shape.cout());
        }
        this.padding = new Shape(shape.padding(), shape.padding());
    }

    /** How PyTorch holds the layer's tensors in memory; both are its convolution's shapes {@code [n, c, h, w]}. */
    enum Layout {
        /** Contiguous {@code [n][c][h][w]} (PyTorch's default, contiguous_format). */
        CHANNELS_FIRST,
        /** {@code [n][h][w][c]} in memory, as ours (PyTorch's channels_last), the kernel {@code [out][kh][kw][in]}. */
        CHANNELS_LAST
    }

    private PtNDArray channelsLastView(float[] values, long n, long h, long w, long c) {
        NDArray stored = manager.create(values, new Shape(n, h, w, c));
        return (PtNDArray) stored.transpose(0, 3, 1, 2);
    }

    /** @return our {@code [kh][kw][in][out]} kernel as {@code [out][kh][kw][in]} */
    private float[] kernelOhwi(float[] params) {
        int k = shape.k();
        int cin = shape.cin();
        int cout = shape.cout();
        float[] t = new float[k * k * cin * cout];
        for (int tap = 0; tap < k * k; tap++) {
            for (int c = 0; c < cin; c++) {
                for (int o = 0; o < cout; o++) {
                    t[(o * k * k + tap) * cin + c] = params[(tap * cin + c) * cout + o];
                }
            }
        }
        return t;
    }

    /**
     * Loads PyTorch's native library and pins it to one intra-op and one inter-op thread, as the bench's one-thread
     * rows do; to be called before PyTorch's first parallel work, which fixes the inter-op count for the process (or
     * after an earlier call).
     *
     * @return PyTorch's version and thread counts, to print
     * @throws IllegalStateException where PyTorch did not keep one thread
     */
    static String startOnOneThread() {
        Engine engine = Engine.getEngine("PyTorch");
        if (JniUtils.getNumInteropThreads() != 1) { // PyTorch refuses a second setting, even of the same count
            JniUtils.setNumInteropThreads(1);
        }
        JniUtils.setNumThreads(1);
        if (JniUtils.getNumThreads() != 1 || JniUtils.getNumInteropThreads() != 1) {
            throw new IllegalStateException("PyTorch kept " + JniUtils.getNumThreads() + " intra-op and "
                    + JniUtils.getNumInteropThreads() + " inter-op threads instead of 1 and 1");
        }
        return "PyTorch " + engine.getVersion() + " (DJL " + Engine.getDjlVersion() + "), intra-op threads "
                + JniUtils.getNumThreads() + ", inter-op threads " + JniUtils.getNumInteropThreads();
    }

    /**
     * @param reps forward passes to run
     * @return the thread's CPU nanoseconds they took
     */
    long forward(int reps) {
        boolean grad = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try {
            long p0 = PROCESS.getProcessCpuTime();
            long t0 = CLOCK.getCurrentThreadCpuTime();
            for (int i = 0; i < reps; i++) {
                JniUtils.convolution(x, kernel, bias, ONE, padding, ONE, 1).close();
            }
            return account(t0, p0);
        } finally {
            JniUtils.setGradMode(grad);
        }
    }

    /** The gradients a backward pass computes; autograd computes those of the tensors that require one. */
    enum Gradients {
        /** What the layer needs: the kernel's and the bias's, and the input's where the layer has an input gradient. */
        LAYER,
        /** The kernel's and the bias's only. */
        KERNEL,
        /** The input's only. */
        INPUT;

        boolean input(ConvShape shape) {
            return this == INPUT || (this == LAYER && shape.inputGradient());
        }

        boolean kernel() {
            return this != INPUT;
        }
    }

    /**
     * Runs {@code reps} backward passes of the layer's gradients ({@link Gradients#LAYER}).
     *
     * @param reps backward passes to run
     * @return the thread's CPU nanoseconds the backward passes took
     */
    long backward(int reps) {
        return backward(reps, Gradients.LAYER);
    }

    /**
     * Runs {@code reps} backward passes, each from a forward pass recorded by autograd on fresh leaf tensors (so no
     * gradient accumulates into an earlier one); only the backward passes are timed.
     *
     * @param reps backward passes to run
     * @param gradients the gradients they compute
     * @return the thread's CPU nanoseconds the backward passes took
     */
    long backward(int reps, Gradients gradients) {
        long cpu = 0;
        for (int i = 0; i < reps; i++) {
            try (Pass pass = new Pass(gradients)) {
                long p0 = PROCESS.getProcessCpuTime();
                long t0 = CLOCK.getCurrentThreadCpuTime();
                JniUtils.backward(pass.y, dy, false, false);
                cpu += account(t0, p0);
            }
        }
        return cpu;
    }

    /**
     * @return the calling thread's CPU time over the whole process's during the passes timed so far: about 1 where
     *     PyTorch ran them on the calling thread alone, so that the thread's clock saw all of its work (the JVM's
     *     compiler and collector threads may take a little; the process's clock counts in ticks of 10 ms, so short
     *     passes need many); about 0.5 where two threads of PyTorch worked
     */
    double threadShareOfProcess() {
        return processNanos == 0 ? Double.NaN : (double) cpuNanos / processNanos;
    }

    /**
     * One forward and backward pass, untimed, for the numerics check.
     *
     * @return the output, our layout ({@code [n][h][w][cout]}); the kernel and bias gradients, ours ({@code
     *     [kh][kw][in][out]} then the biases); and the input gradient, channels-last, or an empty array where the
     *     layer has none
     */
    float[][] outputsInOurLayout() {
        try (Pass pass = new Pass(Gradients.LAYER)) {
            float[] y = pass.y.toFloatArray();
            JniUtils.backward(pass.y, dy, false, false);
            float[] dk = pass.kernel.getGradient().toFloatArray();
            float[] db = pass.bias.getGradient().toFloatArray();
            float[] dx = shape.inputGradient() ? pass.x.getGradient().toFloatArray() : new float[0];
            float[] grads = new float[shape.parameterCount()];
            int k = shape.k();
            for (int o = 0; o < shape.cout(); o++) {
                for (int c = 0; c < shape.cin(); c++) {
                    for (int t = 0; t < k * k; t++) {
                        grads[(t * shape.cin() + c) * shape.cout() + o] = dk[(o * shape.cin() + c) * k * k + t];
                    }
                }
            }
            System.arraycopy(db, 0, grads, grads.length - shape.cout(), shape.cout());
            return new float[][] {
                toChannelsLast(y, shape.cout()), grads, shape.inputGradient() ? toChannelsLast(dx, shape.cin()) : dx
            };
        }
    }

    private float[] toChannelsLast(float[] nchw, int channels) {
        int plane = shape.h() * shape.w();
        float[] nhwc = new float[nchw.length];
        for (int n = 0; n < batch; n++) {
            for (int c = 0; c < channels; c++) {
                for (int p = 0; p < plane; p++) {
                    nhwc[(n * plane + p) * channels + c] = nchw[(n * channels + c) * plane + p];
                }
            }
        }
        return nhwc;
    }

    private long account(long cpu0, long process0) {
        long cpu = CLOCK.getCurrentThreadCpuTime() - cpu0;
        processNanos += PROCESS.getProcessCpuTime() - process0;
        cpuNanos += cpu;
        return cpu;
    }

    @Override
    public void close() {
        manager.close();
    }

    /** A forward pass recorded by autograd on copies of the layer's tensors, its gradients' leaves. */
    private final class Pass implements AutoCloseable {
        private final NDManager scope = manager.newSubManager();
        private final boolean grad = JniUtils.isGradMode();
        private final PtNDArray x;
        private final PtNDArray kernel;
        private final PtNDArray bias;
        private final PtNDArray y;

        Pass(Gradients gradients) {
            this.x = leaf(TorchConv.this.x, gradients.input(shape));
            this.kernel = leaf(TorchConv.this.kernel, gradients.kernel());
            this.bias = leaf(TorchConv.this.bias, gradients.kernel());
            JniUtils.setGradMode(true);
            this.y = JniUtils.convolution(x, kernel, bias, ONE, padding, ONE, 1);
            y.attach(scope);
        }

        private PtNDArray leaf(PtNDArray from, boolean requiresGradient) {
            NDArray copy = from.duplicate();
            copy.attach(scope);
            copy.setRequiresGradient(requiresGradient);
            return (PtNDArray) copy;
        }

        @Override
        public void close() {
            JniUtils.setGradMode(grad);
            scope.close();
        }
    }
}
