package org.saepj.engine.layer;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.saepj.engine.kernel.Kernels;
import org.saepj.engine.kernel.Winograd;

/**
 * A K×K convolution (K = 1, 3, 5 or 7), stride 1 or 2, "same" or "valid" zero padding ({@link ConvAxis}: same
 * padding follows TensorFlow's and ONNX's convention, {@code out = ⌈in / stride⌉} with any odd padding after the
 * input), on H×W×C activations, computed as matrix products over im2col patches (stored tap-major, so they are built
 * from contiguous runs of the input), a chunk of samples at a time so the patches stay in cache. A 1×1 convolution of
 * stride 1 reads no patches: its input already is the {@code positions × cin} matrix, so it is one product. A stride-1
 * convolution of at least 8 input channels whose filters the kernels take ({@link Kernels#convolvesPlanes}: blocks
 * of four) reads no patches either: each image is copied channel-major with its zero borders and convolved there
 * ({@link Kernels#convolvePlanes}), with the bits of the products. Where the kernels say it is faster ({@link
 * Kernels#convolvesDirectly}: 16 filters at 512 bits), a stride-1 same-padded convolution takes its kernel gradient
 * (and, where the planes form does not apply, its forward pass) straight from a zero-padded copy of each image, with
 * the bits of the products; so does one of any filters in whole vectors without an input gradient (a stem: its kernel
 * gradient, {@link Kernels#convolveWeightGradient}). The kernel is stored {@code
 * [ky][kx][cin][cout]} (TensorFlow's HWIO layout), i.e. a {@code K²·cin × cout} matrix whose rows match the patch
 * layout. Truncated He-normal kernel, zero bias.
 */
public final class Conv2D extends Layer implements EpilogueProducer {
    /** How the input is padded. */
    public enum Padding {
        /** Zeros so that {@code out = ⌈in / stride⌉}. */
        SAME,
        /** No zeros: every window lies inside the input. */
        VALID
    }

    private final int k;
    private final int stride;
    private final Padding padding;
    private final ConvAxis rows;
    private final ConvAxis cols;
    private final int h;
    private final int w;
    private final int cin;
    private final int cout;
    private final Kernels kernels;
    /**
     * The kernels' workspace for the kernel gradient {@code patches · dy} (panels of dy's strips that stay in L1 while
     * every block of taps reads them), the layer's own as a dense layer's is, so that a step allocates nothing; the
     * kernels decide whether a product uses it. The forward product and the col2im input gradient go without: there
     * the panels were measured not to pay (docs/BENCHMARKS.md).
     */
    private final float[] work;

    private float[] dPatches = new float[0];
    private float[] dyT = new float[0];
    /**
     * The buffers of each chunk of a pass ({@link Scratch}): chunk c of a pass builds its images in {@code
     * scratch[c]} whichever thread runs it; grown before a pass's chunks start, never while they run.
     */
    private Scratch[] scratch = {new Scratch()};
    /** The kernel transposed, {@code cout × cin}, for a 1×1 convolution's input gradient. */
    private float[] weightT = new float[0];
    /**
     * For a stride-1 convolution with same padding: the input gradient is the same convolution of
     * dy with the kernel flipped and its channels swapped ({@link #flippedKernel}), run by this layer of
     * {@code cout → cin} channels, made on the first backward pass that needs it (a layer made here would otherwise
     * make its own); see {@link #flipsForInputGradient}.
     */
    private Conv2D gradientConvolution;

    /** Whether the input gradient is a convolution of dy (stride 1, same padding, cin a multiple of 16), else col2im */
    private final boolean flipsForInputGradient;

    private float[] flippedKernel = new float[0];

    /**
     * Whether the kernels convolve straight from a zero-padded copy of the input (stride 1, same padding, filters the
     * kernels run faster so: {@link Kernels#convolvesDirectly}): no im2col patches, the same bits
     * ({@link Kernels#convolveAnchors}).
     */
    private final boolean direct;
    /** Whether the forward pass is direct too (enough input channels), else im2col products. */
    private final boolean directForward;

    /**
     * Whether the forward pass convolves each image's channel-major planes ({@link Kernels#convolvePlanes}: stride 1,
     * filters the kernels run so with the bits of the im2col product, enough input channels), ahead of the direct
     * form and im2col; it is also the input gradient's convolution of dy where {@link #flipsForInputGradient}. A stem
     * of one channel has too few taps per output to pay for the planes' transposed outputs (measured: 0.65–0.85× the
     * im2col product), so it keeps the product.
     */
    private final boolean planesForward;

    /**
     * Whether the forward pass, the input gradient's convolution of dy and the kernel gradient run as Winograd's
     * F(2×2, 3×3) (a 3×3 stride-1 same convolution of even sides and channels in multiples of 16: {@link
     * Winograd#takes}), ahead of the planes: 2.25 times fewer multiplications, within a few roundings of the direct
     * sums (measured against the planes in docs/BENCHMARKS.md, "Winograd's F(2×2, 3×3)"). Kernels built without it
     * ({@link Kernels#convolvesWinograd}) keep the forms with the im2col product's bits.
     */
    private final boolean byWinograd;

    /** The kernel as {@link Winograd#transformFilters} writes it, once per pass, for Winograd's form. */
    private float[] winogradKernel = new float[0];

    /** The kernel gradient in Winograd's form, summed over a batch's images before it is taken back to the kernel's. */
    private float[] winogradGradient = new float[0];

    /**
     * Whether, where there is no input gradient (a stem), the kernel gradient is taken straight from padded images
     * ({@link Kernels#convolveWeightGradient}: eight or nine taps × a vector of filters on one channel) for any filters
     * in whole vectors, not only the direct form's 16; with the same bits as the im2col product over panels, which it
     * beat on the two-block CNN's 5 × 5 one-channel stem (1.23–1.28× backward). Not where an input gradient follows:
     * on the 32 → 64 layer the tap vectors ran at 0.85–1.08× the panels, run to run.
     */
    private final boolean directGradient;

