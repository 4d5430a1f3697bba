package org.saepj.engine.kernel;

/**
 * Dense linear algebra on row-major float arrays: the products that dominate training time.
 *
 * <p>Implementations must be deterministic: the same inputs give bitwise-identical outputs on the same
 * machine and implementation.
 */
public interface Kernels {
    /**
     * {@code C[M×N] = A[M×K] · B[K×N]}, or {@code C += A·B} when accumulating.
     *
     * @param a the left matrix
     * @param ao where A starts in a
     * @param b the right matrix
     * @param bo where B starts in b
     * @param c the result
     * @param co where C starts in c
     * @param m rows of A and C
     * @param k columns of A, rows of B
     * @param n columns of B and C
     * @param accumulate add to C instead of overwriting it
     */
    void gemm(float[] a, int ao, float[] b, int bo, float[] c, int co, int m, int k, int n, boolean accumulate);

    /**
     * As {@link #gemm(float[], int, float[], int, float[], int, int, int, int, boolean)}, with a workspace in which
     * the kernels may copy parts of B into a layout that stays in cache; the same bits as without it. The caller owns
     * the workspace (a layer keeps one), so that a training step allocates nothing.
     *
     * @param work at least {@link #gemmWorkspace}{@code (n)} floats, overwritten; or null to compute without one
     */
    default void gemm(
            float[] a,
            int ao,
            float[] b,
            int bo,
            float[] c,
            int co,
            int m,
            int k,
            int n,
            boolean accumulate,
            float[] work) {
        gemm(a, ao, b, bo, c, co, m, k, n, accumulate);
    }

    /**
     * {@code C[M×N] = A[M×K] · Bᵀ} for {@code B[N×K]} (a layer's input gradient {@code dY·Wᵀ}, W stored
     * {@code in × out}), with the bits of {@link #transpose} into {@code bt} then {@link #gemm} of {@code bt}: every
     * output sums over k in order. Implementations may skip writing {@code bt} and read B's rows as they copy its
     * panels into the workspace, a pass over B less.
     *
     * @param a the left matrix, from 0
     * @param b the matrix used transposed
     * @param bo where B starts in b
     * @param c the result, from 0, overwritten
     * @param m rows of A and C
     * @param k columns of A and of B
     * @param n rows of B, columns of C
     * @param work at least {@link #gemmWorkspace}{@code (n)} floats, overwritten
     * @param bt at least {@code k × n} floats, where Bᵀ may be written
     */
    default void gemmTransposedOperand(
            float[] a, float[] b, int bo, float[] c, int m, int k, int n, float[] work, float[] bt) {
        transposeInto(b, bo, n, k, bt);
        gemm(a, 0, bt, 0, c, 0, m, k, n, false, work);
    }

    /**
     * @param n columns of B (and C) of a product
     * @return the floats of workspace the product forms with a workspace use for such a product, 0 where they use none
     */
    default int gemmWorkspace(int n) {
        return 0;
    }

    /**
     * {@code C[K×N] = Aᵀ · B} for {@code A[M×K]} and {@code B[M×N]}: the weight gradient {@code Xᵀ·dY}.
     *
     * @param a the matrix used transposed
     * @param b the right matrix
     * @param bo where B starts in b
     * @param c the result
     * @param co where C starts in c
     * @param m rows of A and B (the batch)
     * @param k columns of A
     * @param n columns of B
     */
    void gemmTransposedA(float[] a, float[] b, int bo, float[] c, int co, int m, int k, int n);

    /**
     * As {@link #gemmTransposedA(float[], float[], int, float[], int, int, int, int)}, with a workspace as for
     * {@link #gemm(float[], int, float[], int, float[], int, int, int, int, boolean, float[])}; the same bits.
     *
     * @param work at least {@link #gemmWorkspace}{@code (n)} floats, overwritten; or null to compute without one
     */
    default void gemmTransposedA(float[] a, float[] b, int bo, float[] c, int co, int m, int k, int n, float[] work) {
        gemmTransposedA(a, b, bo, c, co, m, k, n);
    }

    /**
     * {@code C[M×N] = A[M×K] · Bᵀ} for {@code B[N×K]}: dot products along K, the fast form when N is narrower
     * than a vector (a 10-class head) and Bᵀ is at hand.
     *
     * @param a the left matrix
     * @param b the matrix used transposed, {@code N × K}
     * @param c the result
     * @param m rows of A and C
     * @param k the dot-product length
     * @param n rows of B, columns of C
     */
    void gemmTransposedB(float[] a, float[] b, float[] c, int m, int k, int n);

    /**
     * Column sums {@code out[j] = Σ_i A[i, j]}: the bias gradient.
     *
     * @param a the matrix
     * @param out the sums
     * @param oo where the sums start in out
     * @param m rows
     * @param n columns
     */
    void columnSums(float[] a, float[] out, int oo, int m, int n);

    /**
     * Adds {@code bias[j]} to every row of {@code C[M×N]}.
     *
     * @param c the matrix
     * @param bias one value per column
     * @param biasOffset where the bias starts
     * @param m rows
     * @param n columns
     */
    void addRowVector(float[] c, float[] bias, int biasOffset, int m, int n);

    /**
     * ReLU forward: {@code y = max(x, 0)}.
     *
     * @param x inputs
     * @param y outputs
     * @param n the number of values
     */
    void relu(float[] x, float[] y, int n);

    /**
     * ReLU backward: {@code dx = x > 0 ? dy : 0}.
     *
     * @param x the forward inputs
     * @param dy the output gradient
     * @param dx receives the input gradient
     * @param n the number of values
     */
    void reluBackward(float[] x, float[] dy, float[] dx, int n);

    /**
     * 2×2 max pooling, stride 2, over {@code batch} H×W×C maps ("valid": an odd last row or column is dropped).
     *
     * @param x inputs, {@code batch × h × w × c}
     * @param y outputs, {@code batch × h/2 × w/2 × c}
     * @param batch samples
     * @param h input height
     * @param w input width
     * @param c channels
     */
    default void maxPool2(float[] x, float[] y, int batch, int h, int w, int c) {
        maxPool2(x, y, 0, batch, h, w, c);
    }

    /**
     * {@link #maxPool2(float[], float[], int, int, int, int)} of samples {@code from … to − 1} only: each sample's
     * outputs are computed alike whichever samples a call covers (a pass's samples split between threads).
     *
     * @param x inputs, {@code batch × h × w × c}
     * @param y outputs, {@code batch × h/2 × w/2 × c}
     * @param from the first sample
     * @param to the sample after the last
     * @param h input height
     * @param w input width
     * @param c channels
     */
    void maxPool2(float[] x, float[] y, int from, int to, int h, int w, int c);

