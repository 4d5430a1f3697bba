package org.saepj.engine.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link RoutedPool}'s passes with channels in vector lanes (the channels are the contiguous index), the same bits: a
 * max, comparisons and blends, lane by lane the scalar form's operations. Channels past the last whole vector go to
 * the scalar form.
 */
final class VectorRoutedPool {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorRoutedPool() {}

    /** @see Kernels#maxPool2Routed */
    static void forward(
            float[] x, int xo, float[] y, float[] route, int yo, int samples, int h, int w, int c, boolean rectify) {
        if (c % L != 0) {
            RoutedPool.forward(x, xo, y, route, yo, samples, h, w, c, rectify);
            return;
        }
        int oh = h / 2;
        int ow = w / 2;
        FloatVector zero = FloatVector.zero(S);
        FloatVector one = FloatVector.broadcast(S, 1f);
        FloatVector two = FloatVector.broadcast(S, 2f);
        FloatVector three = FloatVector.broadcast(S, 3f);
        // One flat loop over the windows' vectors (JDK 17 keeps vectors of nested loops in registers less well).
        int perRow = ow * (c / L);
        int total = samples * oh * perRow;
        for (int v = 0; v < total; v++) {
            int row = v / perRow; // b · oh + i
            int inRow = v - row * perRow;
            int j = inRow / (c / L);
            int ch = (inRow - j * (c / L)) * L;
            int o = yo + (row * ow + j) * c + ch;
            int p00 = xo + ((2 * row) * w + 2 * j) * c + ch;
            int p10 = p00 + w * c;
            FloatVector x00 = FloatVector.fromArray(S, x, p00);
            FloatVector x01 = FloatVector.fromArray(S, x, p00 + c);
            FloatVector x10 = FloatVector.fromArray(S, x, p10);
            FloatVector x11 = FloatVector.fromArray(S, x, p10 + c);
            FloatVector max = x00.max(x01).max(x10.max(x11));
            // Last first: each earlier position equal to the maximum overwrites the later one's code.
            FloatVector r = three.blend(two, x10.compare(VectorOperators.EQ, max));
            r = r.blend(one, x01.compare(VectorOperators.EQ, max));
            r = r.blend(zero, x00.compare(VectorOperators.EQ, max));
            r.intoArray(route, o);
            (rectify ? max.max(zero) : max).intoArray(y, o);
        }
    }

    /** @see Kernels#maxPool2RoutedBackward */
    static void backward(
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
        if (c % L != 0) {
            RoutedPool.backward(y, dy, route, yo, dx, dxo, samples, h, w, c, rectified);
            return;
        }
        int oh = h / 2;
        int ow = w / 2;
        FloatVector zero = FloatVector.zero(S);
        int perRow = ow * (c / L);
        int total = samples * oh * perRow;
        for (int v = 0; v < total; v++) {
            int row = v / perRow;
            int inRow = v - row * perRow;
            int j = inRow / (c / L);
            int ch = (inRow - j * (c / L)) * L;
            int o = yo + (row * ow + j) * c + ch;
            int p00 = dxo + ((2 * row) * w + 2 * j) * c + ch;
            int p10 = p00 + w * c;
            FloatVector g = FloatVector.fromArray(S, dy, o);
            if (rectified) {
                g = zero.blend(g, FloatVector.fromArray(S, y, o).compare(VectorOperators.GT, zero));
            }
            FloatVector r = FloatVector.fromArray(S, route, o);
            zero.blend(g, r.compare(VectorOperators.EQ, 0f)).intoArray(dx, p00);
            zero.blend(g, r.compare(VectorOperators.EQ, 1f)).intoArray(dx, p00 + c);
            zero.blend(g, r.compare(VectorOperators.EQ, 2f)).intoArray(dx, p10);
            zero.blend(g, r.compare(VectorOperators.EQ, 3f)).intoArray(dx, p10 + c);
        }
    }

    /** @see Kernels#columnSumsAdding */
    static void columnSumsAdding(float[] a, int ao, float[] out, int oo, int m, int n) {
        int nFull = n - n % L;
        for (int j = 0; j < nFull; j += L) {
            FloatVector acc = FloatVector.fromArray(S, out, oo + j);
            for (int i = 0; i < m; i++) {
                acc = acc.add(FloatVector.fromArray(S, a, ao + i * n + j));
            }
            acc.intoArray(out, oo + j);
        }
        for (int j = nFull; j < n; j++) {
            float sum = out[oo + j];
            for (int i = 0; i < m; i++) {
                sum += a[ao + i * n + j];
            }
            out[oo + j] = sum;
        }
    }
}
