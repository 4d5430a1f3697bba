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
     * {@code C[K×N] = Aᵀ · B} for {@code A[M×K]} and {@code B[M×N]}: the weight gradient {@code Xᵀ·dY}.
     *
     * @param a the matrix used transposed
     * @param b the right matrix
     * @param c the result
     * @param co where C starts in c
     * @param m rows of A and B (the batch)
     * @param k columns of A
     * @param n columns of B
     */
    void gemmTransposedA(float[] a, float[] b, float[] c, int co, int m, int k, int n);

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

    /** @return a short name for provenance ("vector-512" or "scalar") */
    String name();

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
        for (int i = 0; i < rows; i++) {
            int base = off + i * cols;
            for (int j = 0; j < cols; j++) {
                dst[j * rows + i] = src[base + j];
            }
        }
    }
}