    /** The direct kernel gradient's workspace ({@link Kernels#weightGradientWorkspace}), made on first use. */
    private float[] gradientWork = new float[0];

    /** A chunk of images' dy in a pooled run's backward pass ({@link #backwardPooled}). */
    private float[] routedGradient = new float[0];

    /** What a pooled run's backward pass makes its chunks of dy from. */
    private final Routed routed = new Routed();

    /** The kernel in blocks of four filters ({@link Kernels#packFilterBlocks}), once per pass, for the planes form. */
    private float[] packedKernel = new float[0];

    /** The fewest input channels of a direct or planes forward pass. */
    private static final int DIRECT_MIN_CHANNELS = 8;
    /** The chunks of a forward pass image by image (planes or direct form): images in a chunk's scratch each. */
    private static final int IMAGE_CHUNKS = 4;

    /** What one chunk of a pass builds its images in: each chunk's own, so that chunks may run on several threads. */
    private static final class Scratch {
        /** Im2col patches of a chunk of samples, tap-major. */
        private float[] patches = new float[0];
        /** A chunk's input or input gradient, channel-major with zero borders: {@code [cin][sample][h'][w']}. */
        private float[] planes = new float[0];
        /** One image's outputs, channel-major, for {@link Kernels#convolvePlanes}. */
        private float[] planeOut = new float[0];
        /** Zero-padded images for the direct form, {@code [sample][h + K − 1][w + K − 1][cin]}; borders stay 0. */
        private float[] padded = new float[0];
        /** One image's outputs at every anchor of the padded width, direct form; the caller keeps the real ones. */
        private float[] anchorOut = new float[0];
        /** One image's transformed windows and their products, Winograd's form. */
        private float[] winograd = new float[0];
        /** A few images' outputs of a pooled run ({@link #forwardPooled}), pooled while in cache. */
        private float[] outputs = new float[0];
    }

    /**
     * A 3×3 convolution, stride 1, same padding.
     *
     * @param h input height
     * @param w input width
     * @param cin input channels
     * @param cout filters
     * @param kernels the matrix kernels to use
     */
    public Conv2D(int h, int w, int cin, int cout, Kernels kernels) {
        this(h, w, cin, cout, 3, kernels);
    }

    /**
     * A K×K convolution, stride 1, same padding.
     *
     * @param h input height
     * @param w input width
     * @param cin input channels
     * @param cout filters
     * @param kernel the kernel's size K: 1, 3, 5 or 7
     * @param kernels the matrix kernels to use
     */
    public Conv2D(int h, int w, int cin, int cout, int kernel, Kernels kernels) {
        this(h, w, cin, cout, kernel, 1, Padding.SAME, kernels);
    }

    /**
     * @param h input height
     * @param w input width
     * @param cin input channels
     * @param cout filters
     * @param kernel the kernel's size K: 1, 3, 5 or 7
     * @param stride 1 or 2
     * @param padding same or valid
     * @param kernels the matrix kernels to use
     * @throws IllegalArgumentException for another kernel or stride, or valid padding of an input smaller than K
     */
    public Conv2D(int h, int w, int cin, int cout, int kernel, int stride, Padding padding, Kernels kernels) {
        if (kernel != 1 && kernel != 3 && kernel != 5 && kernel != 7) {
            throw new IllegalArgumentException("convolution kernels are 1×1, 3×3, 5×5 or 7×7, got " + kernel);
        }
        if (stride != 1 && stride != 2) {
            throw new IllegalArgumentException("convolution strides are 1 or 2, got " + stride);
        }
        this.k = kernel;
        this.stride = stride;
        this.padding = padding;
        this.rows = ConvAxis.of(h, kernel, stride, padding == Padding.SAME);
        this.cols = ConvAxis.of(w, kernel, stride, padding == Padding.SAME);
        this.h = h;
        this.w = w;
        this.cin = cin;
        this.cout = cout;
        this.kernels = kernels;
        // Same padding of an odd kernel at stride 1 puts (K − 1)/2 zeros on each side: dy padded alike gives dx. Its
        // product is cin wide, so only where cin fills whole vectors (8 or 16 lanes); a narrower one runs scalar.
        this.flipsForInputGradient = stride == 1 && kernel > 1 && padding == Padding.SAME && cin % 16 == 0;
        this.directGradient = stride == 1
                && kernel > 1
                && padding == Padding.SAME
                && kernels.convolvesPlanes(cout)
                && kernels.weightGradientWorkspace(kernel * kernel * cin, cout) > 0;
        this.direct = stride == 1 && kernel > 1 && padding == Padding.SAME && kernels.convolvesDirectly(cout);
        // A row of the kernel sums K·cin taps in one loop: a few taps (a grey image's stem) leave the loop's fixed cost
        // unpaid, and its profile would slow the loop of the deep layers; the im2col product is faster there.
        this.directForward = direct && cin >= DIRECT_MIN_CHANNELS;
        this.planesForward = stride == 1 && kernel > 1 && cin >= DIRECT_MIN_CHANNELS && kernels.convolvesPlanes(cout);
        this.byWinograd =
                kernels.convolvesWinograd() && Winograd.takes(kernel, stride, padding == Padding.SAME, h, w, cin, cout);
        this.work = new float[kernels.gemmWorkspace(cout)];
    }

    /** @return the input height */
    public int height() {
        return h;
    }

    /** @return the input width */
    public int width() {
        return w;
    }

    /** @return the input channels */
    public int inChannels() {
        return cin;
    }

