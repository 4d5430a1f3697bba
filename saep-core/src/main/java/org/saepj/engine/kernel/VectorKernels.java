package org.saepj.engine.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Kernels on {@code jdk.incubator.vector}. This class only chooses: for each call, whether the vector form covers the
 * shape (channels or filters in whole vectors, a workspace large enough) or the scalar default must run, and then
 * delegates to the class holding that family — {@link VectorGemm} and {@link VectorTransposedGemm} for the products,
 * {@link VectorSweeps} and {@link VectorBatchNorm} for the passes over activations, {@link VectorDirectConvolution},
 * {@link VectorPlanesConvolution} (with {@link VectorTileTranspose}) and {@link VectorTapGradient} for the
 * convolutions. Every output keeps its order of additions whichever class computes it.
 *
 * <p>Only loaded when the module is present; see {@link KernelsProvider}. The {@link KernelOptions} it is built with
 * can turn the planes form off, for a profile of the forms before it.
 */
final class VectorKernels implements Kernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** For shapes the vector forms do not cover (channels not a multiple of the vector length). */
    private static final Kernels SCALAR = new ScalarKernels();

    private final KernelOptions options;

    /** @param options the forms these kernels may use */
    VectorKernels(KernelOptions options) {
        this.options = options;
    }

    @Override
    public void gemm(float[] a, int ao, float[] b, int bo, float[] c, int co, int m, int k, int n, boolean accumulate) {
        VectorGemm.gemm(a, ao, b, bo, c, co, m, k, n, accumulate);
    }

    @Override
    public int gemmWorkspace(int n) {
        return VectorGemm.gemmWorkspace(n);
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
        VectorGemm.gemm(a, ao, b, bo, c, co, m, k, n, accumulate, work);
    }

    @Override
    public void gemmTransposedOperand(
            float[] a, float[] b, int bo, float[] c, int m, int k, int n, float[] work, float[] bt) {
        if (work == null
                || n < 4 * L
                || work.length < VectorGemm.gemmWorkspace(n)
                || m < VectorGemm.PACK_MIN_ROWS
                || n % (4 * L) != 0) {
            Kernels.super.gemmTransposedOperand(a, b, bo, c, m, k, n, work, bt);
            return;
        }
        VectorGemm.gemmTransposedOperand(a, b, bo, c, m, k, n, work, bt);
    }

    @Override
    public void transposeInto(float[] src, int off, int rows, int cols, float[] dst) {
        if (L != VectorTileTranspose.TILE) {
            Kernels.super.transposeInto(src, off, rows, cols, dst);
            return;
        }
        VectorTileTranspose.transposeMatrix(src, off, rows, cols, dst);
    }

    @Override
    public void gemmTransposedA(float[] a, float[] b, int bo, float[] c, int co, int m, int k, int n) {
        VectorTransposedGemm.gemmTransposedA(a, b, bo, c, co, m, k, n);
    }

    @Override
    public void gemmTransposedA(float[] a, float[] b, int bo, float[] c, int co, int m, int k, int n, float[] work) {
        VectorTransposedGemm.gemmTransposedA(a, b, bo, c, co, m, k, n, work);
    }

    @Override
    public void gemmTransposedB(float[] a, float[] b, float[] c, int m, int k, int n) {
        VectorTransposedGemm.gemmTransposedB(a, b, c, m, k, n);
    }

    @Override
    public void columnSums(float[] a, float[] out, int oo, int m, int n) {
        VectorSweeps.columnSums(a, out, oo, m, n);
    }

    @Override
    public void maxPool2Routed(
            float[] x, int xo, float[] y, float[] route, int yo, int samples, int h, int w, int c, boolean rectify) {
        VectorRoutedPool.forward(x, xo, y, route, yo, samples, h, w, c, rectify);
    }

    @Override
    public void maxPool2RoutedBackward(
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
        VectorRoutedPool.backward(y, dy, route, yo, dx, dxo, samples, h, w, c, rectified);
    }

    @Override
    public void columnSumsAdding(float[] a, int ao, float[] out, int oo, int m, int n) {
        VectorRoutedPool.columnSumsAdding(a, ao, out, oo, m, n);
    }

    @Override
    public void addRowVector(float[] c, float[] bias, int biasOffset, int m, int n) {
        VectorSweeps.addRowVector(c, bias, biasOffset, m, n);
    }

    @Override
    public void relu(float[] x, float[] y, int n) {
        VectorSweeps.relu(x, y, n);
    }

    @Override
    public void reluBackward(float[] x, float[] dy, float[] dx, int n) {
        VectorSweeps.reluBackward(x, dy, dx, n);
    }

    @Override
    public void maxPool2(float[] x, float[] y, int from, int to, int h, int w, int c) {
        VectorSweeps.maxPool2(x, y, from, to, h, w, c);
    }

    @Override
    public void maxPool2Backward(float[] x, float[] y, float[] dy, float[] dx, int from, int to, int h, int w, int c) {
        if (h % 2 != 0 || w % 2 != 0) {
            SCALAR.maxPool2Backward(x, y, dy, dx, from, to, h, w, c);
            return;
        }
        VectorSweeps.maxPool2Backward(x, y, dy, dx, from, to, h, w, c);
    }

    @Override
    public void avgPool2(float[] x, float[] y, int batch, int h, int w, int c) {
        if (c % L != 0) {
            Kernels.super.avgPool2(x, y, batch, h, w, c);
            return;
        }
        VectorSweeps.avgPool2(x, y, batch, h, w, c);
    }

    @Override
    public void avgPool2Backward(float[] dy, float[] dx, int batch, int h, int w, int c) {
        if (c % L != 0 || h % 2 != 0 || w % 2 != 0) {
            Kernels.super.avgPool2Backward(dy, dx, batch, h, w, c);
            return;
        }
        VectorSweeps.avgPool2Backward(dy, dx, batch, h, w, c);
    }

    @Override
    public void channelMeans(float[] x, float[] y, int batch, int positions, int c, double[] sum) {
        if (c % L != 0) {
            Kernels.super.channelMeans(x, y, batch, positions, c, sum);
            return;
        }
        VectorSweeps.channelMeans(x, y, batch, positions, c, sum);
    }

    @Override
    public void channelMeansBackward(float[] dy, float[] dx, int batch, int positions, int c) {
        if (c % L != 0) {
            Kernels.super.channelMeansBackward(dy, dx, batch, positions, c);
            return;
        }
        VectorSweeps.channelMeansBackward(dy, dx, batch, positions, c);
    }

    @Override
    public boolean prefersDotProducts(int n) {
        return VectorGemm.prefersDotProducts(n);
    }

    @Override
    public boolean convolvesDirectly(int cout) {
        return VectorDirectConvolution.convolvesDirectly(cout);
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
        if (cout % L != 0) {
            Kernels.super.convolveAnchors(x, xo, w, wo, y, yo, anchors, k, rowStride, cin, cout);
            return;
        }
        VectorDirectConvolution.convolveAnchors(x, xo, w, wo, y, yo, anchors, k, rowStride, cin, cout);
    }

    @Override
    public boolean fusesStem() {
        return options.stem();
    }

    @Override
    public void stemMoments(
            StemShape shape, float[] x, int b0, int b1, float[] center, double[] gram, double[] sums, float[] work) {
        VectorStemSweeps.moments(shape, x, b0, b1, center, gram, sums, work);
    }

    @Override
    public void stemForwardPooled(
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
        VectorStemSweeps.forwardPooled(
                shape, x, y, b0, b1, from, to, weights, w0, bias, bo, scale, shift, chosen, chosenX, work);
    }

    @Override
    public void stemGradientSums(
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
        VectorStemSweeps.gradientSums(
                shape, x, y, dy, chosen, chosenX, b0, b1, from, to, mean, sumDy, sumDyXc, tapSums, work);
    }

    @Override
    public boolean convolvesWinograd() {
        return options.winograd();
    }

    @Override
    public void convolveWinograd(
            float[] x, int xo, int h, int w, int cin, float[] filters, int cout, float[] y, int yo, float[] work) {
        if (cin % L != 0 || cout % L != 0) {
            Kernels.super.convolveWinograd(x, xo, h, w, cin, filters, cout, y, yo, work);
            return;
        }
        VectorWinograd.convolve(x, xo, h, w, cin, filters, cout, y, yo, work);
    }

    @Override
    public void winogradKernelGradient(
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
        if (cin % L != 0 || cout % L != 0) {
            Kernels.super.winogradKernelGradient(x, xo, h, w, cin, dy, dyo, cout, du, first, work);
            return;
        }
        VectorWinograd.kernelGradient(x, xo, h, w, cin, dy, dyo, cout, du, first, work);
    }

    @Override
    public boolean convolvesPlanes(int cout) {
        return options.planes() && VectorPlanesConvolution.convolvesPlanes(cout);
    }

    @Override
    public int planesWorkspace(int oh, int ow, int cout) {
        return VectorPlanesConvolution.planesWorkspace(oh, ow, cout);
    }

    @Override
    public void convolvePlanes(
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
        if (!VectorPlanesConvolution.convolvesPlanes(cout)) { // the plain loops
            Kernels.super.convolvePlanes(x, xo, plane, rowStride, oh, ow, k, cin, packed, cout, y, yo, work);
            return;
        }
        VectorPlanesConvolution.convolvePlanes(
                x, xo, plane, rowStride, oh, ow, k, cin, packed, cout, y, yo, work, null, 0);
    }

    @Override
    public void convolvePlanes(
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
        if (!VectorPlanesConvolution.convolvesPlanes(cout)) { // the plain loops, then the bias
            Kernels.super.convolvePlanes(
                    x, xo, plane, rowStride, oh, ow, k, cin, packed, cout, y, yo, work, bias, biasOffset);
            return;
        }
        VectorPlanesConvolution.convolvePlanes(
                x, xo, plane, rowStride, oh, ow, k, cin, packed, cout, y, yo, work, bias, biasOffset);
    }

    @Override
    public void toPlanes(float[] x, int xo, int h, int w, int cin, float[] planes, int po, int plane, int rowStride) {
        if (L != VectorTileTranspose.TILE || cin % L != 0 || w > L || rowStride < L) {
            Kernels.super.toPlanes(x, xo, h, w, cin, planes, po, plane, rowStride);
            return;
        }
        VectorPlanesConvolution.toPlanes(x, xo, h, w, cin, planes, po, plane, rowStride);
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
        if (cout % L != 0) {
            Kernels.super.convolveWeightGradient(
                    x, xo, sampleStride, rowStride, dy, dyo, samples, oh, ow, dw, dwo, k, cin, cout);
            return;
        }
        VectorDirectConvolution.convolveWeightGradient(
                x, xo, sampleStride, rowStride, dy, dyo, samples, oh, ow, dw, dwo, k, cin, cout);
    }

    @Override
    public int weightGradientWorkspace(int taps, int cout) {
        return options.planes() ? VectorTapGradient.weightGradientWorkspace(taps, cout) : 0;
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
            int cout,
            float[] work) {
        int taps = k * k * cin;
        if (cin % L != 0 || cout % L != 0 || work == null || work.length < taps * cout) {
            convolveWeightGradient(x, xo, sampleStride, rowStride, dy, dyo, samples, oh, ow, dw, dwo, k, cin, cout);
            return;
        }
        VectorTapGradient.convolveWeightGradient(
                x, xo, sampleStride, rowStride, dy, dyo, samples, oh, ow, dw, dwo, k, cin, cout, work);
    }

    @Override
    public void channelSums(float[] x, int rows, int channels, int from, int to, double[] sum) {
        VectorBatchNorm.channelSums(x, rows, channels, from, to, sum);
    }

    @Override
    public void channelSquaredDeviations(
            float[] x, int rows, int channels, int from, int to, float[] mean, double[] sum2) {
        VectorBatchNorm.channelSquaredDeviations(x, rows, channels, from, to, mean, sum2);
    }

    @Override
    public void channelAffine(
            float[] x, float[] y, int rows, int channels, int from, int to, float[] scale, float[] shift) {
        int left = VectorBatchNorm.channelAffine(x, y, rows, channels, from, to, scale, shift);
        Kernels.super.channelAffine(x, y, rows, channels, left, to, scale, shift);
    }

    @Override
    public void channelAffineRelu(
            float[] x, float[] y, int rows, int channels, int from, int to, float[] scale, float[] shift) {
        int left = VectorBatchNorm.channelAffineRelu(x, y, rows, channels, from, to, scale, shift);
        Kernels.super.channelAffineRelu(x, y, rows, channels, left, to, scale, shift);
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
        VectorBatchNorm.channelEpilogue(y, yo, rows, channels, bias, biasOffset, scale, shift, relu);
    }

    @Override
    public void channelGradientSums(
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
        VectorBatchNorm.channelGradientSums(x, dy, rows, channels, from, to, mean, invStd, sumDy, sumDyXhat);
    }

    @Override
    public void channelAffine2(
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
        VectorBatchNorm.channelAffine2(dy, x, dx, rows, channels, from, to, a, b, d);
    }

    @Override
    public void channelGradientSumsGated(
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
        VectorBatchNorm.channelGradientSumsGated(x, dy, gate, rows, channels, from, to, mean, invStd, sumDy, sumDyXhat);
    }

    @Override
    public void channelAffineAddRelu(
            float[] x,
            float[] skip,
            float[] y,
            int rows,
            int channels,
            int from,
            int to,
            float[] scale,
            float[] shift) {
        int left = VectorBatchNorm.channelAffineAddRelu(x, skip, y, rows, channels, from, to, scale, shift);
        Kernels.super.channelAffineAddRelu(x, skip, y, rows, channels, left, to, scale, shift);
    }

    @Override
    public void channelAffineReluPool(
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
        VectorPooledSweeps.affineReluPool(x, y, batch, h, w, channels, from, to, scale, shift);
    }

    @Override
    public void channelGradientSumsPooled(
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
        VectorPooledSweeps.gradientSums(
                x, y, dy, batch, h, w, channels, from, to, scale, shift, mean, invStd, sumDy, sumDyXhat);
    }

    @Override
    public void channelAffine2Pooled(
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
        VectorPooledSweeps.affine2(dy, y, x, dx, batch, h, w, channels, from, to, scale, shift, a, b, d);
    }

    @Override
    public void channelAffine2Gated(
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
        VectorBatchNorm.channelAffine2Gated(dy, gate, x, dx, rows, channels, from, to, a, b, d);
    }

    @Override
    public void channelAffine2GatedSkip(
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
        int left = VectorBatchNorm.channelAffine2GatedSkip(dy, gate, x, dx, skipDx, rows, channels, from, to, a, b, d);
        Kernels.super.channelAffine2GatedSkip(dy, gate, x, dx, skipDx, rows, channels, left, to, a, b, d);
    }

    @Override
    public String name() {
        String without = !options.planes()
                ? "-without-planes"
                : !options.winograd() ? "-without-winograd" : options.stem() ? "" : "-without-stem";
        return "vector-" + S.vectorBitSize() + without;
    }
}
