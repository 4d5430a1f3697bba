package org.saepj.engine.kernel;

/**
 * Winograd's minimal filtering F(2×2, 3×3) (Lavin and Gray, 2016) for a stride-1, same-padded 3×3 convolution: each
 * 2×2 block of outputs comes from its 4×4 window of the zero-padded input through 16 products a channel pair instead
 * of 36. The window is transformed ({@code V = Bᵀ d B}), each of the 16 transformed positions p is a matrix product of
 * the windows' channels with the transformed kernel ({@code M[p] = V[p] · U[p]}, {@code U = G g Gᵀ}), and the 2×2
 * outputs come back through {@code Aᵀ M A}. It needs 2.25 times fewer multiplications than the direct convolution and
 * adds the transforms, which are additions only.
 *
 * <p>The results are not the bits of the im2col product (the sums run in another order, and through the transforms'
 * additions): within a few float roundings of them. Every {@link Kernels} implementation computes them with the same
 * operations in the same order — each transform's additions as written in {@link #convolve}, each product's sum over
 * the input channels from zero in order by fused multiply-adds — so the scalar and vector kernels, at any vector
 * width, give the same bits, and a layer's outputs do not depend on the thread that computes an image.
 *
 * <p>This class holds what every implementation shares: which layers take the form, the kernel's transform (done once
 * a pass, here for all), the workspace's size, and the scalar convolution that is {@link Kernels#convolveWinograd}'s
 * default.
 */
public final class Winograd {
    /** The positions of a transformed 4×4 window. */
    static final int POSITIONS = 16;

    /** The channel counts the form takes are multiples of this (whole vectors at 256 and at 512 bits). */
    private static final int CHANNELS = 16;

    /**
     * The most floats of an image's workspace (its transformed windows and products: 4 MB) for which a layer takes
     * the form: a 32 × 32 image of 64 channels and filters needs half of it, a 224 × 224 one of 64 about 25 times it,
     * and keeps the planes, whose scratch is the padded image alone, rather than a workspace past every cache.
     */
    static final int MAX_WORKSPACE = 1 << 20;

    private Winograd() {}

    /**
     * Whether a convolution of this shape runs as Winograd's F(2×2, 3×3), on kernels that allow it ({@link
     * Kernels#convolvesWinograd}).
     *
     * @param k the kernel's size
     * @param stride the stride
     * @param same whether the padding is same
     * @param h input height
     * @param w input width
     * @param cin input channels
     * @param cout filters
     * @return true for a 3×3 stride-1 same convolution of an image with even sides and channels and filters in
     *     multiples of 16 (the 2×2 output blocks tile the image exactly, and the products' rows and columns are whole
     *     vectors at any width, so that every implementation sums alike) whose {@link #workspace} is at most {@link
     *     #MAX_WORKSPACE} floats
     */
    public static boolean takes(int k, int stride, boolean same, int h, int w, int cin, int cout) {
        return k == 3
                && stride == 1
                && same
                && h % 2 == 0
                && w % 2 == 0
                && h > 0
                && w > 0
                && cin % CHANNELS == 0
                && cout % CHANNELS == 0
                && cin > 0
                && cout > 0
                && (long) POSITIONS * (h / 2) * (w / 2) * (cin + cout) <= MAX_WORKSPACE;
    }

    /**
     * @param cin input channels
     * @param cout filters
     * @return the floats of a transformed kernel ({@link #transformFilters})
     */
    public static int filterFloats(int cin, int cout) {
        return POSITIONS * cin * cout;
    }

    /**
     * @param h input height (even)
     * @param w input width (even)
     * @param cin input channels
     * @param cout filters
     * @return the floats of {@link Kernels#convolveWinograd}'s workspace: an image's transformed windows and their
     *     products, {@code 16 · (h/2) · (w/2) · (cin + cout)}
     */
    public static int workspace(int h, int w, int cin, int cout) {
        return POSITIONS * (h / 2) * (w / 2) * (cin + cout);
    }