    /** @return the filters (output channels) */
    public int filters() {
        return cout;
    }

    /** @return the kernel size K */
    public int kernel() {
        return k;
    }

    /** @return the stride, 1 or 2 */
    public int stride() {
        return stride;
    }

    /** @return the padding */
    public Padding padding() {
        return padding;
    }

    /** @return the kernels this layer runs on */
    Kernels kernels() {
        return kernels;
    }

    /** @return where the bias starts in the parameters: after the kernel */
    int biasOffset() {
        return offset() + k * k * cin * cout;
    }

    /** @return the geometry along the height: output rows and the zero rows above and below */
    public ConvAxis rows() {
        return rows;
    }

    /** @return the geometry along the width: output columns and the zero columns left and right */
    public ConvAxis columns() {
        return cols;
    }

    @Override
    public int inputSize() {
        return h * w * cin;
    }

    @Override
    public int outputSize() {
        return rows.out() * cols.out() * cout;
    }

    @Override
    public int parameterCount() {
        return k * k * cin * cout + cout;
    }

    /**
     * The im2col patches and their gradients' ({@code K²·cin} floats per output position each), or the patches of dy
     * ({@code K²·cout}) where the input gradient is a convolution of dy; none for a 1×1
     * convolution of stride 1, which multiplies its input directly.
     */
    @Override
    public long scratchFloatsPerSample() {
        int gradientTaps = flipsForInputGradient ? k * k * cout : k * k * cin;
        return pointwise() ? 0 : (long) (k * k * cin + gradientTaps) * rows.out() * cols.out();
    }

    @Override
    public void initialize(float[] params, SplittableRandom rng) {
        int weights = k * k * cin * cout;
        Initializers.truncatedHeNormal(params, offset(), weights, k * k * cin, rng);
        Arrays.fill(params, offset() + weights, offset() + weights + cout, 0f);
    }

    /** @return true for a 1×1 convolution of stride 1: every output position reads exactly its input position */
    private boolean pointwise() {
        return k == 1 && stride == 1;
    }

    /**
     * Samples per chunk: the im2col patches of one chunk (about a megabyte) stay in the core's L2 cache while the
     * matrix products read them, instead of a whole batch's (14 MB for a 32→64 filter 3×3 layer on 14×14 inputs at
     * batch 64) streaming from memory once per column strip.
     */
    private int chunkSamples() {
        return Math.max(1, PATCH_FLOATS / (k * k * cin * rows.out() * cols.out()));
    }

    /** The im2col floats one chunk may hold. */
    private static final int PATCH_FLOATS = 1 << 18;

    @Override
    public void forward(float[] params, float[] x, float[] y, int batch) {
        forward(params, x, y, batch, Chunks.SEQUENTIAL);
    }

    /** The pass's chunks (its images or chunks of samples) go to idle threads where the pass has them. */
    @Override
    public void forward(float[] params, float[] x, float[] y, int batch, Pass pass) {
        forward(params, x, y, batch, pass.chunks());
    }

    private void forward(float[] params, float[] x, float[] y, int batch, Chunks chunks) {
        // The bias goes on per image or chunk while its outputs are in cache (over planes, as the sums are moved into
        // y), not in a pass over the whole batch after: a stem's 64 × 28 × 28 × 16 outputs are 3 MB, past L2.
        int count = forwardChunks(params, offset(), batch);
        chunks.run(count, c -> forwardChunk(c, count, params, offset(), x, y, batch, params, null, true));
    }

    /**
     * The bias and the epilogue's steps swept over each image's (direct form) or chunk's outputs as they are written,
     * while they are in cache.
     */
    @Override
    public void forward(float[] params, float[] x, float[] y, int batch, Epilogue epilogue) {
        int count = forwardChunks(params, offset(), batch);
        for (int c = 0; c < count; c++) {
            forwardChunk(c, count, params, offset(), x, y, batch, params, epilogue, false);
        }
    }

    /**
     * Makes ready the chunks of a convolution with the kernel at {@code weights[w0…]}: packs the kernel for the planes
     * form and makes each chunk's scratch.
     *
     * @return the chunks: the images in {@link #IMAGE_CHUNKS} ranges (planes and direct forms), the im2col form's
     *     chunks of samples, or one product (a 1×1 convolution)
     */
    private int forwardChunks(float[] weights, int w0, int batch) {
        int count;
        if (pointwise()) {
            count = 1;
        } else if (byWinograd || planesForward || directForward) {
            count = Math.min(IMAGE_CHUNKS, batch);
        } else {
            count = (batch + chunkSamples() - 1) / chunkSamples();
        }
        ensureScratch(count);
        if (byWinograd) {
            if (winogradKernel.length < Winograd.filterFloats(cin, cout)) {
                winogradKernel = new float[Winograd.filterFloats(cin, cout)];
            }
            Winograd.transformFilters(weights, w0, cin, cout, winogradKernel);
        } else if (planesForward && !pointwise()) {
            int taps = k * k * cin;
            if (packedKernel.length < Kernels.packedFilterFloats(taps, cout)) {
                packedKernel = new float[Kernels.packedFilterFloats(taps, cout)];
            }
            Kernels.packFilterBlocks(weights, w0, taps, cout, packedKernel);
        }
        return count;
    }

    /** Makes a scratch for each of {@code count} chunks. */
    private void ensureScratch(int count) {
        if (scratch.length < count) {
            Scratch[] more = Arrays.copyOf(scratch, count);
            for (int c = scratch.length; c < count; c++) {
                more[c] = new Scratch();
            }
            scratch = more;
        }
    }

