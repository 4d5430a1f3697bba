package org.saepj.engine.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Passes over activations one or a few elements at a time: the bias's add and gradient, ReLU and its mask, 2 × 2 max
 * and average pooling and the global mean over positions, each with its backward pass. Channels are the contiguous
 * index, so a vector covers channels and the loops run over positions; the bias, ReLU and max pooling finish a
 * narrower tail with scalar loops (24 channels at 512 bits: 16 + 8), and average pooling and the means leave channels
 * not in whole vectors to the scalar forms ({@link VectorKernels} decides).
 *
 * <p>Apart from the products and convolutions because these are bound by memory, not FMAs: they have no register
 * blocks, and their order of operations is the scalar one lane by lane.
 */
final class VectorSweeps {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorSweeps() {}

    /** Doubles in a vector of the float vector's size: a float vector widens into two of these. */
    private static final VectorSpecies<Double> D = VectorSpecies.of(double.class, S.vectorShape());

    static void columnSums(float[] a, float[] out, int oo, int m, int n) {
        int nFull = n - n % L;
        int j0 = 0;
        // Four column vectors per pass over the rows (each column still sums its rows in order).
        for (; j0 + 4 * L <= nFull; j0 += 4 * L) {
            FloatVector s0 = FloatVector.zero(S);
            FloatVector s1 = FloatVector.zero(S);
            FloatVector s2 = FloatVector.zero(S);
            FloatVector s3 = FloatVector.zero(S);
            for (int i = 0; i < m; i++) {
                int r = i * n + j0;
                s0 = s0.add(FloatVector.fromArray(S, a, r));
                s1 = s1.add(FloatVector.fromArray(S, a, r + L));
                s2 = s2.add(FloatVector.fromArray(S, a, r + 2 * L));
                s3 = s3.add(FloatVector.fromArray(S, a, r + 3 * L));
            }
            s0.intoArray(out, oo + j0);
            s1.intoArray(out, oo + j0 + L);
            s2.intoArray(out, oo + j0 + 2 * L);
            s3.intoArray(out, oo + j0 + 3 * L);
        }
        for (int j = j0; j < nFull; j += L) {
            FloatVector acc = FloatVector.zero(S);
            for (int i = 0; i < m; i++) {
                acc = acc.add(FloatVector.fromArray(S, a, i * n + j));
            }
            acc.intoArray(out, oo + j);
        }
        for (int j = nFull; j < n; j++) {
            float sum = 0f;
            for (int i = 0; i < m; i++) {
                sum += a[i * n + j];
            }
            out[oo + j] = sum;
        }
    }