    /**
     * {@code U = G g Gᵀ} for every filter and input channel, {@code G = [[1, 0, 0], [½, ½, ½], [½, −½, ½], [0, 0,
     * 1]]}: out{@code [(p·cin + ci)·cout + co]} for the transformed position {@code p = 4i + j}, so that each
     * position's {@code cin × cout} matrix is contiguous and a row of it is a filter vector.
     *
     * @param g the kernel, {@code [ky][kx][cin][cout]}
     * @param go where it starts in g
     * @param cin input channels
     * @param cout filters
     * @param out at least {@link #filterFloats} floats, overwritten
     */
    public static void transformFilters(float[] g, int go, int cin, int cout, float[] out) {
        int positions = cin * cout;
        // Pass by pass over all filters and channels (each pass a few rows, contiguous): the rows are 4 KB apart at
        // 32 × 32, and one filter's sixteen of them at a time fell into one cache set. Each value's operations are
        // those of t = G g, then of its rows' t Gᵀ, in the same order.
        for (int kx = 0; kx < 3; kx++) {
            int at = go + kx * positions;
            for (int o = 0; o < positions; o++) {
                float t0 = g[at + o];
                float m = g[at + 3 * positions + o];
                float t2 = g[at + 6 * positions + o];
                out[kx * positions + o] = t0;
                out[(4 + kx) * positions + o] = (t0 + m + t2) * 0.5f;
                out[(8 + kx) * positions + o] = (t0 - m + t2) * 0.5f;
                out[(12 + kx) * positions + o] = t2;
            }
        }
        // Row i of t Gᵀ over positions 4i … 4i + 3, from t's row i in the first three.
        for (int i = 0; i < 4; i++) {
            int row = 4 * i * positions;
            for (int o = 0; o < positions; o++) {
                float a = out[row + o];
                float b = out[row + positions + o];
                float c = out[row + 2 * positions + o];
                out[row + positions + o] = (a + b + c) * 0.5f;
                out[row + 2 * positions + o] = (a - b + c) * 0.5f;
                out[row + 3 * positions + o] = c;
            }
        }
    }

    /**
     * The scalar form of {@link Kernels#convolveWinograd}, whose operations every implementation repeats in this
     * order: for each 2×2 output block (tile t, row-major) and input channel, the window's columns {@code r0 = d0 −
     * d2, r1 = d1 + d2, r2 = d2 − d1, r3 = d1 − d3} (d its rows), then the same along each row of r, into
     * {@code V[p][t][ci]}; {@code M[p][t][co] = Σ V[p][t][ci] · U[p][ci][co]} from zero in channel order by fused
     * multiply-adds; then {@code s0 = (m0 + m1) + m2, s1 = (m1 − m2) − m3} down each column of the block's M and the
     * same along each row of s, the 2×2 outputs.
     */
    static void convolve(
            float[] x, int xo, int h, int w, int cin, float[] filters, int cout, float[] y, int yo, float[] work) {
        int tw = w / 2;
        int tiles = (h / 2) * tw;
        int products = POSITIONS * tiles * cin;
        transformWindows(x, xo, w, cin, tiles, tw, work);
        for (int p = 0; p < POSITIONS; p++) {
            for (int t = 0; t < tiles; t++) {
                int v = (p * tiles + t) * cin;
                for (int co = 0; co < cout; co++) {
                    float sum = 0f;
                    for (int ci = 0; ci < cin; ci++) {
                        sum = Math.fma(work[v + ci], filters[(p * cin + ci) * cout + co], sum);
                    }
                    work[products + (p * tiles + t) * cout + co] = sum;
                }
            }
        }
        int mp = tiles * cout;
        for (int t = 0; t < tiles; t++) {
            int out = yo + (2 * (t / tw) * w + 2 * (t % tw)) * cout;
            for (int co = 0; co < cout; co++) {
                int o = products + t * cout + co;
                for (int j = 0; j < 4; j++) {
                    int at = o + j * mp;
                    float m0 = work[at];
                    float m1 = work[at + 4 * mp];
                    float m2 = work[at + 8 * mp];
                    float m3 = work[at + 12 * mp];
                    work[at] = m0 + m1 + m2;
                    work[at + 4 * mp] = m1 - m2 - m3;
                }
                for (int i = 0; i < 2; i++) {
                    int at = o + 4 * i * mp;
                    float s0 = work[at];
                    float s1 = work[at + mp];
                    float s2 = work[at + 2 * mp];
                    float s3 = work[at + 3 * mp];
                    y[out + i * w * cout + co] = s0 + s1 + s2;
                    y[out + (i * w + 1) * cout + co] = s1 - s2 - s3;
                }
            }
        }
    }

    /** {@code V = Bᵀ d B} of every window of the padded image, into {@code v[p][t][ci]} from 0. */
    private static void transformWindows(float[] x, int xo, int w, int cin, int tiles, int tw, float[] work) {
        int rowStride = (w + 2) * cin;
        int vp = tiles * cin; // the distance between two positions' windows
        for (int t = 0; t < tiles; t++) {
            int base = xo + (2 * (t / tw) * (w + 2) + 2 * (t % tw)) * cin;
            for (int ci = 0; ci < cin; ci++) {
                int o = t * cin + ci;
                for (int j = 0; j < 4; j++) {
                    int at = base + j * cin + ci;
                    float d0 = x[at];
                    float d1 = x[at + rowStride];
                    float d2 = x[at + 2 * rowStride];
                    float d3 = x[at + 3 * rowStride];
                    work[j * vp + o] = d0 - d2;
                    work[(4 + j) * vp + o] = d1 + d2;
                    work[(8 + j) * vp + o] = d2 - d1;
                    work[(12 + j) * vp + o] = d1 - d3;
                }
                for (int i = 0; i < 4; i++) {
                    int at = 4 * i * vp + o;
                    float r0 = work[at];
                    float r1 = work[at + vp];
                    float r2 = work[at + 2 * vp];
                    float r3 = work[at + 3 * vp];
                    work[at] = r0 - r2;
                    work[at + vp] = r1 + r2;
                    work[at + 2 * vp] = r2 - r1;
                    work[at + 3 * vp] = r1 - r3;
                }
            }
        }
    }