    /**
     * Whether the convolution can run with the 2×2 max pool that alone reads it (and a ReLU after the pool) as one
     * training call, {@link #forwardPooled} and {@link #backwardPooled}: where its forward pass is the im2col product
     * (few input channels: a grey or colour image's first layer) over maps of even sides.
     *
     * @return true when it can
     */
    boolean poolsInTraining() {
        return !pointwise()
                && !byWinograd
                && !planesForward
                && !directForward
                && rows.out() % 2 == 0
                && cols.out() % 2 == 0;
    }

    /** The floats of patches and outputs one step of a pooled run's forward pass holds: 512 KB, in L2. */
    private static final int POOLED_FLOATS = 1 << 17;

    /**
     * The training forward pass with the 2×2 max pool after it (and a ReLU after the pool where {@code rectify} says
     * so): a few images at a time, their outputs go to a scratch in cache and are pooled from there
     * ({@link Kernels#maxPool2Routed}), so the batch's outputs (3.2 MB for the paper's CNN) are never written. Each
     * output value is the im2col product's and the bias's of {@link #forward}, the same bits.
     *
     * @param params the network's parameters
     * @param x inputs
     * @param y receives the pool's (or the ReLU's) outputs
     * @param route receives each output's routing, laid out as y
     * @param batch the number of samples
     * @param rectify whether a ReLU follows the pool
     * @param chunks where the chunks of images run
     */
    void forwardPooled(float[] params, float[] x, float[] y, float[] route, int batch, boolean rectify, Chunks chunks) {
        if (!poolsInTraining()) {
            throw new IllegalStateException(this + " does not run with its pool");
        }
        int count = Math.min(IMAGE_CHUNKS, batch);
        ensureScratch(count);
        chunks.run(
                count,
                c -> forwardPooled(
                        params, x, y, route, batch * c / count, batch * (c + 1) / count, rectify, scratch[c]));
    }

    private void forwardPooled(
            float[] params, float[] x, float[] y, float[] route, int from, int to, boolean rectify, Scratch s) {
        int taps = k * k * cin;
        int oh = rows.out();
        int ow = cols.out();
        int positions = oh * ow;
        int per = Math.max(1, Math.min(chunkSamples(), POOLED_FLOATS / (positions * (taps + cout))));
        ensurePatches(s, per * positions * taps);
        if (s.outputs.length < per * positions * cout) {
            s.outputs = new float[per * positions * cout];
        }
        for (int b0 = from; b0 < to; b0 += per) {
            int samples = Math.min(per, to - b0);
            im2col(s, x, b0, samples);
            kernels.gemmTransposedA(s.patches, params, offset(), s.outputs, 0, taps, samples * positions, cout);
            kernels.channelEpilogue(s.outputs, 0, samples * positions, cout, params, biasOffset(), null, null, false);
            kernels.maxPool2Routed(s.outputs, 0, y, route, b0 * (positions / 4) * cout, samples, oh, ow, cout, rectify);
        }
    }

    /**
     * The training backward pass of {@link #forwardPooled}'s run: the kernel and bias gradients (no input gradient:
     * the run starts at the network's input), with dy of the convolution's outputs made a chunk of images at a time
     * from the pool's routing ({@link Kernels#maxPool2RoutedBackward}) where the kernel gradient reads it, and the bias
     * gradient summed from those chunks in order: the bits of the layers one by one.
     *
     * @param x inputs of the forward pass
     * @param y the pool's (or the ReLU's) outputs of the forward pass
     * @param dy their gradient
     * @param route the forward pass's routing
     * @param grads the network's gradient array
     * @param batch the number of samples
     * @param rectified whether a ReLU followed the pool
     */
    void backwardPooled(float[] x, float[] y, float[] dy, float[] route, float[] grads, int batch, boolean rectified) {
        Arrays.fill(grads, biasOffset(), biasOffset() + cout, 0f);
        Routed routed = this.routed.of(y, dy, route, grads, rectified);
        if (direct || directGradient) {
            weightGradientDirectly(x, null, grads, batch, routed);
        } else {
            weightGradientPatches(x, null, grads, batch, routed);
        }
    }

    /** The convolution's dy for a pooled run's backward pass, a chunk of images at a time, and the bias gradient. */
    private final class Routed {
        private float[] y;
        private float[] dy;
        private float[] route;
        private float[] grads;
        private boolean rectified;

        /** @return this, for one backward pass's arrays (one object a layer: a step allocates nothing) */
        Routed of(float[] y, float[] dy, float[] route, float[] grads, boolean rectified) {
            this.y = y;
            this.dy = dy;
            this.route = route;
            this.grads = grads;
            this.rectified = rectified;
            return this;
        }

        /** @return dy of the outputs of images {@code b0 …}, from offset 0, their bias gradient added */
        float[] chunk(int b0, int samples) {
            int oh = rows.out();
            int ow = cols.out();
            int values = samples * oh * ow * cout;
            if (routedGradient.length < values) {
                routedGradient = new float[values];
            }
            kernels.maxPool2RoutedBackward(
                    y, dy, route, b0 * (oh / 2) * (ow / 2) * cout, routedGradient, 0, samples, oh, ow, cout, rectified);
            kernels.columnSumsAdding(routedGradient, 0, grads, biasOffset(), samples * oh * ow, cout);
            return routedGradient;
        }
    }

