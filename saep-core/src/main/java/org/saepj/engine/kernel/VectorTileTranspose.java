package org.saepj.engine.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * A 16 × 16 tile of floats transposed in registers by four butterflies of lane swaps, the shuffles and masks built
 * once as constants so the JIT folds them.
 *
 * <p>Apart from the convolutions that call it because it is one self-contained trick with its own constants, used
 * both to copy images into planes and to move the planes' sums back.
 */
final class VectorTileTranspose {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorTileTranspose() {}

    /** The lanes of the vectors {@link #transposeTile} transposes in registers. */
    static final int TILE = 16;
    /** Lane l takes lane l ^ 2^b: the butterflies of a 16 × 16 transpose ({@code % L}: unused at other lengths). */
    private static final VectorShuffle<Float> SWAP1 = VectorShuffle.fromOp(S, l -> (l ^ 1) % L);

    private static final VectorShuffle<Float> SWAP2 = VectorShuffle.fromOp(S, l -> (l ^ 2) % L);
    private static final VectorShuffle<Float> SWAP4 = VectorShuffle.fromOp(S, l -> (l ^ 4) % L);
    private static final VectorShuffle<Float> SWAP8 = VectorShuffle.fromOp(S, l -> (l ^ 8) % L);
    /** The lanes whose bit b is set: they take the partner row's lanes in butterfly b. */
    private static final VectorMask<Float> BIT1 = VectorMask.fromLong(S, 0xAAAAL);

    private static final VectorMask<Float> BIT2 = VectorMask.fromLong(S, 0xCCCCL);
    private static final VectorMask<Float> BIT4 = VectorMask.fromLong(S, 0xF0F0L);
    private static final VectorMask<Float> BIT8 = VectorMask.fromLong(S, 0xFF00L);

    /**
     * {@link Kernels#transpose}'s copy, the whole 16 × 16 tiles in registers and the rows and columns past the last
     * whole tile a value at a time: a dense layer's weights, 2352 × 128 in the {@code tta} row's network, were
     * transposed a value at a time each backward pass.
     */
    static void transposeMatrix(float[] src, int off, int rows, int cols, float[] dst) {
        int wholeRows = rows / TILE * TILE;
        int wholeCols = cols / TILE * TILE;
        for (int i0 = 0; i0 < wholeRows; i0 += TILE) {
            for (int j0 = 0; j0 < wholeCols; j0 += TILE) {
                transposeTile(src, off + i0 * cols + j0, cols, TILE, dst, j0 * rows + i0, rows, TILE);
            }
        }
        for (int i = 0; i < rows; i++) {
            // The columns past the whole tiles, then (below the whole rows) every column.
            for (int j = i < wholeRows ? wholeCols : 0; j < cols; j++) {
                dst[j * rows + i] = src[off + i * cols + j];
            }
        }
    }

    /** Row i of a tile, or zeros past its {@code rows}. */
    private static FloatVector row(float[] src, int s0, int i, int ld, int rows) {
        return i < rows ? FloatVector.fromArray(S, src, s0 + i * ld) : FloatVector.zero(S);
    }

    /**
     * Sixteen rows of sixteen floats ({@code src}, {@code ld} apart; zeros past the first {@code rows}) transposed in
     * registers, the first {@code columns} rows of the result stored ({@code dst}, {@code dld} apart): four
     * butterflies, each swapping the lanes whose bit b differs between row pairs 2^b apart. A scalar copy took 0.6 ns a
     * float, an output's whole sum of a 16-channel layer taking 1.5; this takes about 0.23.
     */
    static void transposeTile(float[] src, int s0, int ld, int rows, float[] dst, int d0, int dld, int columns) {
        transposeTile(src, s0, ld, rows, dst, d0, dld, columns, null);
    }

