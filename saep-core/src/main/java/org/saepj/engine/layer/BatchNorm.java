package org.saepj.engine.layer;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.saepj.engine.kernel.Kernels;

/**
 * Batch normalisation per channel (Ioffe and Szegedy 2015) over H×W×C activations, or the features of a flat input:
 * {@code y = γ·(x − μ)/√(σ² + ε) + β}. Training passes use the batch's mean and (biased) variance over the samples and
 * positions, and update the running statistics as PyTorch does: {@code r ← (1 − m)·r + m·batch}, the variance's
 * unbiased. Inference uses the running statistics, folded into one scale and shift per channel (the ONNX form computes
 * the same two numbers). The running statistics move in each training forward pass, as PyTorch's do. Parameters {@code
 * [γ (C)][β (C)]}, γ = 1 and β = 0 initially, with no random draw; state
 * {@code [running mean (C)][running variance (C)]}, 0 and 1 initially.
 *
 * <p>Every pass is a few sweeps over the {@code positions × channels} matrix with per-channel constants, which the
 * {@link Kernels} run a vector of channels at a time: the sums (in float over short runs of rows, then in double),
 * and the outputs and input gradients as {@code x·a + b} or {@code dy·a + x·b + d} with the statistics folded into
 * the constants.
 */
public final class BatchNorm extends Layer implements ChannelMap, RectifyingLayer {
    private static final String NEEDS_NETWORK =
            "batch_norm reads the network's running statistics: run it in a network";
    private final int positions;
    private final int channels;
    private final float momentum;
    private final float epsilon;
    /** The last training pass's per-channel mean, variance and 1/√(σ² + ε), for its backward pass. */
    private final float[] mean;

    private final double[] variance;
    private final float[] invStd;
    /**
     * The last training pass's {@code x·forwardScale + forwardShift} per channel: kept for its backward pass, which
     * finds again where a pool after the ReLU took its maxima.
     */
    private final float[] forwardScale;

    private final float[] forwardShift;
    /** The last inference pass's folded scale and shift per channel. */
    private final float[] scale;

    private final float[] shift;
    /** Per-channel sums of a pass, in double so that long batches lose nothing. */
    private final double[] sum;

    private final double[] sum2;
    /** The input gradient's constants per channel: {@code dx = dy·gradScale + x·gradSlope + gradShift}. */
    private final float[] gradScale;

    private final float[] gradSlope;
    private final float[] gradShift;
    private final Kernels kernels;

    /**
     * @param positions height × width (1 for a flat input)
     * @param channels the channels (features)
     * @param momentum m, the weight of a batch in the running statistics
     * @param epsilon ε, added to the variance
     * @param kernels the kernels of the sweeps
     */
    public BatchNorm(int positions, int channels, float momentum, float epsilon, Kernels kernels) {
        this.kernels = kernels;
        this.gradScale = new float[channels];
        this.gradSlope = new float[channels];
        this.gradShift = new float[channels];
        this.positions = positions;
        this.channels = channels;
        this.momentum = momentum;
        this.epsilon = epsilon;
        this.mean = new float[channels];
        this.invStd = new float[channels];
        this.variance = new double[channels];
        this.scale = new float[channels];
        this.shift = new float[channels];
        this.forwardScale = new float[channels];
        this.forwardShift = new float[channels];
        this.sum = new double[channels];
        this.sum2 = new double[channels];
    }

    @Override
    public int inputSize() {
        return positions * channels;
    }

    @Override
    public int outputSize() {
        return positions * channels;
    }

    @Override
    public int parameterCount() {
        return 2 * channels;
    }

    @Override
    public int stateCount() {
        return 2 * channels;
    }

    @Override
    public void initialize(float[] params, SplittableRandom rng) {
        Arrays.fill(params, offset(), offset() + channels, 1f);
        Arrays.fill(params, offset() + channels, offset() + 2 * channels, 0f);
    }

    @Override
    public void initializeState(float[] state) {
        Arrays.fill(state, stateOffset(), stateOffset() + channels, 0f);
        Arrays.fill(state, stateOffset() + channels, stateOffset() + 2 * channels, 1f);
    }