    /**
     * Chunk {@code c} of {@link #forwardChunks}' {@code count}: the convolution of its images (or samples), in its own
     * scratch, with the calls the whole batch's loop makes for them. With the kernel at {@code weights[w0…]} (packed
     * by {@link #forwardChunks} for the planes form), and, unless the epilogue is null, the bias in {@code params} and
     * the epilogue's steps applied to each image's or chunk's outputs once they are complete; without an epilogue, the
     * bias alone where {@code bias} says so.
     */
    private void forwardChunk(
            int c,
            int count,
            float[] weights,
            int w0,
            float[] x,
            float[] y,
            int batch,
            float[] params,
            Epilogue after,
            boolean bias) {
        int taps = k * k * cin;
        int positions = rows.out() * cols.out();
        Scratch s = scratch[c];
        if (pointwise()) {
            // y[positions × cout] = x[positions × cin] · W: the NHWC input is the patch matrix already.
            kernels.gemm(x, 0, weights, w0, y, 0, batch * positions, cin, cout, false);
            sweep(params, after, bias, y, 0, batch * positions);
        } else if (byWinograd) {
            convolveWinograd(x, y, batch * c / count, batch * (c + 1) / count, params, after, bias, s);
        } else if (planesForward) {
            convolvePlanes(x, y, batch * c / count, batch * (c + 1) / count, params, after, bias ? params : null, s);
        } else if (directForward) {
            convolveDirectly(weights, w0, x, y, batch * c / count, batch * (c + 1) / count, params, after, bias, s);
        } else {
            int per = chunkSamples();
            int b0 = c * per;
            int samples = Math.min(per, batch - b0);
            int chunkRows = samples * positions;
            ensurePatches(s, Math.min(per, batch) * positions * taps);
            im2col(s, x, b0, samples);
            // y[rows × cout] = patchesᵀ · W, with patches stored tap-major (taps × rows). Each output sums over
            // the taps in the same order whatever the chunking, so chunks change no result.
            kernels.gemmTransposedA(s.patches, weights, w0, y, b0 * positions * cout, taps, chunkRows, cout);
            sweep(params, after, bias, y, b0 * positions, chunkRows);
        }
    }

    /**
     * Adds the bias and applies the epilogue's steps to output rows {@code from …}, unless the epilogue is null; adds
     * the bias alone where there is none and {@code bias} says so (the bits of {@link Kernels#addRowVector}).
     */
    private void sweep(float[] params, Epilogue after, boolean bias, float[] y, int from, int count) {
        if (after == null && bias) {
            kernels.channelEpilogue(
                    y, from * cout, count, cout, params, offset() + k * k * cin * cout, null, null, false);
        } else if (after != null) {
            kernels.channelEpilogue(
                    y,
                    from * cout,
                    count,
                    cout,
                    params,
                    offset() + k * k * cin * cout,
                    after.scale(),
                    after.shift(),
                    after.clamps());
        }
    }

    /**
     * Images {@code from … to − 1}, one at a time: the image is copied channel-major into the interiors of the
     * scratch's planes (the borders stay zero), convolved there by the kernels with the kernel {@link #forwardChunks}
     * packed (with the bias, unless null, at the layer's bias offset in it), and its outputs swept while in cache.
     */
    private void convolvePlanes(
            float[] x, float[] y, int from, int to, float[] params, Epilogue after, float[] bias, Scratch s) {
        int oh = rows.out();
        int ow = cols.out();
        int plane = clearPlanes(s, 1);
        int work = kernels.planesWorkspace(oh, ow, cout);
        if (s.planeOut.length < work) {
            s.planeOut = new float[work];
        }
        int taps = k * k * cin;
        int interior = rows.before() * cols.padded() + cols.before();
        for (int b = from; b < to; b++) {
            kernels.toPlanes(x, b * h * w * cin, h, w, cin, s.planes, interior, plane, cols.padded());
            kernels.convolvePlanes(
                    s.planes,
                    0,
                    plane,
                    cols.padded(),
                    oh,
                    ow,
                    k,
                    cin,
                    packedKernel,
                    cout,
                    y,
                    b * oh * ow * cout,
                    s.planeOut,
                    bias,
                    offset() + taps * cout);
            sweep(params, after, false, y, b * oh * ow, oh * ow);
        }
    }

    /**
     * Winograd's form, images {@code from … to − 1} one at a time: the image is copied into the interior of the
     * scratch's padded images, convolved with the kernel {@link #forwardChunks} transformed, and its outputs swept
     * while in cache.
     */
    private void convolveWinograd(
            float[] x, float[] y, int from, int to, float[] params, Epilogue after, boolean bias, Scratch s) {
        ensurePadded(s, 1);
        int work = Winograd.workspace(h, w, cin, cout);
        if (s.winograd.length < work) {
            s.winograd = new float[work];
        }
        for (int b = from; b < to; b++) {
            pad(s, x, b, 1);
            kernels.convolveWinograd(s.padded, 0, h, w, cin, winogradKernel, cout, y, b * h * w * cout, s.winograd);
            sweep(params, after, bias, y, b * h * w, h * w);
        }
    }

    /**
     * The direct form, images {@code from … to − 1} one at a time: the image is copied into the interior of the
     * scratch's padded images, every anchor of the padded rows is convolved (the K − 1 past each row's end are
     * wasted), and the real outputs copied out.
     */
    private void convolveDirectly(
            float[] weights,
            int w0,
            float[] x,
            float[] y,
            int from,
            int to,
            float[] params,
            Epilogue after,
            boolean bias,
            Scratch s) {
        int wp = cols.padded();
        int anchors = directAnchors();
        ensurePadded(s, 1);
        if (s.anchorOut.length < anchors * cout) {
            s.anchorOut = new float[anchors * cout];
        }
        for (int b = from; b < to; b++) {
            pad(s, x, b, 1);
            kernels.convolveAnchors(s.padded, 0, weights, w0, s.anchorOut, 0, anchors, k, wp, cin, cout);
            for (int i = 0; i < h; i++) {
                System.arraycopy(s.anchorOut, i * wp * cout, y, (b * h + i) * w * cout, w * cout);
            }
            sweep(params, after, bias, y, b * h * w, h * w);
        }
    }