    /**
     * As {@link #transposeTile(float[], int, int, int, float[], int, int, int)}, with {@code add} (unless null) added
     * to every stored row: a convolution's bias, one lane per filter, added once to each output as the separate sweep
     * over the outputs added it, so the same bits without that pass.
     */
    static void transposeTile(
            float[] src, int s0, int ld, int rows, float[] dst, int d0, int dld, int columns, FloatVector add) {
        FloatVector a0 = row(src, s0, 0, ld, rows);
        FloatVector a1 = row(src, s0, 1, ld, rows);
        FloatVector a2 = row(src, s0, 2, ld, rows);
        FloatVector a3 = row(src, s0, 3, ld, rows);
        FloatVector a4 = row(src, s0, 4, ld, rows);
        FloatVector a5 = row(src, s0, 5, ld, rows);
        FloatVector a6 = row(src, s0, 6, ld, rows);
        FloatVector a7 = row(src, s0, 7, ld, rows);
        FloatVector a8 = row(src, s0, 8, ld, rows);
        FloatVector a9 = row(src, s0, 9, ld, rows);
        FloatVector a10 = row(src, s0, 10, ld, rows);
        FloatVector a11 = row(src, s0, 11, ld, rows);
        FloatVector a12 = row(src, s0, 12, ld, rows);
        FloatVector a13 = row(src, s0, 13, ld, rows);
        FloatVector a14 = row(src, s0, 14, ld, rows);
        FloatVector a15 = row(src, s0, 15, ld, rows);
        FloatVector t;
        t = a0;
        a0 = t.blend(a1.rearrange(SWAP1), BIT1);
        a1 = t.rearrange(SWAP1).blend(a1, BIT1);
        t = a2;
        a2 = t.blend(a3.rearrange(SWAP1), BIT1);
        a3 = t.rearrange(SWAP1).blend(a3, BIT1);
        t = a4;
        a4 = t.blend(a5.rearrange(SWAP1), BIT1);
        a5 = t.rearrange(SWAP1).blend(a5, BIT1);
        t = a6;
        a6 = t.blend(a7.rearrange(SWAP1), BIT1);
        a7 = t.rearrange(SWAP1).blend(a7, BIT1);
        t = a8;
        a8 = t.blend(a9.rearrange(SWAP1), BIT1);
        a9 = t.rearrange(SWAP1).blend(a9, BIT1);
        t = a10;
        a10 = t.blend(a11.rearrange(SWAP1), BIT1);
        a11 = t.rearrange(SWAP1).blend(a11, BIT1);
        t = a12;
        a12 = t.blend(a13.rearrange(SWAP1), BIT1);
        a13 = t.rearrange(SWAP1).blend(a13, BIT1);
        t = a14;
        a14 = t.blend(a15.rearrange(SWAP1), BIT1);
        a15 = t.rearrange(SWAP1).blend(a15, BIT1);
        t = a0;
        a0 = t.blend(a2.rearrange(SWAP2), BIT2);
        a2 = t.rearrange(SWAP2).blend(a2, BIT2);
        t = a1;
        a1 = t.blend(a3.rearrange(SWAP2), BIT2);
        a3 = t.rearrange(SWAP2).blend(a3, BIT2);
        t = a4;
        a4 = t.blend(a6.rearrange(SWAP2), BIT2);
        a6 = t.rearrange(SWAP2).blend(a6, BIT2);
        t = a5;
        a5 = t.blend(a7.rearrange(SWAP2), BIT2);
        a7 = t.rearrange(SWAP2).blend(a7, BIT2);
        t = a8;
        a8 = t.blend(a10.rearrange(SWAP2), BIT2);
        a10 = t.rearrange(SWAP2).blend(a10, BIT2);
        t = a9;
        a9 = t.blend(a11.rearrange(SWAP2), BIT2);
        a11 = t.rearrange(SWAP2).blend(a11, BIT2);
        t = a12;
        a12 = t.blend(a14.rearrange(SWAP2), BIT2);
        a14 = t.rearrange(SWAP2).blend(a14, BIT2);
        t = a13;
        a13 = t.blend(a15.rearrange(SWAP2), BIT2);
        a15 = t.rearrange(SWAP2).blend(a15, BIT2);
        t = a0;
        a0 = t.blend(a4.rearrange(SWAP4), BIT4);
        a4 = t.rearrange(SWAP4).blend(a4, BIT4);
        t = a1;
        a1 = t.blend(a5.rearrange(SWAP4), BIT4);
        a5 = t.rearrange(SWAP4).blend(a5, BIT4);
        t = a2;
        a2 = t.blend(a6.rearrange(SWAP4), BIT4);
        a6 = t.rearrange(SWAP4).blend(a6, BIT4);
        t = a3;
        a3 = t.blend(a7.rearrange(SWAP4), BIT4);
        a7 = t.rearrange(SWAP4).blend(a7, BIT4);
        t = a8;
        a8 = t.blend(a12.rearrange(SWAP4), BIT4);
        a12 = t.rearrange(SWAP4).blend(a12, BIT4);
        t = a9;
        a9 = t.blend(a13.rearrange(SWAP4), BIT4);
        a13 = t.rearrange(SWAP4).blend(a13, BIT4);
        t = a10;
        a10 = t.blend(a14.rearrange(SWAP4), BIT4);
        a14 = t.rearrange(SWAP4).blend(a14, BIT4);
        t = a11;
        a11 = t.blend(a15.rearrange(SWAP4), BIT4);
        a15 = t.rearrange(SWAP4).blend(a15, BIT4);
        t = a0;
        a0 = t.blend(a8.rearrange(SWAP8), BIT8);
        a8 = t.rearrange(SWAP8).blend(a8, BIT8);
        t = a1;
        a1 = t.blend(a9.rearrange(SWAP8), BIT8);
        a9 = t.rearrange(SWAP8).blend(a9, BIT8);
        t = a2;
        a2 = t.blend(a10.rearrange(SWAP8), BIT8);
        a10 = t.rearrange(SWAP8).blend(a10, BIT8);
        t = a3;
        a3 = t.blend(a11.rearrange(SWAP8), BIT8);
        a11 = t.rearrange(SWAP8).blend(a11, BIT8);
        t = a4;
        a4 = t.blend(a12.rearrange(SWAP8), BIT8);
        a12 = t.rearrange(SWAP8).blend(a12, BIT8);
        t = a5;
        a5 = t.blend(a13.rearrange(SWAP8), BIT8);
        a13 = t.rearrange(SWAP8).blend(a13, BIT8);
        t = a6;
        a6 = t.blend(a14.rearrange(SWAP8), BIT8);
        a14 = t.rearrange(SWAP8).blend(a14, BIT8);
        t = a7;
        a7 = t.blend(a15.rearrange(SWAP8), BIT8);
        a15 = t.rearrange(SWAP8).blend(a15, BIT8);
        if (add != null) {
            a0 = a0.add(add);
            a1 = a1.add(add);
            a2 = a2.add(add);
            a3 = a3.add(add);
            a4 = a4.add(add);
            a5 = a5.add(add);
            a6 = a6.add(add);
            a7 = a7.add(add);
            a8 = a8.add(add);
            a9 = a9.add(add);
            a10 = a10.add(add);
            a11 = a11.add(add);
            a12 = a12.add(add);
            a13 = a13.add(add);
            a14 = a14.add(add);
            a15 = a15.add(add);
        }
        // Rows past the image's last column are dropped; the stores run from the last kept row down, falling through.
        switch (columns) {
            case 16:
                a15.intoArray(dst, d0 + 15 * dld);
            case 15:
                a14.intoArray(dst, d0 + 14 * dld);
            case 14:
                a13.intoArray(dst, d0 + 13 * dld);
            case 13:
                a12.intoArray(dst, d0 + 12 * dld);
            case 12:
                a11.intoArray(dst, d0 + 11 * dld);
            case 11:
                a10.intoArray(dst, d0 + 10 * dld);
            case 10:
                a9.intoArray(dst, d0 + 9 * dld);
            case 9:
                a8.intoArray(dst, d0 + 8 * dld);
            case 8:
                a7.intoArray(dst, d0 + 7 * dld);
            case 7:
                a6.intoArray(dst, d0 + 6 * dld);
            case 6:
                a5.intoArray(dst, d0 + 5 * dld);
            case 5:
                a4.intoArray(dst, d0 + 4 * dld);
            case 4:
                a3.intoArray(dst, d0 + 3 * dld);
            case 3:
                a2.intoArray(dst, d0 + 2 * dld);
            case 2:
                a1.intoArray(dst, d0 + dld);
            default:
                a0.intoArray(dst, d0);
        }
    }
}