    /**
     * Routes each pooled gradient to the first position of its window that holds the maximum (row-major
     * order); every other input position gets zero.
     *
     * @param x the forward inputs
     * @param y the forward outputs
     * @param dy the output gradient
     * @param dx receives the input gradient
     * @param batch samples
     * @param h input height
     * @param w input width
     * @param c channels
     */
    default void maxPool2Backward(float[] x, float[] y, float[] dy, float[] dx, int batch, int h, int w, int c) {
        maxPool2Backward(x, y, dy, dx, 0, batch, h, w, c);
    }

    /**
     * {@link #maxPool2Backward(float[], float[], float[], float[], int, int, int, int)} of samples {@code from … to −
     * 1} only: it writes their part of dx alone.
     *
     * @param x the forward inputs
     * @param y the forward outputs
     * @param dy the output gradient
     * @param dx receives the input gradient
     * @param from the first sample
     * @param to the sample after the last
     * @param h input height
     * @param w input width
     * @param c channels
     */
    void maxPool2Backward(float[] x, float[] y, float[] dy, float[] dx, int from, int to, int h, int w, int c);

    /**
     * {@link #maxPool2} of {@code samples} maps from {@code x[xo…]}, then {@link #relu} where {@code rectify} says so,
     * into {@code y[yo…]}; beside each output, in {@code route[yo…]}, the window's first position (row-major: 0, 1, 2,
     * 3) holding the maximum, 3 where none does (a NaN) — the position {@link #maxPool2Backward} would route to. The
     * same bits as those passes.
     *
     * @param x inputs, {@code samples × h × w × c} from xo
     * @param xo where they start
     * @param y receives the outputs, {@code samples × h/2 × w/2 × c} from yo
     * @param route receives the routing, laid out as y
     * @param yo where the outputs and the routing start
     * @param samples maps
     * @param h input height, even
     * @param w input width, even
     * @param c channels
     * @param rectify whether a ReLU follows the pool
     */
    default void maxPool2Routed(
            float[] x, int xo, float[] y, float[] route, int yo, int samples, int h, int w, int c, boolean rectify) {
        RoutedPool.forward(x, xo, y, route, yo, samples, h, w, c, rectify);
    }

    /**
     * The input gradient of {@link #maxPool2Routed}: each window's output gradient (zero where the ReLU, if any, did
     * not pass: the output not above zero) to its routed position, zero to the other three; the bits of the ReLU's and
     * the pool's backward passes.
     *
     * @param y the outputs of the forward pass
     * @param dy their gradient
     * @param route the forward pass's routing
     * @param yo where the outputs, their gradient and the routing start
     * @param dx receives the input gradient, {@code samples × h × w × c} from dxo: every value written
     * @param dxo where it starts
     * @param samples maps
     * @param h input height, even
     * @param w input width, even
     * @param c channels
     * @param rectified whether the forward pass applied a ReLU
     */
    default void maxPool2RoutedBackward(
            float[] y,
            float[] dy,
            float[] route,
            int yo,
            float[] dx,
            int dxo,
            int samples,
            int h,
            int w,
            int c,
            boolean rectified) {
        RoutedPool.backward(y, dy, route, yo, dx, dxo, samples, h, w, c, rectified);
    }

    /**
     * {@link #columnSums} that goes on from the sums already in {@code out}: each column adds its rows, in order, to
     * the value there. Chunks of rows summed one after the other this way give the bits of one call over all rows
     * when the first chunk starts from zeros.
     *
     * @param a the rows, {@code m × n} from ao
     * @param ao where they start
     * @param out the running sums
     * @param oo where they start in out
     * @param m rows
     * @param n columns
     */
    default void columnSumsAdding(float[] a, int ao, float[] out, int oo, int m, int n) {
        RoutedPool.columnSumsAdding(a, ao, out, oo, m, n);
    }