    /**
     * @return the anchors of an image's direct forward pass: up to the last output, rounded up to a multiple of 8 (the
     *     kernels' block), so that no anchor runs alone; the extra ones read past the image, inside the array
     *     ({@link #ensurePadded})
     */
    private int directAnchors() {
        return ((h - 1) * cols.padded() + w + 7) / 8 * 8;
    }

    /**
     * Makes the scratch's padded images hold {@code samples} images, and the zeros that the windows of the first
     * image's rounded-up anchors read past its end (their outputs are dropped); a new array is all zeros, borders
     * included.
     */
    private void ensurePadded(Scratch s, int samples) {
        int image = rows.padded() * cols.padded() * cin;
        int windowEnd = (directAnchors() + (k - 1) * (cols.padded() + 1)) * cin;
        int floats = Math.max(samples * image, windowEnd);
        if (s.padded.length < floats) {
            s.padded = new float[floats];
        }
    }

    /** Copies samples {@code b0 …} into the interiors of the first padded images (the borders are never written). */
    private void pad(Scratch s, float[] x, int b0, int samples) {
        int wp = cols.padded();
        int image = rows.padded() * wp * cin;
        for (int b = 0; b < samples; b++) {
            for (int i = 0; i < h; i++) {
                System.arraycopy(
                        x,
                        ((b0 + b) * h + i) * w * cin,
                        s.padded,
                        b * image + ((i + rows.before()) * wp + cols.before()) * cin,
                        w * cin);
            }
        }
    }

    /**
     * The direct form's kernel gradient, a chunk of images at a time (their padded copies and dy in L2); the first
     * chunk adds to zeros and the others to what it left, so every tap sums over the batch in order.
     */
    private void weightGradientDirectly(float[] x, float[] dy, float[] grads, int batch, Routed routed) {
        int image = rows.padded() * cols.padded() * cin;
        int positions = h * w;
        int per = Math.max(1, DIRECT_FLOATS / (image + positions * cout));
        Scratch s = scratch[0];
        ensurePadded(s, Math.min(per, batch));
        Arrays.fill(grads, offset(), offset() + k * k * cin * cout, 0f);
        int work = kernels.weightGradientWorkspace(k * k * cin, cout);
        if (gradientWork.length < work) {
            gradientWork = new float[work];
        }
        for (int b0 = 0; b0 < batch; b0 += per) {
            int samples = Math.min(per, batch - b0);
            pad(s, x, b0, samples);
            kernels.convolveWeightGradient(
                    s.padded,
                    0,
                    image,
                    cols.padded(),
                    routed == null ? dy : routed.chunk(b0, samples),
                    routed == null ? b0 * positions * cout : 0,
                    samples,
                    h,
                    w,
                    grads,
                    offset(),
                    k,
                    cin,
                    cout,
                    gradientWork);
        }
    }

    /**
     * Winograd's kernel gradient: each image's transformed windows and dy summed into the transformed gradient in
     * image order, then taken back to the kernel's ({@link Winograd#untransformGradient}).
     */
    private void weightGradientWinograd(float[] x, float[] dy, float[] grads, int batch) {
        Scratch s = scratch[0];
        ensurePadded(s, 1);
        int work = Winograd.workspace(h, w, cin, cout);
        if (s.winograd.length < work) {
            s.winograd = new float[work];
        }
        if (winogradGradient.length < Winograd.filterFloats(cin, cout)) {
            winogradGradient = new float[Winograd.filterFloats(cin, cout)];
        }
        if (batch == 0) {
            Arrays.fill(grads, offset(), offset() + k * k * cin * cout, 0f);
            return;
        }
        for (int b = 0; b < batch; b++) {
            pad(s, x, b, 1);
            kernels.winogradKernelGradient(
                    s.padded, 0, h, w, cin, dy, b * h * w * cout, cout, winogradGradient, b == 0, s.winograd);
        }
        Winograd.untransformGradient(winogradGradient, cin, cout, grads, offset());
    }

    /** The floats of padded images and dy one chunk of the direct kernel gradient may hold: 256 KB, in L2. */
    private static final int DIRECT_FLOATS = 1 << 16;

    @Override
    public void backward(float[] params, float[] x, float[] y, float[] dy, float[] dx, float[] grads, int batch) {
        backward(params, x, dy, dx, grads, batch, Chunks.SEQUENTIAL);
    }

    /**
     * Where the input gradient is a convolution of dy, the kernel gradient (one chunk) and the input gradient's images
     * (the others) go to idle threads where the pass has them: they write disjoint outputs.
     */
    @Override
    public void backward(
            float[] params, float[] x, float[] y, float[] dy, float[] dx, float[] grads, int batch, Pass pass) {
        backward(params, x, dy, dx, grads, batch, pass.chunks());
    }

    private void backward(float[] params, float[] x, float[] dy, float[] dx, float[] grads, int batch, Chunks chunks) {
        int taps = k * k * cin;
        int positions = rows.out() * cols.out();
        boolean directly = (direct && (dx == null || flipsForInputGradient)) || (directGradient && dx == null);
        if (pointwise()) {
            backwardPointwise(params, x, dy, dx, grads, batch * positions);
        } else if (dx != null && (directly || flipsForInputGradient)) {
            // The kernel gradient and the bias's (chunk 0) beside dy convolved with the flipped kernel (the others).
            flipKernel(params);
            if (gradientConvolution == null) {
                gradientConvolution = new Conv2D(h, w, cout, cin, k, 1, padding, kernels);
            }
            Conv2D flipped = gradientConvolution;
            int count = flipped.forwardChunks(flippedKernel, 0, batch);
            chunks.run(count + 1, c -> {
                if (c > 0) {
                    flipped.forwardChunk(c - 1, count, flippedKernel, 0, dy, dx, batch, null, null, false);
                } else {
                    if (byWinograd) {
                        weightGradientWinograd(x, dy, grads, batch);
                    } else if (directly) {
                        weightGradientDirectly(x, dy, grads, batch, null);
                    } else {
                        weightGradientPatches(x, dy, grads, batch, null);
                    }
                    kernels.columnSums(dy, grads, offset() + taps * cout, batch * positions, cout);
                }
            });
            return;
        } else if (byWinograd && dx == null) {
            weightGradientWinograd(x, dy, grads, batch);
        } else if (directly) {
            weightGradientDirectly(x, dy, grads, batch, null);
        } else {
            backwardPatches(params, x, dy, dx, grads, batch);
        }
        kernels.columnSums(dy, grads, offset() + taps * cout, batch * positions, cout);
    }