    static void addRowVector(float[] c, float[] bias, int biasOffset, int m, int n) {
        int nFull = n - n % L;
        // Rows outer: one pass over c (every value gets its one addition whatever the order).
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < nFull; j += L) {
                FloatVector.fromArray(S, bias, biasOffset + j)
                        .add(FloatVector.fromArray(S, c, i * n + j))
                        .intoArray(c, i * n + j);
            }
        }
        for (int i = 0; i < m && nFull < n; i++) {
            for (int j = nFull; j < n; j++) {
                c[i * n + j] += bias[biasOffset + j];
            }
        }
    }

    static void relu(float[] x, float[] y, int n) {
        int full = n - n % L;
        FloatVector zero = FloatVector.zero(S);
        for (int i = 0; i < full; i += L) {
            FloatVector.fromArray(S, x, i).max(zero).intoArray(y, i);
        }
        for (int i = full; i < n; i++) {
            y[i] = Math.max(x[i], 0f);
        }
    }

    static void reluBackward(float[] x, float[] dy, float[] dx, int n) {
        int full = n - n % L;
        FloatVector zero = FloatVector.zero(S);
        for (int i = 0; i < full; i += L) {
            VectorMask<Float> positive = FloatVector.fromArray(S, x, i).compare(VectorOperators.GT, 0f);
            zero.blend(FloatVector.fromArray(S, dy, i), positive).intoArray(dx, i);
        }
        for (int i = full; i < n; i++) {
            dx[i] = x[i] > 0f ? dy[i] : 0f;
        }
    }

    static void maxPool2(float[] x, float[] y, int from, int to, int h, int w, int c) {
        int oh = h / 2;
        int ow = w / 2;
        for (int b = from; b < to; b++) {
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++) {
                    int o = ((b * oh + i) * ow + j) * c;
                    int p00 = ((b * h + 2 * i) * w + 2 * j) * c;
                    int p10 = p00 + w * c;
                    int ch = 0;
                    for (; ch + L <= c; ch += L) {
                        FloatVector top =
                                FloatVector.fromArray(S, x, p00 + ch).max(FloatVector.fromArray(S, x, p00 + c + ch));
                        FloatVector bottom =
                                FloatVector.fromArray(S, x, p10 + ch).max(FloatVector.fromArray(S, x, p10 + c + ch));
                        top.max(bottom).intoArray(y, o + ch);
                    }
                    for (; ch < c; ch++) {
                        y[o + ch] = Math.max(
                                Math.max(x[p00 + ch], x[p00 + c + ch]), Math.max(x[p10 + ch], x[p10 + c + ch]));
                    }
                }
            }
        }
    }

    static void maxPool2Backward(float[] x, float[] y, float[] dy, float[] dx, int from, int to, int h, int w, int c) {
        int oh = h / 2;
        int ow = w / 2;
        FloatVector zero = FloatVector.zero(S);
        for (int b = from; b < to; b++) {
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++) {
                    int o = ((b * oh + i) * ow + j) * c;
                    int p00 = ((b * h + 2 * i) * w + 2 * j) * c;
                    int p01 = p00 + c;
                    int p10 = p00 + w * c;
                    int p11 = p10 + c;
                    int ch = 0;
                    for (; ch + L <= c; ch += L) {
                        FloatVector max = FloatVector.fromArray(S, y, o + ch);
                        // The first position (row-major) holding the maximum takes the gradient: what is left of
                        // it passes down the window, zeroed where a position took it (compares and blends only;
                        // the masks' own and/or/not cost more here).
                        FloatVector left = FloatVector.fromArray(S, dy, o + ch);
                        VectorMask<Float> m =
                                FloatVector.fromArray(S, x, p00 + ch).compare(VectorOperators.EQ, max);
                        zero.blend(left, m).intoArray(dx, p00 + ch);
                        left = left.blend(zero, m);
                        m = FloatVector.fromArray(S, x, p01 + ch).compare(VectorOperators.EQ, max);
                        zero.blend(left, m).intoArray(dx, p01 + ch);
                        left = left.blend(zero, m);
                        m = FloatVector.fromArray(S, x, p10 + ch).compare(VectorOperators.EQ, max);
                        zero.blend(left, m).intoArray(dx, p10 + ch);
                        left.blend(zero, m).intoArray(dx, p11 + ch);
                    }
                    for (; ch < c; ch++) {
                        float max = y[o + ch];
                        int target =
                                x[p00 + ch] == max ? p00 : x[p01 + ch] == max ? p01 : x[p10 + ch] == max ? p10 : p11;
                        dx[p00 + ch] = 0f;
                        dx[p01 + ch] = 0f;
                        dx[p10 + ch] = 0f;
                        dx[p11 + ch] = 0f;
                        dx[target + ch] = dy[o + ch];
                    }
                }
            }
        }
    }

    /** A vector of channels at a time: each output's four additions and product are the scalar loop's. */
    static void avgPool2(float[] x, float[] y, int batch, int h, int w, int c) {
        int oh = h / 2;
        int ow = w / 2;
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++) {
                    int o = ((b * oh + i) * ow + j) * c;
                    int p00 = ((b * h + 2 * i) * w + 2 * j) * c;
                    int p10 = p00 + w * c;
                    for (int ch = 0; ch < c; ch += L) {
                        FloatVector.fromArray(S, x, p00 + ch)
                                .add(FloatVector.fromArray(S, x, p00 + c + ch))
                                .add(FloatVector.fromArray(S, x, p10 + ch))
                                .add(FloatVector.fromArray(S, x, p10 + c + ch))
                                .mul(0.25f)
                                .intoArray(y, o + ch);
                    }
                }
            }
        }
    }

    static void avgPool2Backward(float[] dy, float[] dx, int batch, int h, int w, int c) {
        int oh = h / 2;
        int ow = w / 2;
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++) {
                    int o = ((b * oh + i) * ow + j) * c;
                    int p00 = ((b * h + 2 * i) * w + 2 * j) * c;
                    int p10 = p00 + w * c;
                    for (int ch = 0; ch < c; ch += L) {
                        FloatVector g = FloatVector.fromArray(S, dy, o + ch).mul(0.25f);
                        g.intoArray(dx, p00 + ch);
                        g.intoArray(dx, p00 + c + ch);
                        g.intoArray(dx, p10 + ch);
                        g.intoArray(dx, p10 + c + ch);
                    }
                }
            }
        }
    }

    /**
     * A vector of channels at a time, summed in two double vectors of its halves: each channel's sum is the scalar
     * loop's, position after position in double.
     */
    static void channelMeans(float[] x, float[] y, int batch, int positions, int c, double[] sum) {
        for (int b = 0; b < batch; b++) {
            for (int ch = 0; ch < c; ch += L) {
                sumPositions(x, b * positions * c + ch, positions, c, sum);
                for (int l = 0; l < L; l++) {
                    y[b * c + ch + l] = (float) (sum[l] / positions);
                }
            }
        }
    }

    private static void sumPositions(float[] x, int i0, int positions, int c, double[] sums) {
        DoubleVector lo = DoubleVector.zero(D);
        DoubleVector hi = DoubleVector.zero(D);
        for (int p = 0, i = i0; p < positions; p++, i += c) {
            FloatVector v = FloatVector.fromArray(S, x, i);
            lo = lo.add((DoubleVector) v.convertShape(VectorOperators.F2D, D, 0));
            hi = hi.add((DoubleVector) v.convertShape(VectorOperators.F2D, D, 1));
        }
        lo.intoArray(sums, 0);
        hi.intoArray(sums, D.length());
    }

    static void channelMeansBackward(float[] dy, float[] dx, int batch, int positions, int c) {
        float inv = 1f / positions;
        for (int b = 0; b < batch; b++) {
            for (int ch = 0; ch < c; ch += L) {
                FloatVector g = FloatVector.fromArray(S, dy, b * c + ch).mul(inv);
                for (int p = 0, i = b * positions * c + ch; p < positions; p++, i += c) {
                    g.intoArray(dx, i);
                }
            }
        }
    }
}
