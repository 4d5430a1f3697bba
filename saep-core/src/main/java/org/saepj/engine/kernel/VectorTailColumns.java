package org.saepj.engine.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The columns of a product past its last whole vector: the filters of a convolution that are not whole vectors (24
 * or 40 at 512 bits leave 8; 8 filters are all tail). With patches stored tap-major, {@code Conv2D}'s im2col forward
 * pass is the transposed product {@code patchesᵀ·W} and its kernel gradient the product {@code patches·dy}, both
 * {@code cout} wide. These columns were plain scalar loops: in {@code aᵀ·b} down the columns of {@code a}, reading it
 * {@code k} floats apart for every output, which made a convolution of 24 filters take six times as long a step as
 * one of 32; in {@code a·b} one output at a time, each a chain of dependent additions. The transposed product now
 * loads a vector of {@code a}'s row (outputs p to p + L − 1 of a column) once for up to four columns of {@code b} and
 * writes the sums back lane by lane; the product sums four outputs of a row side by side, four independent chains.
 *
 * <p>Each output keeps the scalar loop's order and rounding — every product rounded, then added to the sum, over the
 * rows in order from zero — so the bits are the scalar loop's (and {@link ScalarKernels}'s): a lane of a vector
 * multiplication and addition rounds as the float operations do. Not fused multiply-adds, which would change every
 * result computed with a tail before. Only the preferred species: a second one in the same products (a 256-bit tail)
 * was measured to make C2 give up the vector intrinsics of the whole-vector blocks (28× slower dense gradients).
 */
final class VectorTailColumns {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorTailColumns() {}

    /**
     * Columns {@code from} to {@code n} of {@code c += a·b} ({@code m × k} times {@code k × n}, row-major, at offsets
     * {@code ao}, {@code bo}, {@code co}): each sum starts from c's value and adds over p in order.
     */
    static void gemm(float[] a, int ao, float[] b, int bo, float[] c, int co, int m, int k, int n, int from) {
        for (int i = 0; i < m; i++) {
            int ai = ao + i * k;
            int ci = co + i * n;
            int j = from;
            for (; j + 4 <= n; j += 4) {
                float s0 = c[ci + j];
                float s1 = c[ci + j + 1];
                float s2 = c[ci + j + 2];
                float s3 = c[ci + j + 3];
                for (int p = 0; p < k; p++) {
                    float av = a[ai + p];
                    int bp = bo + p * n + j;
                    s0 += av * b[bp];
                    s1 += av * b[bp + 1];
                    s2 += av * b[bp + 2];
                    s3 += av * b[bp + 3];
                }
                c[ci + j] = s0;
                c[ci + j + 1] = s1;
                c[ci + j + 2] = s2;
                c[ci + j + 3] = s3;
            }
            for (; j < n; j++) {
                float sum = c[ci + j];
                for (int p = 0; p < k; p++) {
                    sum += a[ai + p] * b[bo + p * n + j];
                }
                c[ci + j] = sum;
            }
        }
    }

    /**
     * The workspace {@link #gemmRowBlocks} needs, one transposed tile of a and the starting sums of four columns; 0
     * where the vectors are not 16 lanes ({@link VectorTileTranspose#TILE}), where it does not run.
     */
    static final int ROW_BLOCK_WORK = L == VectorTileTranspose.TILE ? L * L + 4 * L : 0;

    /**
     * As {@link #gemm}, sixteen rows of c at a time, for vectors of 16 lanes ({@link #ROW_BLOCK_WORK} not 0) and
     * {@code work} of at least that many floats: a's rows are transposed a 16 × 16 tile at a time into the
     * workspace, so that a vector holds one p of sixteen rows, and each such vector feeds four columns' sums, a lane a
     * row. Each sum still starts from c's value and adds every product, rounded, over p in order (a lane's
     * multiplication and addition round as the float operations do), so the bits are {@link #gemm}'s; it read a's row
     * and summed one or four outputs at a time, a chain of dependent additions each (a 24-filter convolution's kernel
     * gradient, {@code patches·dy} with eight tail columns, ran at a tenth of the peak). Rows past the last block of
     * sixteen keep {@link #gemm}.
     */
    static void gemmRowBlocks(
            float[] a, int ao, float[] b, int bo, float[] c, int co, int m, int k, int n, int from, float[] work) {
        int rows = m - m % L;
        for (int i = 0; i < rows; i += L) {
            int j = from;
            for (; j + 4 <= n; j += 4) {
                rowBlock4(a, ao + i * k, b, bo + j, c, co + i * n + j, k, n, work);
            }
            if (j < n) {
                gemm(a, ao + i * k, b, bo, c, co + i * n, L, k, n, j);
            }
        }
        if (rows < m) {
            gemm(a, ao + rows * k, b, bo, c, co + rows * n, m - rows, k, n, from);
        }
    }