    /** A 1×1 stride-1 convolution's gradients over {@code n} positions, as a dense layer's. */
    private void backwardPointwise(float[] params, float[] x, float[] dy, float[] dx, float[] grads, int n) {
        // dW[cin × cout] = xᵀ · dy, summed over the positions in order.
        kernels.gemmTransposedA(x, dy, 0, grads, offset(), n, cin, cout);
        if (dx != null) {
            // dx[positions × cin] = dy · Wᵀ.
            if (weightT.length < cin * cout) {
                weightT = new float[cin * cout];
            }
            kernels.transposeInto(params, offset(), cin, cout, weightT);
            kernels.gemm(dy, 0, weightT, 0, dx, 0, n, cout, cin, false);
        }
    }

    /**
     * The kernel gradient {@code dW[taps × cout] = patches · dy} a chunk of samples at a time, summed over the rows in
     * order: the first chunk writes, the others add. Where dx is dy convolved with the flipped kernel: im2col's
     * contiguous copies and one product per chunk, where the patches' gradients would take a product of only cout
     * terms per output and a scattering col2im.
     */
    private void weightGradientPatches(float[] x, float[] dy, float[] grads, int batch, Routed routed) {
        int taps = k * k * cin;
        int per = chunkSamples();
        int positions = rows.out() * cols.out();
        Scratch s = scratch[0];
        ensurePatches(s, Math.min(per, batch) * positions * taps);
        for (int b0 = 0; b0 < batch; b0 += per) {
            int samples = Math.min(per, batch - b0);
            im2col(s, x, b0, samples);
            kernels.gemm(
                    s.patches,
                    0,
                    routed == null ? dy : routed.chunk(b0, samples),
                    routed == null ? b0 * positions * cout : 0,
                    grads,
                    offset(),
                    taps,
                    samples * positions,
                    cout,
                    b0 > 0,
                    work);
        }
    }

    private void backwardPatches(float[] params, float[] x, float[] dy, float[] dx, float[] grads, int batch) {
        int taps = k * k * cin;
        int per = chunkSamples();
        int positions = rows.out() * cols.out();
        int most = Math.min(per, batch) * positions;
        Scratch s = scratch[0];
        ensurePatches(s, most * taps);
        if (dx != null) {
            if (dPatches.length < most * taps) {
                dPatches = new float[most * taps];
            }
            if (dyT.length < most * cout) {
                dyT = new float[most * cout];
            }
        }
        for (int b0 = 0; b0 < batch; b0 += per) {
            int samples = Math.min(per, batch - b0);
            int chunkRows = samples * positions;
            int dyOffset = b0 * positions * cout;
            // The patches are rebuilt here rather than kept from the forward pass: a chunk's fit in cache.
            im2col(s, x, b0, samples);
            // dW[taps × cout] = patches · dy, summed over the rows in order: the first chunk writes, the others add.
            kernels.gemm(s.patches, 0, dy, dyOffset, grads, offset(), taps, chunkRows, cout, b0 > 0, work);
            if (dx != null) {
                // dPatches[taps × rows] = W · dyᵀ, as a plain product over the transposed chunk of dy.
                kernels.transposeInto(dy, dyOffset, chunkRows, cout, dyT);
                kernels.gemm(params, offset(), dyT, 0, dPatches, 0, taps, cout, chunkRows, false);
                col2im(s, dx, b0, samples);
            }
        }
    }

    /**
     * Makes the scratch's planes hold a chunk's planes, all zero.
     *
     * @return the distance between two channels' planes: the padded planes of a chunk, plus 16 floats so that a
     *     stride of a power of two (4 KB for 4 samples of 14×14) does not map every channel to one cache set (and
     *     the last plane has the {@link Kernels#PLANE_SLACK} floats after it that {@link Kernels#convolvePlanes} reads)
     */
    private int clearPlanes(Scratch s, int samples) {
        int plane = samples * rows.padded() * cols.padded() + 16;
        if (s.planes.length < cin * plane) {
            s.planes = new float[cin * plane];
        }
        Arrays.fill(s.planes, 0, cin * plane, 0f);
        return plane;
    }

    /**
     * {@code flipped[k−1−ky][k−1−kx][co][ci] = W[ky][kx][ci][co]}: the kernel of the convolution that maps dy to dx
     * when the zeros before and after are equal (input position y receives output y − ky + pad through tap ky).
     */
    private void flipKernel(float[] params) {
        if (flippedKernel.length < k * k * cin * cout) {
            flippedKernel = new float[k * k * cin * cout];
        }
        for (int ky = 0; ky < k; ky++) {
            for (int kx = 0; kx < k; kx++) {
                int src = offset() + (ky * k + kx) * cin * cout;
                int dst = ((k - 1 - ky) * k + (k - 1 - kx)) * cout * cin;
                for (int ci = 0; ci < cin; ci++) {
                    for (int co = 0; co < cout; co++) {
                        flippedKernel[dst + co * cin + ci] = params[src + ci * cout + co];
                    }
                }
            }
        }
    }