    /**
     * The inference scale γ/√(r_var + ε) and shift β − r_mean·scale of a channel, as the forward pass and the ONNX
     * form compute them.
     *
     * @param params the network's parameters
     * @param state the network's state
     * @param c the channel
     * @return {scale, shift}
     */
    public float[] folded(float[] params, float[] state, int c) {
        float s = (float) (params[offset() + c] * runningInvStd(state, c));
        return new float[] {s, params[offset() + channels + c] - state[stateOffset() + c] * s};
    }

    private double runningInvStd(float[] state, int c) {
        return 1 / Math.sqrt(state[stateOffset() + channels + c] + (double) epsilon);
    }

    @Override
    public void forward(float[] params, float[] x, float[] y, int batch) {
        throw new UnsupportedOperationException(NEEDS_NETWORK);
    }

    @Override
    public void backward(float[] params, float[] x, float[] y, float[] dy, float[] dx, float[] grads, int batch) {
        throw new UnsupportedOperationException(NEEDS_NETWORK);
    }

    @Override
    public void forward(float[] params, float[] x, float[] y, int batch, Pass pass) {
        int rows = batch * positions;
        float[] state = pass.state();
        if (!pass.training()) {
            foldRunning(params, state);
            kernels.channelAffine(x, y, rows, channels, scale, shift);
            return;
        }
        forwardTraining(
                params,
                x,
                rows,
                state,
                pass.chunks(),
                (from, to) -> kernels.channelAffine(x, y, rows, channels, from, to, forwardScale, forwardShift));
    }

    /**
     * The training pass, a range of channels per chunk: everything a channel's statistics, running statistics and
     * outputs need is that channel's alone, so the chunks write disjoint parts with the operations of one pass.
     * {@code output} writes the chunk's outputs from {@link #forwardScale} and {@link #forwardShift}: the affine map,
     * with the ReLU, or with the ReLU and the pool.
     */
    private void forwardTraining(
            float[] params, float[] x, int rows, float[] state, Chunks chunks, ChannelRange output) {
        inChannelRanges(chunks, (from, to) -> {
            trainingConstants(params, x, rows, state, from, to);
            output.run(from, to);
        });
    }

    /**
     * The training pass's gradients, a range of channels per chunk as {@link #forwardTraining}: {@code sums} adds
     * Σ dy and Σ dy·x̂ into {@link #sum} and {@link #sum2}, then, where dx is wanted, {@code inputGradient} writes it
     * from the constants. Each pair folds in what went after the layer in its forward pass: nothing, the ReLU, or the
     * ReLU and the pool.
     */
    private void backwardTraining(
            float[] params,
            float[] dx,
            float[] grads,
            int rows,
            Chunks chunks,
            ChannelRange sums,
            ChannelRange inputGradient) {
        inChannelRanges(chunks, (from, to) -> {
            Arrays.fill(sum, from, to, 0);
            Arrays.fill(sum2, from, to, 0);
            sums.run(from, to);
            parameterGradients(grads, from, to);
            if (dx != null) {
                inputGradientConstants(params, rows, from, to);
                inputGradient.run(from, to);
            }
        });
    }

    /** What one chunk of a training pass computes: channels {@code from … to − 1}. */
    @FunctionalInterface
    private interface ChannelRange {
        void run(int from, int to);
    }

    /** Runs {@code body} over the channels in {@link #channelChunks()} ranges, a chunk each. */
    private void inChannelRanges(Chunks chunks, ChannelRange body) {
        int count = channelChunks();
        chunks.run(count, c -> body.run(channelBound(c, count), channelBound(c + 1, count)));
    }

    /** Channels per chunk, at least: a vector's width at 512 bits, so that no chunk splits a vector of channels. */
    private static final int CHUNK_CHANNELS = 16;

    /** The most chunks a pass is split into. */
    private static final int MOST_CHUNKS = 4;

    /** @return the chunks of a training pass: one per {@link #CHUNK_CHANNELS} channels, at most {@link #MOST_CHUNKS} */
    private int channelChunks() {
        return Math.max(1, Math.min(MOST_CHUNKS, channels / CHUNK_CHANNELS));
    }