    /**
     * Sixteen rows (a from {@code a0}, c from {@code c0}) × four columns (b from {@code b0}) of {@code c += a·b}: a's
     * tiles transposed into {@code work[0 … L²)}, the four columns' sums kept in {@code work[L² …]} between tiles (no
     * vector lives across the transpose's call: the JIT of JDK 17 would box it).
     */
    private static void rowBlock4(float[] a, int a0, float[] b, int b0, float[] c, int c0, int k, int n, float[] work) {
        int sums = L * L;
        for (int l = 0; l < L; l++) {
            int ci = c0 + l * n;
            work[sums + l] = c[ci];
            work[sums + L + l] = c[ci + 1];
            work[sums + 2 * L + l] = c[ci + 2];
            work[sums + 3 * L + l] = c[ci + 3];
        }
        for (int p0 = 0; p0 < k; p0 += L) {
            int depth = Math.min(L, k - p0);
            if (depth == L) {
                VectorTileTranspose.transposeTile(a, a0 + p0, k, L, work, 0, L, L);
            } else { // the last p's: a tile would read past the last row's end
                for (int q = 0; q < depth; q++) {
                    for (int l = 0; l < L; l++) {
                        work[q * L + l] = a[a0 + l * k + p0 + q];
                    }
                }
            }
            addTile4(work, sums, b, b0 + p0 * n, n, depth);
        }
        for (int l = 0; l < L; l++) {
            int ci = c0 + l * n;
            c[ci] = work[sums + l];
            c[ci + 1] = work[sums + L + l];
            c[ci + 2] = work[sums + 2 * L + l];
            c[ci + 3] = work[sums + 3 * L + l];
        }
    }

    /**
     * Adds {@code depth} p's of a transposed tile ({@code work[q·L …]}, one p of sixteen rows each) times b's four
     * columns (row q at {@code bp + q·n}) to the four columns' sums at {@code work[sums …]}, p in order.
     */
    private static void addTile4(float[] work, int sums, float[] b, int bp, int n, int depth) {
        FloatVector s0 = FloatVector.fromArray(S, work, sums);
        FloatVector s1 = FloatVector.fromArray(S, work, sums + L);
        FloatVector s2 = FloatVector.fromArray(S, work, sums + 2 * L);
        FloatVector s3 = FloatVector.fromArray(S, work, sums + 3 * L);
        for (int q = 0; q < depth; q++, bp += n) {
            FloatVector av = FloatVector.fromArray(S, work, q * L);
            s0 = s0.add(av.mul(b[bp]));
            s1 = s1.add(av.mul(b[bp + 1]));
            s2 = s2.add(av.mul(b[bp + 2]));
            s3 = s3.add(av.mul(b[bp + 3]));
        }
        s0.intoArray(work, sums);
        s1.intoArray(work, sums + L);
        s2.intoArray(work, sums + 2 * L);
        s3.intoArray(work, sums + 3 * L);
    }

    /**
     * Columns {@code from} to {@code n} of {@code c = aᵀ·b} ({@code a} is {@code m × k}, {@code b} {@code m × n} at
     * {@code bo}, c {@code k × n} at {@code co}): each sum starts from zero and adds over the m rows in order.
     */
    static void gemmTransposedA(float[] a, float[] b, int bo, float[] c, int co, int m, int k, int n, int from) {
        int kFull = k - k % L;
        for (int p = 0; p < kFull; p += L) {
            int j = from;
            for (; j + 4 <= n; j += 4) {
                columns4(a, b, bo + j, c, co + p * n + j, p, m, k, n);
            }
            for (; j < n; j++) {
                FloatVector sum = FloatVector.zero(S);
                for (int i = 0; i < m; i++) {
                    sum = sum.add(FloatVector.fromArray(S, a, i * k + p).mul(b[bo + i * n + j]));
                }
                for (int l = 0; l < L; l++) {
                    c[co + (p + l) * n + j] = sum.lane(l);
                }
            }
        }
        for (int p = kFull; p < k; p++) {
            for (int j = from; j < n; j++) {
                float sum = 0f;
                for (int i = 0; i < m; i++) {
                    sum += a[i * k + p] * b[bo + i * n + j];
                }
                c[co + p * n + j] = sum;
            }
        }
    }

    /**
     * Outputs p to p + L − 1 of four columns of b: each vector of a's row feeds four products; the sums are written to
     * c lane by lane (a lane read from a register: a step allocates nothing).
     */
    private static void columns4(float[] a, float[] b, int b0, float[] c, int c0, int p, int m, int k, int n) {
        FloatVector s0 = FloatVector.zero(S);
        FloatVector s1 = FloatVector.zero(S);
        FloatVector s2 = FloatVector.zero(S);
        FloatVector s3 = FloatVector.zero(S);
        for (int i = 0; i < m; i++) {
            FloatVector av = FloatVector.fromArray(S, a, i * k + p);
            int bi = b0 + i * n;
            s0 = s0.add(av.mul(b[bi]));
            s1 = s1.add(av.mul(b[bi + 1]));
            s2 = s2.add(av.mul(b[bi + 2]));
            s3 = s3.add(av.mul(b[bi + 3]));
        }
        for (int l = 0; l < L; l++) {
            int ci = c0 + l * n;
            c[ci] = s0.lane(l);
            c[ci + 1] = s1.lane(l);
            c[ci + 2] = s2.lane(l);
            c[ci + 3] = s3.lane(l);
        }
    }
}