    private static void ensurePatches(Scratch s, int floats) {
        if (s.patches.length < floats) {
            s.patches = new float[floats];
        }
    }

    @Override
    public void releaseBuffers() {
        if (gradientConvolution != null) {
            gradientConvolution.releaseBuffers();
        }
        flippedKernel = new float[0];
        scratch = new Scratch[] {new Scratch()};
        dPatches = new float[0];
        dyT = new float[0];
        weightT = new float[0];
        packedKernel = new float[0];
        winogradKernel = new float[0];
        winogradGradient = new float[0];
        gradientWork = new float[0];
    }

    /**
     * Patches of samples {@code b0 … b0+samples−1}, stored tap-major: row {@code (ky·K + kx)·cin + c} holds, for
     * every output position of the chunk, the input value under that tap (zero in the padding). The chunk's input
     * is first copied channel-major with zero borders (the scratch's planes), so every patch row is then a run of
     * contiguous copies (stride 1) or a gather at a fixed step (stride 2) instead of a gather with a step of
     * {@code cin}.
     */
    private void im2col(Scratch s, float[] x, int b0, int samples) {
        int oh = rows.out();
        int ow = cols.out();
        int chunkRows = samples * oh * ow;
        int wp = cols.padded();
        int hp = rows.padded();
        int plane = clearPlanes(s, samples);
        copyIntoPlanes(s.planes, x, b0, samples, plane);
        for (int ky = 0; ky < k; ky++) {
            for (int kx = 0; kx < k; kx++) {
                for (int c = 0; c < cin; c++) {
                    int dst = ((ky * k + kx) * cin + c) * chunkRows;
                    int base = c * plane + ky * wp + kx;
                    for (int b = 0; b < samples; b++) {
                        for (int i = 0; i < oh; i++) {
                            // Output (i, j) reads the padded input at (i·stride + ky, j·stride + kx).
                            int src = base + (b * hp + i * stride) * wp;
                            if (stride == 1) {
                                System.arraycopy(s.planes, src, s.patches, dst, ow);
                            } else {
                                for (int j = 0; j < ow; j++) {
                                    s.patches[dst + j] = s.planes[src + j * stride];
                                }
                            }
                            dst += ow;
                        }
                    }
                }
            }
        }
    }

    /**
     * {@code planes[c][b][top + y][left + x] = x[b0 + b][y][x][c]}; the borders stay zero. Channels are the outer
     * loop: the input row is read with a short stride from L1 while each plane row is written contiguously.
     */
    private void copyIntoPlanes(float[] planes, float[] x, int b0, int samples, int plane) {
        int wp = cols.padded();
        int hp = rows.padded();
        for (int b = 0; b < samples; b++) {
            for (int y = 0; y < h; y++) {
                int src = ((b0 + b) * h + y) * w * cin;
                int row = (b * hp + y + rows.before()) * wp + cols.before();
                if (cin == 1) {
                    // A grey image's row is contiguous: one copy, where the strided loop ran a value at a time.
                    System.arraycopy(x, src, planes, row, w);
                } else {
                    for (int c = 0; c < cin; c++) {
                        int dst = c * plane + row;
                        for (int xx = 0; xx < w; xx++) {
                            planes[dst + xx] = x[src + xx * cin + c];
                        }
                    }
                }
            }
        }
    }

    /**
     * Adds the patches' gradients into dx for samples {@code b0 … b0+samples−1}. They are summed channel-major
     * with borders (the scratch's planes, contiguous runs), taps in their order so that every input value receives its
     * contributions in tap order as a direct loop would, then the inner part is copied into dx (an input no window
     * reads, at the end of a valid strided row, gets zero).
     */
    private void col2im(Scratch s, float[] dx, int b0, int samples) {
        int oh = rows.out();
        int ow = cols.out();
        int chunkRows = samples * oh * ow;
        int wp = cols.padded();
        int hp = rows.padded();
        int plane = clearPlanes(s, samples);
        float[] planes = s.planes;
        for (int ky = 0; ky < k; ky++) {
            for (int kx = 0; kx < k; kx++) {
                for (int c = 0; c < cin; c++) {
                    int src = ((ky * k + kx) * cin + c) * chunkRows;
                    int base = c * plane + ky * wp + kx;
                    for (int b = 0; b < samples; b++) {
                        for (int i = 0; i < oh; i++) {
                            int dst = base + (b * hp + i * stride) * wp;
                            if (stride == 1) {
                                for (int j = 0; j < ow; j++) {
                                    planes[dst + j] += dPatches[src + j];
                                }
                            } else {
                                for (int j = 0; j < ow; j++) {
                                    planes[dst + j * stride] += dPatches[src + j];
                                }
                            }
                            src += ow;
                        }
                    }
                }
            }
        }
        for (int b = 0; b < samples; b++) {
            for (int y = 0; y < h; y++) {
                int out = ((b0 + b) * h + y) * w * cin;
                int row = (b * hp + y + rows.before()) * wp + cols.before();
                if (cin == 1) {
                    System.arraycopy(planes, row, dx, out, w); // as copyIntoPlanes: a grey image's row, contiguous
                } else {
                    for (int c = 0; c < cin; c++) {
                        int src = c * plane + row;
                        for (int xx = 0; xx < w; xx++) {
                            dx[out + xx * cin + c] = planes[src + xx];
                        }
                    }
                }
            }
        }
    }

    @Override
    public String toString() {
        String settings = (stride == 1 ? "" : ", stride " + stride) + (padding == Padding.SAME ? "" : ", valid");
        return "Conv2D(" + k + "×" + k + ", " + cin + "→" + cout + settings + ")";
    }
}
