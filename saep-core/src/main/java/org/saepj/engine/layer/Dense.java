package org.saepj.engine.layer;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.saepj.engine.kernel.Kernels;

/**
 * A fully connected layer {@code y = x·W + b} with W stored {@code in × out} (TensorFlow's kernel layout)
 * followed by the bias. Glorot-uniform kernel, zero bias.
 */
public final class Dense extends Layer {
    private final int in;
    private final int out;
    private final Kernels kernels;
    /** Wᵀ ({@code out × in}), refreshed from W before each use. */
    private final float[] weightT;
    /** Narrow outputs (a 10-class head) use dot products along the input, which vectorise; wide ones use W directly. */
    private final boolean narrow;
    /** dWᵀ for the narrow form. */
    private final float[] gradT;
    /** The kernels' workspace for this layer's products (copies of B's strips that stay in cache). */
    private final float[] work;
    /**
     * The fewest multiply-adds of a product worth offering to another thread (tens of microseconds): a smaller one
     * would cost its owner more in waking and waiting than it saves.
     */
    private static final long SHARED_PRODUCT = 1 << 20;

    /** The input gradient's own workspace, so that it may run beside the kernel gradient (wide form). */
    private final float[] inputGradientWork;

    /**
     * @param in inputs per sample
     * @param out units
     * @param kernels the matrix kernels to use
     */
    public Dense(int in, int out, Kernels kernels) {
        this.in = in;
        this.out = out;
        this.kernels = kernels;
        this.weightT = new float[in * out];
        this.narrow = kernels.prefersDotProducts(out);
        this.gradT = narrow ? new float[in * out] : new float[0];
        this.work = new float[Math.max(kernels.gemmWorkspace(out), kernels.gemmWorkspace(in))];
        this.inputGradientWork = narrow ? new float[0] : new float[work.length]; // as long: the same kernel paths
    }

    @Override
    public int inputSize() {
        return in;
    }

    @Override
    public int outputSize() {
        return out;
    }

    @Override
    public int parameterCount() {
        return in * out + out;
    }

    @Override
    public void initialize(float[] params, SplittableRandom rng) {
        Initializers.glorotUniform(params, offset(), in * out, in, out, rng);
        Arrays.fill(params, offset() + in * out, offset() + in * out + out, 0f);
    }

    @Override
    public void forward(float[] params, float[] x, float[] y, int batch) {
        if (narrow) {
            kernels.transposeInto(params, offset(), in, out, weightT);
            kernels.gemmTransposedB(x, weightT, y, batch, in, out);
        } else {
            kernels.gemm(x, 0, params, offset(), y, 0, batch, in, out, false, work);
        }
        kernels.addRowVector(y, params, offset() + in * out, batch, out);
    }

    /**
     * The wide form's kernel and bias gradients (one chunk) beside its input gradient (the other), which may run on
     * an idle thread: they write disjoint outputs, each with its own workspace and the calls of {@link #backward(
     * float[], float[], float[], float[], float[], float[], int)}.
     */
    @Override
    public void backward(
            float[] params, float[] x, float[] y, float[] dy, float[] dx, float[] grads, int batch, Pass pass) {
        if (narrow || dx == null || (long) batch * in * out < SHARED_PRODUCT) {
            backward(params, x, y, dy, dx, grads, batch);
            return;
        }
        pass.chunks().run(2, c -> {
            if (c == 0) {
                kernels.gemmTransposedA(x, dy, 0, grads, offset(), batch, in, out, work);
                kernels.columnSums(dy, grads, offset() + in * out, batch, out);
            } else {
                kernels.gemmTransposedOperand(dy, params, offset(), dx, batch, out, in, inputGradientWork, weightT);
            }
        });
    }

    @Override
    public void backward(float[] params, float[] x, float[] y, float[] dy, float[] dx, float[] grads, int batch) {
        if (narrow) {
            // dWᵀ = dyᵀ·x vectorises along the wide input; then it is transposed into place.
            kernels.gemmTransposedA(dy, x, 0, gradT, 0, batch, out, in, work);
            kernels.transposeInto(gradT, 0, out, in, weightT);
            System.arraycopy(weightT, 0, grads, offset(), in * out);
        } else {
            kernels.gemmTransposedA(x, dy, 0, grads, offset(), batch, in, out, work);
        }
        kernels.columnSums(dy, grads, offset() + in * out, batch, out);
        if (dx != null) {
            // dx = dy·Wᵀ, W being in × out: the kernels read W's rows into their panels (or transpose it first).
            kernels.gemmTransposedOperand(dy, params, offset(), dx, batch, out, in, work, weightT);
        }
    }

    @Override
    public String toString() {
        return "Dense(" + in + "→" + out + ")";
    }
}