    /**
     * 2×2 average pooling, stride 2, over {@code batch} H×W×C maps ("valid"): each window's four values summed in
     * row-major order, then multiplied by ¼.
     *
     * @param x inputs, {@code batch × h × w × c}
     * @param y outputs, {@code batch × h/2 × w/2 × c}
     * @param batch samples
     * @param h input height
     * @param w input width
     * @param c channels
     */
    default void avgPool2(float[] x, float[] y, int batch, int h, int w, int c) {
        int oh = h / 2;
        int ow = w / 2;
        for (int b = 0; b < batch; b++) {
            int in = b * h * w * c;
            int out = b * oh * ow * c;
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++) {
                    int a = in + ((2 * i) * w + 2 * j) * c;
                    int o = out + (i * ow + j) * c;
                    for (int k = 0; k < c; k++) {
                        y[o + k] = (x[a + k] + x[a + c + k] + x[a + w * c + k] + x[a + w * c + c + k]) * 0.25f;
                    }
                }
            }
        }
    }

    /**
     * The input gradient of {@link #avgPool2}: {@code dy·¼} to each position of its window, zero to the rows and
     * columns no window reads.
     *
     * @param dy the output gradient, {@code batch × h/2 × w/2 × c}
     * @param dx receives the input gradient, {@code batch × h × w × c}
     * @param batch samples
     * @param h input height
     * @param w input width
     * @param c channels
     */
    default void avgPool2Backward(float[] dy, float[] dx, int batch, int h, int w, int c) {
        java.util.Arrays.fill(dx, 0, batch * h * w * c, 0f);
        int oh = h / 2;
        int ow = w / 2;
        for (int b = 0; b < batch; b++) {
            int in = b * h * w * c;
            int out = b * oh * ow * c;
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++) {
                    int a = in + ((2 * i) * w + 2 * j) * c;
                    int o = out + (i * ow + j) * c;
                    for (int k = 0; k < c; k++) {
                        float g = dy[o + k] * 0.25f;
                        dx[a + k] = g;
                        dx[a + c + k] = g;
                        dx[a + w * c + k] = g;
                        dx[a + w * c + c + k] = g;
                    }
                }
            }
        }
    }

    /**
     * Global average pooling: {@code y[b, k]} is the mean over the positions of channel k of sample b, summed in
     * double in position order, then divided by the count and rounded once.
     *
     * @param x inputs, {@code batch × positions × c}
     * @param y outputs, {@code batch × c}
     * @param batch samples
     * @param positions height × width
     * @param c channels
     * @param sum scratch for the sums, at least {@code c} long
     */
    default void channelMeans(float[] x, float[] y, int batch, int positions, int c, double[] sum) {
        for (int b = 0; b < batch; b++) {
            java.util.Arrays.fill(sum, 0);
            for (int p = 0, i = b * positions * c; p < positions; p++) {
                for (int k = 0; k < c; k++, i++) {
                    sum[k] += x[i];
                }
            }
            for (int k = 0; k < c; k++) {
                y[b * c + k] = (float) (sum[k] / positions);
            }
        }
    }

    /**
     * The input gradient of {@link #channelMeans}: {@code dx[b, p, k] = dy[b, k]·(1/positions)}, the factor rounded
     * to float first.
     *
     * @param dy the output gradient, {@code batch × c}
     * @param dx receives the input gradient, {@code batch × positions × c}
     * @param batch samples
     * @param positions height × width
     * @param c channels
     */
    default void channelMeansBackward(float[] dy, float[] dx, int batch, int positions, int c) {
        float inv = 1f / positions;
        for (int b = 0; b < batch; b++) {
            for (int p = 0, i = b * positions * c; p < positions; p++) {
                for (int k = 0; k < c; k++, i++) {
                    dx[i] = dy[b * c + k] * inv;
                }
            }
        }
    }

    /**
     * Adds the column sums of a {@code rows × channels} matrix into {@code sum}, in double: batch normalisation's
     * mean. The vector form sums a few dozen rows in float before each double addition.
     *
     * @param x the matrix (positions × channels)
     * @param rows rows
     * @param channels columns
     * @param sum receives the sums, added to what it holds
     */
    default void channelSums(float[] x, int rows, int channels, double[] sum) {
        channelSums(x, rows, channels, 0, channels, sum);
    }

    /**
     * The call over all columns restricted to columns {@code from … to − 1}: each column's operations are the same
     * whichever columns a call covers, so calls over disjoint ranges give the bits of one call over all (a batch
     * norm's channels split between threads).
     */
    default void channelSums(float[] x, int rows, int channels, int from, int to, double[] sum) {
        for (int r = 0; r < rows; r++) {
            for (int c = from, i = r * channels + from; c < to; c++, i++) {
                sum[c] += x[i];
            }
        }
    }

    /**
     * Adds {@code Σ_r (x[r, c] − mean[c])²} into {@code sum2}: batch normalisation's variance, in a second pass.
     *
     * @param x the matrix (positions × channels)
     * @param rows rows
     * @param channels columns
     * @param mean each column's mean
     * @param sum2 receives the sums, added to what it holds
     */
    default void channelSquaredDeviations(float[] x, int rows, int channels, float[] mean, double[] sum2) {
        channelSquaredDeviations(x, rows, channels, 0, channels, mean, sum2);
    }

    /**
     * The call over all columns restricted to columns {@code from … to − 1}: each column's operations are the same
     * whichever columns a call covers, so calls over disjoint ranges give the bits of one call over all (a batch
     * norm's channels split between threads).
     */
    default void channelSquaredDeviations(
            float[] x, int rows, int channels, int from, int to, float[] mean, double[] sum2) {
        for (int r = 0; r < rows; r++) {
            for (int c = from, i = r * channels + from; c < to; c++, i++) {
                double d = x[i] - mean[c];
                sum2[c] += d * d;
            }
        }
    }

    /**
     * {@code y[r, c] = x[r, c]·scale[c] + shift[c]} (a product, then a sum: no fused multiply-add, so every
     * implementation gives the same bits): batch normalisation's forward pass with its statistics folded in.
     *
     * @param x the matrix (positions × channels)
     * @param y receives the result; may be x
     * @param rows rows
     * @param channels columns
     * @param scale one factor per column
     * @param shift one term per column
     */
    default void channelAffine(float[] x, float[] y, int rows, int channels, float[] scale, float[] shift) {
        channelAffine(x, y, rows, channels, 0, channels, scale, shift);
    }

    /**
     * The call over all columns restricted to columns {@code from … to − 1}: each column's operations are the same
     * whichever columns a call covers, so calls over disjoint ranges give the bits of one call over all (a batch
     * norm's channels split between threads).
     */
    default void channelAffine(
            float[] x, float[] y, int rows, int channels, int from, int to, float[] scale, float[] shift) {
        for (int r = 0; r < rows; r++) {
            for (int c = from, i = r * channels + from; c < to; c++, i++) {
                y[i] = x[i] * scale[c] + shift[c];
            }
        }
    }

    /**
     * {@code y[r, c] = max(x[r, c]·scale[c] + shift[c], 0)}: the float operations of {@link #channelAffine} then
     * {@link #relu}, one pass instead of two, so the bits are theirs (a batch norm's training pass and the ReLU after
     * it).
     *
     * @param x the matrix (positions × channels)
     * @param y receives the result
     * @param rows rows
     * @param channels columns
     * @param scale one factor per column
     * @param shift one term per column
     */
    default void channelAffineRelu(float[] x, float[] y, int rows, int channels, float[] scale, float[] shift) {
        channelAffineRelu(x, y, rows, channels, 0, channels, scale, shift);
    }

    /**
     * The call over all columns restricted to columns {@code from … to − 1}: each column's operations are the same
     * whichever columns a call covers, so calls over disjoint ranges give the bits of one call over all (a batch
     * norm's channels split between threads).
     */
    default void channelAffineRelu(
            float[] x, float[] y, int rows, int channels, int from, int to, float[] scale, float[] shift) {
        for (int r = 0; r < rows; r++) {
            for (int c = from, i = r * channels + from; c < to; c++, i++) {
                y[i] = Math.max(x[i] * scale[c] + shift[c], 0f);
            }
        }
    }

    /**
     * {@code y[r, c] = max((x[r, c]·scale[c] + shift[c]) + skip[r, c], 0)} over columns {@code from … to − 1}: the
     * float operations of {@link #channelAffine}, a residual connection's sum and {@link #relu}, one pass instead of
     * three, so the bits are theirs (a batch norm's training pass, the sum with the block's input, and the ReLU after
     * it).
     *
     * @param x the matrix (positions × channels)
     * @param skip the matrix added, of the same shape
     * @param y receives the result
     * @param rows rows
     * @param channels columns
     * @param from the first column of this call
     * @param to the column after its last
     * @param scale one factor per column
     * @param shift one term per column
     */
    default void channelAffineAddRelu(
            float[] x,
            float[] skip,
            float[] y,
            int rows,
            int channels,
            int from,
            int to,
            float[] scale,
            float[] shift) {
        for (int r = 0; r < rows; r++) {
            for (int c = from, i = r * channels + from; c < to; c++, i++) {
                y[i] = Math.max(x[i] * scale[c] + shift[c] + skip[i], 0f);
            }
        }
    }

    /**
     * Inference's epilogue of a layer's output, in place over {@code y[yo…]}, {@code rows × channels}: adds {@code
     * bias[c]}, then, when {@code scale} is not null, multiplies by {@code scale[c]} and adds {@code shift[c]}, then,
     * when {@code relu}, takes {@code max(·, 0)}. These are the float operations of {@link #addRowVector}, {@link
     * #channelAffine} and {@link #relu} in that order, one pass instead of three, so the bits are theirs.
     *
     * @param y the matrix (positions × channels), overwritten
     * @param yo where it starts in y
     * @param rows rows
     * @param channels columns
     * @param bias one term per column
     * @param biasOffset where the bias starts
     * @param scale one factor per column, or null for no affine step
     * @param shift one term per column (read only with a scale)
     * @param relu whether to clamp at zero last
     */
    default void channelEpilogue(
            float[] y,
            int yo,
            int rows,
            int channels,
            float[] bias,
            int biasOffset,
            float[] scale,
            float[] shift,
            boolean relu) {
        for (int r = 0, i = yo; r < rows; r++) {
            for (int c = 0; c < channels; c++, i++) {
                float v = y[i] + bias[biasOffset + c];
                if (scale != null) {
                    v = v * scale[c] + shift[c];
                }
                y[i] = relu ? Math.max(v, 0f) : v;
            }
        }
    }

    /**
     * Batch normalisation's parameter gradients: adds {@code Σ_r dy} into {@code sumDy} and {@code Σ_r dy·x̂} into
     * {@code sumDyXhat}, with {@code x̂ = (x − mean)·invStd} per column.
     *
     * @param x the forward inputs (positions × channels)
     * @param dy the output gradient, same shape
     * @param rows rows
     * @param channels columns
     * @param mean the mean per column
     * @param invStd 1/√(σ² + ε) per column
     * @param sumDy receives Σ dy (β's gradient)
     * @param sumDyXhat receives Σ dy·x̂ (γ's gradient)
     */
    default void channelGradientSums(
            float[] x,
            float[] dy,
            int rows,
            int channels,
            float[] mean,
            float[] invStd,
            double[] sumDy,
            double[] sumDyXhat) {
        channelGradientSums(x, dy, rows, channels, 0, channels, mean, invStd, sumDy, sumDyXhat);
    }

    /**
     * The call over all columns restricted to columns {@code from … to − 1}: each column's operations are the same
     * whichever columns a call covers, so calls over disjoint ranges give the bits of one call over all (a batch
     * norm's channels split between threads).
     */
    default void channelGradientSums(
            float[] x,
            float[] dy,
            int rows,
            int channels,
            int from,
            int to,
            float[] mean,
            float[] invStd,
            double[] sumDy,
            double[] sumDyXhat) {
        for (int r = 0; r < rows; r++) {
            for (int c = from, i = r * channels + from; c < to; c++, i++) {
                float xhat = (x[i] - mean[c]) * invStd[c];
                sumDy[c] += dy[i];
                sumDyXhat[c] += dy[i] * xhat;
            }
        }
    }

    /**
     * {@code dx[r, c] = dy[r, c]·a[c] + x[r, c]·b[c] + d[c]}: batch normalisation's input gradient, whose terms
     * per channel are constants.
     *
     * @param dy the output gradient (positions × channels)
     * @param x the forward inputs, same shape
     * @param dx receives the result
     * @param rows rows
     * @param channels columns
     * @param a the factor of dy per column
     * @param b the factor of x per column
     * @param d the term per column
     */
    default void channelAffine2(
            float[] dy, float[] x, float[] dx, int rows, int channels, float[] a, float[] b, float[] d) {
        channelAffine2(dy, x, dx, rows, channels, 0, channels, a, b, d);
    }

    /**
     * The call over all columns restricted to columns {@code from … to − 1}: each column's operations are the same
     * whichever columns a call covers, so calls over disjoint ranges give the bits of one call over all (a batch
     * norm's channels split between threads).
     */
    default void channelAffine2(
            float[] dy,
            float[] x,
            float[] dx,
            int rows,
            int channels,
            int from,
            int to,
            float[] a,
            float[] b,
            float[] d) {
        for (int r = 0; r < rows; r++) {
            for (int c = from, i = r * channels + from; c < to; c++, i++) {
                dx[i] = dy[i] * a[c] + x[i] * b[c] + d[c];
            }
        }
    }

    /**
     * {@link #channelGradientSums} of the gradient a ReLU passes back, {@code gate > 0 ? dy : 0} ({@link
     * #reluBackward}'s values), without writing it: the same bits as the two passes.
     *
     * @param x the forward inputs (positions × channels)
     * @param dy the gradient with respect to the ReLU's outputs, same shape
     * @param gate the ReLU's outputs (or inputs: both are positive at the same places), same shape
     * @param rows rows
     * @param channels columns
     * @param mean the mean per column
     * @param invStd 1/√(σ² + ε) per column
     * @param sumDy receives Σ dy (β's gradient)
     * @param sumDyXhat receives Σ dy·x̂ (γ's gradient)
     */
    default void channelGradientSumsGated(
            float[] x,
            float[] dy,
            float[] gate,
            int rows,
            int channels,
            float[] mean,
            float[] invStd,
            double[] sumDy,
            double[] sumDyXhat) {
        channelGradientSumsGated(x, dy, gate, rows, channels, 0, channels, mean, invStd, sumDy, sumDyXhat);
    }

    /**
     * The call over all columns restricted to columns {@code from … to − 1}: each column's operations are the same
     * whichever columns a call covers, so calls over disjoint ranges give the bits of one call over all (a batch
     * norm's channels split between threads).
     */
    default void channelGradientSumsGated(
            float[] x,
            float[] dy,
            float[] gate,
            int rows,
            int channels,
            int from,
            int to,
            float[] mean,
            float[] invStd,
            double[] sumDy,
            double[] sumDyXhat) {
        for (int r = 0; r < rows; r++) {
            for (int c = from, i = r * channels + from; c < to; c++, i++) {
                float g = gate[i] > 0f ? dy[i] : 0f;
                float xhat = (x[i] - mean[c]) * invStd[c];
                sumDy[c] += g;
                sumDyXhat[c] += g * xhat;
            }
        }
    }

    /**
     * {@link #channelAffine2Gated} over columns {@code from … to − 1} that also writes the gated gradient itself into
     * {@code skipDx} (a residual sum's other input, which the sum passes the ReLU's gradient to unchanged): the bits of
     * {@link #channelAffine2Gated} and of {@link #reluBackward} of {@code gate}, in one sweep.
     *
     * @param dy the gradient with respect to the ReLU's outputs (positions × channels)
     * @param gate the ReLU's outputs, same shape
     * @param x the forward inputs, same shape
     * @param dx receives the result
     * @param skipDx receives {@code gate > 0 ? dy : 0}
     * @param rows rows
     * @param channels columns
     * @param from the first column of this call
     * @param to the column after its last
     * @param a the factor of the gated dy per column
     * @param b the factor of x per column
     * @param d the term per column
     */
    default void channelAffine2GatedSkip(
            float[] dy,
            float[] gate,
            float[] x,
            float[] dx,
            float[] skipDx,
            int rows,
            int channels,
            int from,
            int to,
            float[] a,
            float[] b,
            float[] d) {
        channelAffine2Gated(dy, gate, x, dx, rows, channels, from, to, a, b, d);
        for (int r = 0; r < rows; r++) {
            for (int c = from, i = r * channels + from; c < to; c++, i++) {
                skipDx[i] = gate[i] > 0f ? dy[i] : 0f;
            }
        }
    }

    /**
     * {@link #channelAffine2} of the gradient a ReLU passes back, {@code gate > 0 ? dy : 0}, without writing it: the
     * same bits as {@link #reluBackward} then {@link #channelAffine2}.
     *
     * @param dy the gradient with respect to the ReLU's outputs (positions × channels)
     * @param gate the ReLU's outputs, same shape
     * @param x the forward inputs, same shape
     * @param dx receives the result
     * @param rows rows
     * @param channels columns
     * @param a the factor of the gated dy per column
     * @param b the factor of x per column
     * @param d the term per column
     */
    default void channelAffine2Gated(
            float[] dy, float[] gate, float[] x, float[] dx, int rows, int channels, float[] a, float[] b, float[] d) {
        channelAffine2Gated(dy, gate, x, dx, rows, channels, 0, channels, a, b, d);
    }

    /**
     * The call over all columns restricted to columns {@code from … to − 1}: each column's operations are the same
     * whichever columns a call covers, so calls over disjoint ranges give the bits of one call over all (a batch
     * norm's channels split between threads).
     */
    default void channelAffine2Gated(
            float[] dy,
            float[] gate,
            float[] x,
            float[] dx,
            int rows,
            int channels,
            int from,
            int to,
            float[] a,
            float[] b,
            float[] d) {
        for (int r = 0; r < rows; r++) {
            for (int c = from, i = r * channels + from; c < to; c++, i++) {
                float g = gate[i] > 0f ? dy[i] : 0f;
                dx[i] = g * a[c] + x[i] * b[c] + d[c];
            }
        }
    }

    /**
     * {@link #channelAffineRelu} then {@link #maxPool2} over {@code batch} H×W maps of even sides, channels {@code from
     * … to − 1}, writing only the pooled output: a batch norm's training pass with the ReLU and the pool after it, the
     * full-size ReLU output neither written nor read again. Each value goes through the two sweeps' float operations,
     * so the bits are theirs.
     *
     * @param x the batch norm's inputs, {@code batch × h × w × channels}
     * @param y receives the pooled outputs, {@code batch × h/2 × w/2 × channels}
     * @param batch samples
     * @param h height, even
     * @param w width, even
     * @param channels channels
     * @param from the first channel of this call
     * @param to the channel after its last
     * @param scale the batch norm's factor per channel
     * @param shift its term per channel
     */
    default void channelAffineReluPool(
            float[] x,
            float[] y,
            int batch,
            int h,
            int w,
            int channels,
            int from,
            int to,
            float[] scale,
            float[] shift) {
        PooledSweeps.affineReluPool(x, y, batch, h, w, channels, from, to, scale, shift);
    }

    /**
     * {@link #channelGradientSumsGated} of the gradient that the pool and the ReLU after {@link
     * #channelAffineReluPool} pass back, found again per position from {@code x}, the constants and the pooled output
     * (the first position of a window holding the maximum takes the pooled gradient where the ReLU's output is
     * positive): the bits of {@link #maxPool2Backward} then the gated sums, without the full-size gradient.
     *
     * @param x the batch norm's inputs of the forward pass
     * @param y the pooled outputs of the forward pass
     * @param dy the gradient with respect to the pooled outputs
     * @param batch samples
     * @param h height, even
     * @param w width, even
     * @param channels channels
     * @param from the first channel of this call
     * @param to the channel after its last
     * @param scale the forward pass's factor per channel
     * @param shift its term per channel
     * @param mean the batch mean per channel
     * @param invStd 1/√(σ² + ε) per channel
     * @param sumDy receives Σ dy (β's gradient)
     * @param sumDyXhat receives Σ dy·x̂ (γ's gradient)
     */
    default void channelGradientSumsPooled(
            float[] x,
            float[] y,
            float[] dy,
            int batch,
            int h,
            int w,
            int channels,
            int from,
            int to,
            float[] scale,
            float[] shift,
            float[] mean,
            float[] invStd,
            double[] sumDy,
            double[] sumDyXhat) {
        PooledSweeps.gradientSums(
                x, y, dy, batch, h, w, channels, from, to, scale, shift, mean, invStd, sumDy, sumDyXhat);
    }

    /**
     * {@link #channelAffine2Gated} of the gradient that the pool and the ReLU pass back, found again as {@link
     * #channelGradientSumsPooled} finds it: the batch norm's input gradient, with the bits of the separate sweeps.
     *
     * @param dy the gradient with respect to the pooled outputs
     * @param y the pooled outputs of the forward pass
     * @param x the batch norm's inputs of the forward pass
     * @param dx receives the input gradient, {@code batch × h × w × channels}
     * @param batch samples
     * @param h height, even
     * @param w width, even
     * @param channels channels
     * @param from the first channel of this call
     * @param to the channel after its last
     * @param scale the forward pass's factor per channel
     * @param shift its term per channel
     * @param a the factor of the routed gradient per channel
     * @param b the factor of x per channel
     * @param d the term per channel
     */
    default void channelAffine2Pooled(
            float[] dy,
            float[] y,
            float[] x,
            float[] dx,
            int batch,
            int h,
            int w,
            int channels,
            int from,
            int to,
            float[] scale,
            float[] shift,
            float[] a,
            float[] b,
            float[] d) {
        PooledSweeps.affine2(dy, y, x, dx, batch, h, w, channels, from, to, scale, shift, a, b, d, false);
    }

    /**
     * @return whether a training pass may run a stem ({@link StemShape}: a convolution of the network's input, the
     *     batch norm that alone reads it, its ReLU and a 2×2 max pool) as one call from the patches' moments: {@link
     *     #stemMoments}, {@link #stemForwardPooled}, {@link #stemGradientSums}; true unless the kernels were built
     *     without it ({@link KernelOptions#WITHOUT_STEM}). Every implementation gives the scalar forms' bits.
     */
    default boolean fusesStem() {
        return true;
    }

    /**
     * Adds the moments of images {@code b0 … b1 − 1}'s centred patches over every output position: {@code sums[t] +=
     * Σ P̃ₜ} and, for u ≥ t, {@code gram[t·T + u] += Σ P̃ₜ·P̃ᵤ} (T taps; the lower triangle untouched), with {@code
     * P̃ = P − center[ci]} (the zero padding counts as 0 − center). Each image's sums are {@link StemShape#LANES}
     * interleaved float runs (a position's column modulo 16 chooses its run) added into double in order.
     *
     * @param shape the stem
     * @param x the network's input, NHWC
     * @param b0 the first image
     * @param b1 the image after the last
     * @param center a value per input channel, subtracted from every patch value
     * @param gram added to, {@code T × T}
     * @param sums added to, {@code T}
     * @param work at least {@link StemShape#workspace()} floats, overwritten
     */
    default void stemMoments(
            StemShape shape, float[] x, int b0, int b1, float[] center, double[] gram, double[] sums, float[] work) {
        StemSweeps.moments(shape, x, b0, b1, center, gram, sums, work);
    }

    /**
     * The pooled outputs of a stem's filters {@code from … to − 1} for images {@code b0 … b1 − 1}: each 2×2 window's
     * four convolution outputs {@code bias + Σₜ Pₜ·Wₜ} (fused multiply-adds in tap order), {@code max(x·scale + shift,
     * 0)} each, and their maximum at {@code y[((b·h/2 + i)·w/2 + j)·cout + co]}, with the position that holds it first
     * and its convolution output beside it (for the backward pass); the convolution's outputs are never written.
     *
     * @param shape the stem
     * @param x the network's input, NHWC
     * @param y the pooled outputs
     * @param b0 the first image
     * @param b1 the image after the last
     * @param from the first filter of this call
     * @param to the filter after its last
     * @param weights the kernel, {@code [ky][kx][cin][cout]} from {@code w0}
     * @param w0 where it starts
     * @param bias the bias, from {@code bo}
     * @param bo where it starts
     * @param scale the batch norm's factor per filter
     * @param shift its term per filter
     * @param chosen receives, beside each pooled output, the window's first position holding the maximum (0 … 3,
     *     row-major)
     * @param chosenX receives, beside each pooled output, that position's convolution output
     * @param work at least {@link StemShape#workspace()} floats, overwritten
     */
    default void stemForwardPooled(
            StemShape shape,
            float[] x,
            float[] y,
            int b0,
            int b1,
            int from,
            int to,
            float[] weights,
            int w0,
            float[] bias,
            int bo,
            float[] scale,
            float[] shift,
            float[] chosen,
            float[] chosenX,
            float[] work) {
        StemSweeps.forwardPooled(
                shape, x, y, b0, b1, from, to, weights, w0, bias, bo, scale, shift, chosen, chosenX, work);
    }

    /**
     * A stem's gradient sums of filters {@code from … to − 1} over images {@code b0 … b1 − 1}: the pooled gradient goes
     * to the position of its window that {@link #stemForwardPooled} chose where the pooled output is positive (+0
     * elsewhere), and, a float run per image added into double, {@code sumDy[co] += Σ g}, {@code sumDyXc[co] += Σ
     * g·(x − mean[co])}, {@code tapSums[t·cout + co] += Σ g·Pₜ} (Pₜ at the chosen position: a fused multiply-add per
     * window, windows in order).
     *
     * @param shape the stem
     * @param x the network's input, NHWC
     * @param y the pooled outputs of the forward pass
     * @param dy the gradient with respect to them
     * @param chosen the forward pass's chosen positions
     * @param chosenX their convolution outputs
     * @param b0 the first image
     * @param b1 the image after the last
     * @param from the first filter of this call
     * @param to the filter after its last
     * @param mean the batch norm's batch mean per filter
     * @param sumDy added to, per filter
     * @param sumDyXc added to, per filter
     * @param tapSums added to, {@code T × cout}
     * @param work at least {@link StemShape#workspace()} floats, overwritten
     */
    default void stemGradientSums(
            StemShape shape,
            float[] x,
            float[] y,
            float[] dy,
            float[] chosen,
            float[] chosenX,
            int b0,
            int b1,
            int from,
            int to,
            float[] mean,
            double[] sumDy,
            double[] sumDyXc,
            double[] tapSums,
            float[] work) {
        StemSweeps.gradientSums(
                shape, x, y, dy, chosen, chosenX, b0, b1, from, to, mean, sumDy, sumDyXc, tapSums, work);
    }

    /**
     * @param cout output channels of a stride-1 convolution
     * @return true when {@link #convolveAnchors} and {@link #convolveWeightGradient} are faster than im2col products
     *     for that many outputs (the vector forms, for filters one vector wide); otherwise a convolution runs as im2col
     *     products
     */
    default boolean convolvesDirectly(int cout) {
        return false;
    }

    /**
     * A stride-1 convolution read straight from a zero-padded H×W×C image (no im2col patches): for every anchor
     * {@code a < anchors}, {@code y[yo + a·cout + co] = Σ x[xo + (a + ky·rowStride + kx)·cin + ci] ·
     * w[wo + ((ky·k + kx)·cin + ci)·cout + co]} over {@code ky, kx < k} and {@code ci < cin}, summed from zero in
     * that order (the order of the im2col product over the tap-major patches, so both give the same bits). An anchor
     * is a window's top-left corner in the padded image; those whose window runs past a row's end are computed too,
     * and the caller ignores them.
     *
     * @param x the padded image
     * @param xo where it starts in x
     * @param w the kernel, {@code [ky][kx][cin][cout]}
     * @param wo where it starts in w
     * @param y the outputs, {@code anchors × cout}
     * @param yo where they start in y
     * @param anchors the number of anchors, row-major in the padded image
     * @param k the kernel's size
     * @param rowStride the padded image's width
     * @param cin input channels
     * @param cout output channels
     */
    default void convolveAnchors(
            float[] x,
            int xo,
            float[] w,
            int wo,
            float[] y,
            int yo,
            int anchors,
            int k,
            int rowStride,
            int cin,
            int cout) {
        for (int a = 0; a < anchors; a++) {
            for (int co = 0; co < cout; co++) {
                float sum = 0f;
                for (int ky = 0; ky < k; ky++) {
                    for (int kx = 0; kx < k; kx++) {
                        int xi = xo + (a + ky * rowStride + kx) * cin;
                        int wi = wo + (ky * k + kx) * cin * cout + co;
                        for (int ci = 0; ci < cin; ci++) {
                            sum += x[xi + ci] * w[wi + ci * cout];
                        }
                    }
                }
                y[yo + a * cout + co] = sum;
            }
        }
    }

    /**
     * A stride-1 convolution's kernel gradient read straight from zero-padded images: adds to {@code dw[dwo + t·cout +
     * co]}, for each tap {@code t = (ky·k + kx)·cin + ci}, the products {@code x[xo + b·sampleStride + ((i + ky)·
     * rowStride + j + kx)·cin + ci] · dy[dyo + ((b·oh + i)·ow + j)·cout + co]} over samples b, output rows i and
     * columns j in that order (the order of the im2col product, so both give the same bits).
     *
     * @param x the padded images
     * @param xo where the first starts in x
     * @param sampleStride the distance between two padded images
     * @param rowStride a padded image's width
     * @param dy the output gradient, {@code samples × oh × ow × cout}
     * @param dyo where it starts in dy
     * @param samples the number of images
     * @param oh output rows
     * @param ow output columns
     * @param dw the kernel gradient, {@code [ky][kx][cin][cout]}, added to
     * @param dwo where it starts in dw
     * @param k the kernel's size
     * @param cin input channels
     * @param cout output channels
     */
    default void convolveWeightGradient(
            float[] x,
            int xo,
            int sampleStride,
            int rowStride,
            float[] dy,
            int dyo,
            int samples,
            int oh,
            int ow,
            float[] dw,
            int dwo,
            int k,
            int cin,
            int cout) {
        for (int ky = 0; ky < k; ky++) {
            for (int kx = 0; kx < k; kx++) {
                for (int ci = 0; ci < cin; ci++) {
                    int t = dwo + ((ky * k + kx) * cin + ci) * cout;
                    for (int co = 0; co < cout; co++) {
                        float sum = dw[t + co];
                        for (int b = 0; b < samples; b++) {
                            for (int i = 0; i < oh; i++) {
                                int xi = xo + b * sampleStride + ((i + ky) * rowStride + kx) * cin + ci;
                                int di = dyo + ((b * oh + i) * ow) * cout + co;
                                for (int j = 0; j < ow; j++) {
                                    sum += x[xi + j * cin] * dy[di + j * cout];
                                }
                            }
                        }
                        dw[t + co] = sum;
                    }
                }
            }
        }
    }

    /**
     * As {@link #convolveWeightGradient(float[], int, int, int, float[], int, int, int, int, float[], int, int, int,
     * int)}, with a workspace in which the kernels may hold the gradient transposed; the same bits.
     *
     * @param x the padded images
     * @param xo where the first starts in x
     * @param sampleStride the distance between two padded images
     * @param rowStride a padded image's width
     * @param dy the output gradient, {@code samples × oh × ow × cout}
     * @param dyo where it starts in dy
     * @param samples the number of images
     * @param oh output rows
     * @param ow output columns
     * @param dw the kernel gradient, {@code [ky][kx][cin][cout]}, added to
     * @param dwo where it starts in dw
     * @param k the kernel's size
     * @param cin input channels
     * @param cout output channels
     * @param work at least {@link #weightGradientWorkspace}{@code (K²·cin, cout)} floats, overwritten
     */
    default void convolveWeightGradient(
            float[] x,
            int xo,
            int sampleStride,
            int rowStride,
            float[] dy,
            int dyo,
            int samples,
            int oh,
            int ow,
            float[] dw,
            int dwo,
            int k,
            int cin,
            int cout,
            float[] work) {
        convolveWeightGradient(x, xo, sampleStride, rowStride, dy, dyo, samples, oh, ow, dw, dwo, k, cin, cout);
    }

    /**
     * @param taps a kernel's rows, {@code K²·cin}
     * @param cout its columns
     * @return the floats of workspace the kernel gradient with a workspace uses, 0 where it uses none
     */
    default int weightGradientWorkspace(int taps, int cout) {
        return 0;
    }

    /**
     * Floats that {@link #convolvePlanes} may read past the last input plane (a vector's lanes past a row's end): the
     * caller leaves that many after it, any values.
     */
    int PLANE_SLACK = 16;

    /**
     * @return whether layers whose shape {@link Winograd#takes} convolve by {@link #convolveWinograd}: true unless the
     *     kernels were built without it ({@link KernelOptions#WITHOUT_WINOGRAD}); every implementation gives its bits
     */
    default boolean convolvesWinograd() {
        return true;
    }

    /**
     * A 3×3 stride-1 same convolution of one image by Winograd's F(2×2, 3×3) ({@link Winograd}): {@code y[yo + (i·w
     * + j)·cout + co]} for the image {@code x[xo + (i'·(w + 2) + j')·cin + ci]} held with a zero border of one (i', j'
     * in the padded image), within a few roundings of the direct sums, with {@link Winograd#convolve}'s bits in every
     * implementation.
     *
     * @param x the padded image, {@code (h + 2) × (w + 2) × cin}
     * @param xo where it starts in x
     * @param h the image's height, even
     * @param w its width, even
     * @param cin input channels, a multiple of 16
     * @param filters the kernel as {@link Winograd#transformFilters} writes it, from 0
     * @param cout filters, a multiple of 16
     * @param y the outputs, {@code h × w × cout}, overwritten
     * @param yo where they start in y
     * @param work at least {@link Winograd#workspace} floats, overwritten
     */
    default void convolveWinograd(
            float[] x, int xo, int h, int w, int cin, float[] filters, int cout, float[] y, int yo, float[] work) {
        Winograd.convolve(x, xo, h, w, cin, filters, cout, y, yo, work);
    }

    /**
     * One image's share of a 3×3 stride-1 same convolution's kernel gradient by Winograd's F(2×2, 3×3): the
     * transformed gradient {@code du[(p·cin + ci)·cout + co]} (from zero where {@code first} says so, else added to),
     * which {@link Winograd#untransformGradient} takes to the kernel's once every image is in; with {@link
     * Winograd#kernelGradient}'s bits in every implementation.
     *
     * @param x the padded image, {@code (h + 2) × (w + 2) × cin}
     * @param xo where it starts in x
     * @param h the image's height, even
     * @param w its width, even
     * @param cin input channels, a multiple of 16
     * @param dy the image's output gradient, {@code h × w × cout}
     * @param dyo where it starts in dy
     * @param cout filters, a multiple of 16
     * @param du at least {@link Winograd#filterFloats} floats: the transformed gradient, summed into
     * @param first whether this is the first image (du is overwritten) or a later one (du is added to)
     * @param work at least {@link Winograd#workspace} floats, overwritten
     */
    default void winogradKernelGradient(
            float[] x,
            int xo,
            int h,
            int w,
            int cin,
            float[] dy,
            int dyo,
            int cout,
            float[] du,
            boolean first,
            float[] work) {
        Winograd.kernelGradient(x, xo, h, w, cin, dy, dyo, cout, du, first, work);
    }

    /**
     * @param cout output channels of a stride-1 convolution
     * @return true when {@link #convolvePlanes} gives a convolution of that many filters the bits of the im2col
     *     product {@link #gemmTransposedA} (the vector forms: filters in blocks of four, those in whole vectors
     *     summed by fused multiply-adds as the product sums them, the rest with each product rounded as its tail
     *     columns do) and runs it faster; otherwise the layer keeps its other forms
     */
    default boolean convolvesPlanes(int cout) {
        return false;
    }

    /**
     * A stride-1 convolution of one image held channel-major with its zero borders ({@code x[xo + ci·plane +
     * y·rowStride + x]}, y and x in the padded image): {@code y[yo + (i·ow + j)·cout + co] = Σ x[xo + ci·plane + (i +
     * ky)·rowStride + j + kx] · W[t][co]} over the taps {@code t = (ky·k + kx)·cin + ci} ({@code ky, kx < k},
     * {@code ci < cin}), summed from zero in that order: the order of the im2col product over the tap-major patches,
     * so both give the same bits. The kernel W comes packed by {@link #packFilterBlocks}. The vector form runs a vector
     * of output columns at a time, reading up to {@link #PLANE_SLACK} floats past a row's end (and past the last
     * plane) for lanes it drops.
     *
     * @param x the image's planes, padded
     * @param xo where the first plane starts in x
     * @param plane the distance between two channels' planes, at least {@code (oh + k − 1)·rowStride}
     * @param rowStride a padded row's length, at least {@code ow + k − 1}
     * @param oh output rows
     * @param ow output columns
     * @param k the kernel's size
     * @param cin input channels
     * @param packed the kernel as {@link #packFilterBlocks} writes it, from 0
     * @param cout output channels
     * @param y the outputs, {@code oh × ow × cout}, overwritten
     * @param yo where they start in y
     * @param work at least {@link #planesWorkspace}{@code (oh, ow, cout)} floats, overwritten
     */
    default void convolvePlanes(
            float[] x,
            int xo,
            int plane,
            int rowStride,
            int oh,
            int ow,
            int k,
            int cin,
            float[] packed,
            int cout,
            float[] y,
            int yo,
            float[] work) {
        int taps = k * k * cin;
        for (int i = 0; i < oh; i++) {
            for (int j = 0; j < ow; j++) {
                for (int co = 0; co < cout; co++) {
                    float sum = 0f;
                    for (int ky = 0; ky < k; ky++) {
                        for (int kx = 0; kx < k; kx++) {
                            int xi = xo + (i + ky) * rowStride + j + kx;
                            int t = (ky * k + kx) * cin;
                            for (int ci = 0; ci < cin; ci++) {
                                sum += x[xi + ci * plane] * packed[(co / 4 * taps + t + ci) * 4 + co % 4];
                            }
                        }
                    }
                    y[yo + (i * ow + j) * cout + co] = sum;
                }
            }
        }
    }

    /**
     * {@link #convolvePlanes(float[], int, int, int, int, int, int, int, float[], int, float[], int, float[])} with the
     * bias added to each output once its sum is complete ({@code y = sum + bias[biasOffset + co]}): the bits of the
     * convolution followed by {@link #addRowVector} over the image's outputs, without that second pass over them.
     *
     * @param x the image's planes, padded
     * @param xo where the first plane starts in x
     * @param plane the distance between two channels' planes
     * @param rowStride a padded row's length
     * @param oh output rows
     * @param ow output columns
     * @param k the kernel's size
     * @param cin input channels
     * @param packed the kernel as {@link #packFilterBlocks} writes it, from 0
     * @param cout output channels
     * @param y the outputs, {@code oh × ow × cout}, overwritten
     * @param yo where they start in y
     * @param work at least {@link #planesWorkspace}{@code (oh, ow, cout)} floats, overwritten
     * @param bias the bias, one per output channel, or null for none
     * @param biasOffset where it starts in bias
     */
    default void convolvePlanes(
            float[] x,
            int xo,
            int plane,
            int rowStride,
            int oh,
            int ow,
            int k,
            int cin,
            float[] packed,
            int cout,
            float[] y,
            int yo,
            float[] work,
            float[] bias,
            int biasOffset) {
        convolvePlanes(x, xo, plane, rowStride, oh, ow, k, cin, packed, cout, y, yo, work);
        if (bias != null) {
            for (int p = 0; p < oh * ow; p++) {
                for (int co = 0; co < cout; co++) {
                    y[yo + p * cout + co] += bias[biasOffset + co];
                }
            }
        }
    }

    /**
     * Copies one H×W×C image into the interiors of channel-major planes: {@code planes[po + c·plane + y·rowStride + x]
     * = x[xo + (y·w + x)·cin + c]}. The vector form may also write zeros just past a row's end (into the row's right
     * border and the next row's left one, which are zero).
     *
     * @param x the images
     * @param xo where the image starts in x
     * @param h its height
     * @param w its width
     * @param cin its channels
     * @param planes the planes
     * @param po where the first plane's interior starts in planes
     * @param plane the distance between two channels' planes
     * @param rowStride a padded row's length
     */
    default void toPlanes(float[] x, int xo, int h, int w, int cin, float[] planes, int po, int plane, int rowStride) {
        for (int y = 0; y < h; y++) {
            int src = xo + y * w * cin;
            for (int c = 0; c < cin; c++) {
                int dst = po + c * plane + y * rowStride;
                for (int xx = 0; xx < w; xx++) {
                    planes[dst + xx] = x[src + xx * cin + c];
                }
            }
        }
    }

    /**
     * Copies a kernel {@code W[taps][cout]} filter block by filter block, {@code packed[((co / 4)·taps + t)·4 + co % 4]
     * = W[t][co]}, the last block filled out with zeros: a block's four weights of a tap are then adjacent, and its
     * taps follow each other, as {@link #convolvePlanes} reads them.
     *
     * @param w the kernel, {@code [ky][kx][cin][cout]}
     * @param wo where it starts in w
     * @param taps its rows, {@code K²·cin}
     * @param cout its columns
     * @param packed at least {@link #packedFilterFloats}{@code (taps, cout)} floats, overwritten
     */
    static void packFilterBlocks(float[] w, int wo, int taps, int cout, float[] packed) {
        for (int f = 0; f < cout; f += 4) {
            for (int t = 0; t < taps; t++) {
                int dst = (f / 4 * taps + t) * 4;
                for (int q = 0; q < 4; q++) {
                    packed[dst + q] = f + q < cout ? w[wo + t * cout + f + q] : 0f;
                }
            }
        }
    }

    /**
     * @param taps a kernel's rows
     * @param cout its columns
     * @return the floats {@link #packFilterBlocks} writes
     */
    static int packedFilterFloats(int taps, int cout) {
        return taps * ((cout + 3) / 4 * 4);
    }

    /**
     * @param oh output rows of an image
     * @param ow output columns
     * @param cout output channels
     * @return the floats of workspace {@link #convolvePlanes} needs for one image
     */
    default int planesWorkspace(int oh, int ow, int cout) {
        return 0;
    }

    /** @return a short name for provenance ("vector-512" or "scalar") */
    String name();

    /**
     * @param n a column count
     * @return true when {@link #gemmTransposedB} should be preferred for an output this narrow
     */
    default boolean prefersDotProducts(int n) {
        return false;
    }

    /**
     * Copies a transposed matrix as {@link #transpose} does, the same values, in whatever blocks the implementation
     * moves fastest.
     *
     * @param src the source array
     * @param off where the matrix starts in src
     * @param rows rows of the source
     * @param cols columns of the source
     * @param dst the destination, {@code cols × rows}
     */
    default void transposeInto(float[] src, int off, int rows, int cols, float[] dst) {
        transpose(src, off, rows, cols, dst);
    }

    /**
     * Copies a transposed matrix: {@code dst[j×rows + i] = src[off + i×cols + j]}.
     *
     * @param src the source array
     * @param off where the matrix starts in src
     * @param rows rows of the source
     * @param cols columns of the source
     * @param dst the destination, {@code cols × rows}
     */
    static void transpose(float[] src, int off, int rows, int cols, float[] dst) {
        // 16×16 tiles keep both the rows read and the rows written in cache.
        final int tile = 16;
        for (int i0 = 0; i0 < rows; i0 += tile) {
            int i1 = Math.min(i0 + tile, rows);
            for (int j0 = 0; j0 < cols; j0 += tile) {
                int j1 = Math.min(j0 + tile, cols);
                for (int i = i0; i < i1; i++) {
                    int base = off + i * cols;
                    for (int j = j0; j < j1; j++) {
                        dst[j * rows + i] = src[base + j];
                    }
                }
            }
        }
    }
}