    /** @return the first channel of chunk {@code c} of {@code count}: a multiple of 16, or the end */
    private int channelBound(int c, int count) {
        int blocks = (channels + CHUNK_CHANNELS - 1) / CHUNK_CHANNELS;
        return Math.min(channels, blocks * c / count * CHUNK_CHANNELS);
    }

    /**
     * The training pass's statistics and its constants {@code x·forwardScale + forwardShift} for channels {@code from
     * … to − 1}; moves their running statistics.
     */
    private void trainingConstants(float[] params, float[] x, int rows, float[] state, int from, int to) {
        statistics(x, rows, from, to);
        updateRunning(state, rows, from, to);
        forwardConstants(params, from, to);
    }

    /** Sets {@link #forwardScale} and {@link #forwardShift} of channels {@code from … to − 1} from the statistics. */
    private void forwardConstants(float[] params, int from, int to) {
        int g = offset();
        int b = offset() + channels;
        // (x − μ)·invStd·γ + β as x·s + t: one product and one sum per value.
        for (int c = from; c < to; c++) {
            float s = invStd[c] * params[g + c];
            forwardScale[c] = s;
            forwardShift[c] = params[b + c] - mean[c] * s;
        }
    }

    /**
     * A training pass's statistics taken from elsewhere (a stem's run computes them from the patches' moments, without
     * the inputs): sets the mean, variance, 1/√(σ² + ε) and forward constants of every channel as {@link #forward}
     * would from inputs with that mean and (biased) variance, and moves the running statistics.
     *
     * @param params the network's parameters
     * @param state the network's state
     * @param rows the positions the statistics are over, samples × height × width
     * @param batchMean the batch mean per channel
     * @param batchVariance the batch's biased variance per channel
     */
    void trainingConstants(float[] params, float[] state, int rows, double[] batchMean, double[] batchVariance) {
        for (int c = 0; c < channels; c++) {
            mean[c] = (float) batchMean[c];
            variance[c] = batchVariance[c];
            invStd[c] = (float) (1 / Math.sqrt(variance[c] + epsilon));
        }
        updateRunning(state, rows, 0, channels);
        forwardConstants(params, 0, channels);
    }

    /**
     * Writes γ's and β's gradients from sums taken elsewhere (a stem's run): Σ dy·x̂ and Σ dy per channel.
     *
     * @param grads the network's gradient array
     * @param sumDy Σ dy per channel
     * @param sumDyXhat Σ dy·x̂ per channel
     */
    void parameterGradients(float[] grads, double[] sumDy, double[] sumDyXhat) {
        System.arraycopy(sumDy, 0, sum, 0, channels);
        System.arraycopy(sumDyXhat, 0, sum2, 0, channels);
        parameterGradients(grads, 0, channels);
    }

    /** @return the last training pass's factor per channel, {@code x·forwardScale + forwardShift} (live) */
    float[] forwardScale() {
        return forwardScale;
    }

    /** @return the last training pass's term per channel (live) */
    float[] forwardShift() {
        return forwardShift;
    }

    /** @return the last training pass's batch mean per channel (live) */
    float[] batchMean() {
        return mean;
    }

    /** @return the last training pass's 1/√(σ² + ε) per channel (live) */
    float[] batchInvStd() {
        return invStd;
    }

    /** @return the channels */
    int channels() {
        return channels;
    }

    @Override
    public void forwardRectified(float[] params, float[] x, float[] y, int batch, Pass pass) {
        int rows = batch * positions;
        forwardTraining(
                params,
                x,
                rows,
                pass.state(),
                pass.chunks(),
                (from, to) -> kernels.channelAffineRelu(x, y, rows, channels, from, to, forwardScale, forwardShift));
    }

    @Override
    public void backwardRectified(
            float[] params, float[] x, float[] y, float[] dy, float[] dx, float[] grads, int batch, Pass pass) {
        int rows = batch * positions;
        backwardGated(
                params,
                x,
                y,
                dy,
                dx,
                grads,
                rows,
                pass.chunks(),
                (from, to) -> kernels.channelAffine2Gated(
                        dy, y, x, dx, rows, channels, from, to, gradScale, gradSlope, gradShift));
    }

