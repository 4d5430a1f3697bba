package org.saepj.bench;

import org.saepj.engine.kernel.Kernels;

/**
 * Kernels with the planes form of a convolution turned off: {@link Kernels#convolvesPlanes} false and no workspace
 * for the kernel gradient, so a layer runs the im2col products and the direct 16-filter form of before, and every
 * other kernel is the inner one's. {@link ConvProfile} times a layer or a whole network with both in one JVM.
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
    public void gemmTransposedOperand(
            float[] a, float[] b, int bo, float[] c, int m, int k, int n, float[] work, float[] bt) {
        inner.gemmTransposedOperand(a, b, bo, c, m, k, n, work, bt);
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
    public void avgPool2(float[] x, float[] y, int batch, int h, int w, int c) {
        inner.avgPool2(x, y, batch, h, w, c);
    }

    @Override
    public void avgPool2Backward(float[] dy, float[] dx, int batch, int h, int w, int c) {
        inner.avgPool2Backward(dy, dx, batch, h, w, c);
    }

    @Override
    public void channelMeans(float[] x, float[] y, int batch, int positions, int c, double[] sum) {
        inner.channelMeans(x, y, batch, positions, c, sum);
    }

    @Override
    public void channelMeansBackward(float[] dy, float[] dx, int batch, int positions, int c) {
        inner.channelMeansBackward(dy, dx, batch, positions, c);
    }

    @Override
    public void channelSums(float[] x, int rows, int channels, double[] sum) {
        inner.channelSums(x, rows, channels, sum);
    }

    @Override
    public void channelSquaredDeviations(float[] x, int rows, int channels, float[] mean, double[] sum2) {
        inner.channelSquaredDeviations(x, rows, channels, mean, sum2);
    }

    @Override
    public void channelAffine(float[] x, float[] y, int rows, int channels, float[] scale, float[] shift) {
        inner.channelAffine(x, y, rows, channels, scale, shift);
    }

    @Override
    public void channelAffineRelu(float[] x, float[] y, int rows, int channels, float[] scale, float[] shift) {
        inner.channelAffineRelu(x, y, rows, channels, scale, shift);
    }

    @Override
    public void channelEpilogue(
            float[] y,
            int yo,
            int rows,
            int channels,
            float[] bias,
            int biasOffset,
            float[] scale,
            float[] shift,
            boolean relu) {
        inner.channelEpilogue(y, yo, rows, channels, bias, biasOffset, scale, shift, relu);
    }

    @Override
    public void channelGradientSums(
            float[] x,
            float[] dy,
            int rows,
            int channels,
            float[] mean,
            float[] invStd,
            double[] sumDy,
            double[] sumDyXhat) {
        inner.channelGradientSums(x, dy, rows, channels, mean, invStd, sumDy, sumDyXhat);
    }

    @Override
    public void channelAffine2(
            float[] dy, float[] x, float[] dx, int rows, int channels, float[] a, float[] b, float[] d) {
        inner.channelAffine2(dy, x, dx, rows, channels, a, b, d);
    }

    @Override
    public void channelGradientSumsGated(
            float[] x,
            float[] dy,
            float[] gate,
            int rows,
            int channels,
            float[] mean,
            float[] invStd,
            double[] sumDy,
            double[] sumDyXhat) {
        inner.channelGradientSumsGated(x, dy, gate, rows, channels, mean, invStd, sumDy, sumDyXhat);
    }

    @Override
    public void channelAffine2Gated(
            float[] dy, float[] gate, float[] x, float[] dx, int rows, int channels, float[] a, float[] b, float[] d) {
        inner.channelAffine2Gated(dy, gate, x, dx, rows, channels, a, b, d);
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
    public boolean prefersDotProducts(int n) {
        return inner.prefersDotProducts(n);
    }

    @Override
    public String name() {
        return inner.name() + "-without-planes";
    }
}