    /**
     * The scalar form of {@link Kernels#winogradKernelGradient}, whose operations every implementation repeats: the
     * image's windows transformed as {@link #convolve} transforms them, into {@code V[p][t][ci]}; each tile's 2×2 block
     * of dy (rows a, b) taken to {@code Z = A dY Aᵀ} (down the columns {@code a, a + b, a − b, −b}, then the same along
     * each row), into {@code Z[p][t][co]}; then {@code dU[p][ci][co] += Σ V[p][t][ci] · Z[p][t][co]} over the tiles in
     * order by fused multiply-adds, from zero where {@code first} says so, else from what dU holds.
     */
    static void kernelGradient(
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
        int tw = w / 2;
        int tiles = (h / 2) * tw;
        int zo = POSITIONS * tiles * cin;
        transformWindows(x, xo, w, cin, tiles, tw, work);
        int zp = tiles * cout;
        for (int t = 0; t < tiles; t++) {
            int at = dyo + (2 * (t / tw) * w + 2 * (t % tw)) * cout;
            for (int co = 0; co < cout; co++) {
                float a0 = dy[at + co];
                float a1 = dy[at + cout + co];
                float b0 = dy[at + w * cout + co];
                float b1 = dy[at + (w + 1) * cout + co];
                int o = zo + t * cout + co;
                gradientRow(work, o, zp, a0, a1);
                gradientRow(work, o + 4 * zp, zp, a0 + b0, a1 + b1);
                gradientRow(work, o + 8 * zp, zp, a0 - b0, a1 - b1);
                gradientRow(work, o + 12 * zp, zp, -b0, -b1);
            }
        }
        for (int p = 0; p < POSITIONS; p++) {
            for (int ci = 0; ci < cin; ci++) {
                for (int co = 0; co < cout; co++) {
                    int at = (p * cin + ci) * cout + co;
                    float sum = first ? 0f : du[at];
                    for (int t = 0; t < tiles; t++) {
                        sum = Math.fma(work[(p * tiles + t) * cin + ci], work[zo + (p * tiles + t) * cout + co], sum);
                    }
                    du[at] = sum;
                }
            }
        }
    }

    /** Row i of {@code Z = A dY Aᵀ} from row i of {@code A dY} (a, b): positions {@code 4i … 4i + 3}. */
    private static void gradientRow(float[] z, int o, int zp, float a, float b) {
        z[o] = a;
        z[o + zp] = a + b;
        z[o + 2 * zp] = a - b;
        z[o + 3 * zp] = -b;
    }

    /**
     * The kernel gradient from the transformed one: {@code dg = Gᵀ dU G} for every filter and input channel, written
     * over {@code grads[go + ((ky·3 + kx)·cin + ci)·cout + co]}.
     *
     * @param du the transformed gradient, {@code [p][ci][co]} as {@link Kernels#winogradKernelGradient} sums it;
     *     overwritten
     * @param cin input channels
     * @param cout filters
     * @param grads the kernel gradient, {@code [ky][kx][cin][cout]}, overwritten
     * @param go where it starts in grads
     */
    public static void untransformGradient(float[] du, int cin, int cout, float[] grads, int go) {
        int positions = cin * cout;
        // Column by column, then row by row, over all filters and channels at once (contiguous runs, where one
        // filter's sixteen rows 4 KB apart fell into one cache set); each value's operations as before, in order.
        for (int j = 0; j < 4; j++) {
            // Column j of t = Gᵀ dU, its three rows written over dU's first three (dU is spent after this).
            for (int o = 0; o < positions; o++) {
                float u0 = du[o + j * positions];
                float u1 = du[o + (4 + j) * positions];
                float u2 = du[o + (8 + j) * positions];
                float u3 = du[o + (12 + j) * positions];
                du[o + j * positions] = u0 + (u1 + u2) * 0.5f;
                du[o + (4 + j) * positions] = (u1 - u2) * 0.5f;
                du[o + (8 + j) * positions] = (u1 + u2) * 0.5f + u3;
            }
        }
        for (int ky = 0; ky < 3; ky++) {
            int row = 4 * ky * positions;
            for (int o = 0; o < positions; o++) {
                float t0 = du[row + o];
                float t1 = du[row + positions + o];
                float t2 = du[row + 2 * positions + o];
                float t3 = du[row + 3 * positions + o];
                grads[go + ky * 3 * positions + o] = t0 + (t1 + t2) * 0.5f;
                grads[go + (ky * 3 + 1) * positions + o] = (t1 - t2) * 0.5f;
                grads[go + (ky * 3 + 2) * positions + o] = (t1 + t2) * 0.5f + t3;
            }
        }
    }
}