    /** {@link #backwardTraining} with the sums gated by a ReLU's output {@code y}, and the given input gradient. */
    private void backwardGated(
            float[] params,
            float[] x,
            float[] y,
            float[] dy,
            float[] dx,
            float[] grads,
            int rows,
            Chunks chunks,
            ChannelRange inputGradient) {
        backwardTraining(
                params,
                dx,
                grads,
                rows,
                chunks,
                (from, to) ->
                        kernels.channelGradientSumsGated(x, dy, y, rows, channels, from, to, mean, invStd, sum, sum2),
                inputGradient);
    }

    /** The statistics' sweeps, then one writing {@code max(x·s + t + skip, 0)}: a range of channels per chunk. */
    @Override
    public void forwardRectifiedSum(float[] params, float[] x, float[] skip, float[] y, int batch, Pass pass) {
        int rows = batch * positions;
        forwardTraining(
                params,
                x,
                rows,
                pass.state(),
                pass.chunks(),
                (from, to) ->
                        kernels.channelAffineAddRelu(x, skip, y, rows, channels, from, to, forwardScale, forwardShift));
    }

    /**
     * The batch norm's sweeps gated by the ReLU's output, as after the ReLU alone (the sum passes the ReLU's gradient
     * to both its inputs unchanged), the input gradient's sweep writing the ReLU's gradient itself for the sum's other
     * input too.
     */
    @Override
    public void backwardRectifiedSum(
            float[] params,
            float[] x,
            float[] y,
            float[] dy,
            float[] dx,
            float[] skipDx,
            float[] grads,
            int batch,
            Pass pass) {
        if (skipDx == null || dx == null) {
            backwardRectified(params, x, y, dy, dx, grads, batch, pass);
            if (skipDx != null) {
                // The ReLU's mask from its output: positive exactly where its input (the sum) was.
                kernels.reluBackward(y, dy, skipDx, batch * positions * channels);
            }
            return;
        }
        int rows = batch * positions;
        backwardGated(
                params,
                x,
                y,
                dy,
                dx,
                grads,
                rows,
                pass.chunks(),
                (from, to) -> kernels.channelAffine2GatedSkip(
                        dy, y, x, dx, skipDx, rows, channels, from, to, gradScale, gradSlope, gradShift));
    }

    /** One sweep for the statistics, one writing the pooled outputs: a range of channels per chunk. */
    @Override
    public void forwardRectifiedPooled(float[] params, float[] x, float[] y, int batch, int h, int w, Pass pass) {
        requireMaps(h, w);
        forwardTraining(
                params,
                x,
                batch * positions,
                pass.state(),
                pass.chunks(),
                (from, to) -> kernels.channelAffineReluPool(
                        x, y, batch, h, w, channels, from, to, forwardScale, forwardShift));
    }

    /** The sums and the input gradient, each routed through the pool and the ReLU: a range of channels per chunk. */
    @Override
    public void backwardRectifiedPooled(
            float[] params,
            float[] x,
            float[] y,
            float[] dy,
            float[] dx,
            float[] grads,
            int batch,
            int h,
            int w,
            Pass pass) {
        requireMaps(h, w);
        backwardTraining(
                params,
                dx,
                grads,
                batch * positions,
                pass.chunks(),
                (from, to) -> kernels.channelGradientSumsPooled(
                        x, y, dy, batch, h, w, channels, from, to, forwardScale, forwardShift, mean, invStd, sum, sum2),
                (from, to) -> kernels.channelAffine2Pooled(
                        dy,
                        y,
                        x,
                        dx,
                        batch,
                        h,
                        w,
                        channels,
                        from,
                        to,
                        forwardScale,
                        forwardShift,
                        gradScale,
                        gradSlope,
                        gradShift));
    }

    @Override
    public boolean hasMaps(int h, int w) {
        return (long) h * w == positions;
    }

    private void requireMaps(int h, int w) {
        if (!hasMaps(h, w)) {
            throw new IllegalArgumentException(
                    "maps of " + h + "×" + w + " for a batch norm over " + positions + " positions");
        }
    }

    private void parameterGradients(float[] grads, int from, int to) {
        int g = offset();
        int b = offset() + channels;
        for (int c = from; c < to; c++) {
            grads[g + c] = (float) sum2[c];
            grads[b + c] = (float) sum[c];
        }
    }

