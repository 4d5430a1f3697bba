package org.saepj.bench;

import org.saepj.engine.kernel.Kernels;

/**
 * Kernels with the planes form of a convolution turned off ({@link Kernels#convolvesPlanes} false): a layer then runs
 * the im2col products and the direct 16-filter form of before, with the same vector kernels, so {@link ConvProfile}
 * times both in one JVM. Every other kernel a convolution uses is the inner one's.
 *
 * @param inner the kernels to delegate to
 */
record WithoutPlanes(Kernels inner) implements Kernels {
    @Override
    public void gemm(float[] a, int ao, float[] b, int bo, float[] c, int co, int m, int k, int n, boolean accumulate) {
        inner.gemm(a, ao, b, bo, c, co, m, k, n, accumulate);
    }

    @Override
    public void gemm(
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
        inner.gemm(a, ao, b, bo, c, co, m, k, n, accumulate, work);
    }

    @Override
    public int gemmWorkspace(int n) {
        return inner.gemmWorkspace(n);
    }

    @Override
    public void gemmTransposedA(float[] a, float[] b, int bo, float[] c, int co, int m, int k, int n) {
        inner.gemmTransposedA(a, b, bo, c, co, m, k, n);
    }

    @Override
    public void gemmTransposedA(float[] a, float[] b, int bo, float[] c, int co, int m, int k, int n, float[] work) {
        inner.gemmTransposedA(a, b, bo, c, co, m, k, n, work);
    }

    @Override
    public void gemmTransposedB(float[] a, float[] b, float[] c, int m, int k, int n) {
        inner.gemmTransposedB(a, b, c, m, k, n);
    }

    @Override
    public void columnSums(float[] a, float[] out, int oo, int m, int n) {
        inner.columnSums(a, out, oo, m, n);
    }

    @Override
    public void addRowVector(float[] c, float[] bias, int biasOffset, int m, int n) {
        inner.addRowVector(c, bias, biasOffset, m, n);
    }

    @Override
    public void relu(float[] x, float[] y, int n) {
        inner.relu(x, y, n);
    }

    @Override
    public void reluBackward(float[] x, float[] dy, float[] dx, int n) {
        inner.reluBackward(x, dy, dx, n);
    }

    @Override
    public void maxPool2(float[] x, float[] y, int batch, int h, int w, int c) {
        inner.maxPool2(x, y, batch, h, w, c);
    }

    @Override
    public void maxPool2Backward(float[] x, float[] y, float[] dy, float[] dx, int batch, int h, int w, int c) {
        inner.maxPool2Backward(x, y, dy, dx, batch, h, w, c);
    }

    @Override
    public boolean convolvesDirectly(int cout) {
        return inner.convolvesDirectly(cout);
    }

    @Override
    public void convolveAnchors(
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
        inner.convolveAnchors(x, xo, w, wo, y, yo, anchors, k, rowStride, cin, cout);
    }

    @Override
    public void convolveWeightGradient(
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
        inner.convolveWeightGradient(x, xo, sampleStride, rowStride, dy, dyo, samples, oh, ow, dw, dwo, k, cin, cout);
    }

    @Override
    public String name() {
        return inner.name() + "-without-planes";
    }
}