    /** The training pass's input gradient as {@code dy·gradScale + x·gradSlope + gradShift}, from the sums. */
    private void inputGradientConstants(float[] params, int rows, int from, int to) {
        int g = offset();
        // γ·invStd·(dy − Σdy/n − x̂·Σdy·x̂/n) with x̂ = (x − μ)·invStd, as dy·a + x·b + d.
        for (int c = from; c < to; c++) {
            double a = (double) params[g + c] * invStd[c];
            double slope = -a * invStd[c] * sum2[c] / rows;
            gradScale[c] = (float) a;
            gradSlope[c] = (float) slope;
            gradShift[c] = (float) (-a * sum[c] / rows - slope * mean[c]);
        }
    }

    /** Sets {@link #scale} and {@link #shift} from the running statistics, as {@link #folded} computes them. */
    private void foldRunning(float[] params, float[] state) {
        int g = offset();
        int b = offset() + channels;
        for (int c = 0; c < channels; c++) {
            scale[c] = (float) (params[g + c] * runningInvStd(state, c));
            shift[c] = params[b + c] - state[stateOffset() + c] * scale[c];
        }
    }

    @Override
    public Epilogue.Step step() {
        return Epilogue.Step.AFFINE;
    }

    /** The inference pass's constants, kept as that pass keeps them (its backward pass reads the scale). */
    @Override
    public void appendTo(Epilogue epilogue, float[] params, float[] state) {
        foldRunning(params, state);
        epilogue.affine(scale, shift);
    }

    /**
     * The batch's mean and 1/√(σ² + ε) per channel, in two passes; then the running statistics move towards them.
     */
    private void statistics(float[] x, int rows, int from, int to) {
        Arrays.fill(sum, from, to, 0);
        Arrays.fill(sum2, from, to, 0);
        kernels.channelSums(x, rows, channels, from, to, sum);
        for (int c = from; c < to; c++) {
            mean[c] = (float) (sum[c] / rows);
        }
        kernels.channelSquaredDeviations(x, rows, channels, from, to, mean, sum2);
        for (int c = from; c < to; c++) {
            variance[c] = sum2[c] / rows;
            invStd[c] = (float) (1 / Math.sqrt(variance[c] + epsilon));
        }
    }

    /** Moves the running statistics towards the batch's. */
    private void updateRunning(float[] state, int rows, int from, int to) {
        int m = stateOffset();
        int v = stateOffset() + channels;
        double unbiased = rows > 1 ? (double) rows / (rows - 1) : 1;
        for (int c = from; c < to; c++) {
            state[m + c] = (1 - momentum) * state[m + c] + momentum * mean[c];
            state[v + c] = (float) ((1 - momentum) * state[v + c] + momentum * variance[c] * unbiased);
        }
    }

    @Override
    public void backward(
            float[] params, float[] x, float[] y, float[] dy, float[] dx, float[] grads, int batch, Pass pass) {
        int rows = batch * positions;
        if (pass.training()) {
            backwardTraining(
                    params,
                    dx,
                    grads,
                    rows,
                    pass.chunks(),
                    (from, to) -> kernels.channelGradientSums(x, dy, rows, channels, from, to, mean, invStd, sum, sum2),
                    (from, to) -> kernels.channelAffine2(
                            dy, x, dx, rows, channels, from, to, gradScale, gradSlope, gradShift));
            return;
        }
        Arrays.fill(sum, 0);
        Arrays.fill(sum2, 0);
        float[] state = pass.state();
        float[] runningInv = gradSlope; // scratch: the running statistics' 1/√(σ² + ε)
        for (int c = 0; c < channels; c++) {
            runningInv[c] = (float) runningInvStd(state, c);
        }
        kernels.channelGradientSums(
                x,
                dy,
                rows,
                channels,
                Arrays.copyOfRange(state, stateOffset(), stateOffset() + channels),
                runningInv,
                sum,
                sum2);
        parameterGradients(grads, 0, channels);
        if (dx != null) {
            // The running statistics are constants: dx = dy·scale.
            Arrays.fill(gradShift, 0f);
            kernels.channelAffine(dy, dx, rows, channels, scale, gradShift);
        }
    }

    @Override
    public String toString() {
        return "BatchNorm(" + channels + ")";
    }
}
