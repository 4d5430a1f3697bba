package org.saepj.bench;

/**
 * One convolution of the benchmark networks as {@link ConvProfile} times it: a K×K convolution of stride 1 with same
 * padding (K odd, so {@code K / 2} zeros on every side and the output as large as the input) of an H×W×Cin image into
 * Cout channels, with a bias, and whether the network needs its input gradient (not for a stem, which reads the
 * images). It gives the FLOP count both engines' GFLOP/s are computed from and the layouts they hold the tensors in:
 * ours channels-last ({@code [n][h][w][c]}, kernels {@code [kh][kw][in][out]}), PyTorch's channels-first ({@code
 * [n][c][h][w]}, kernels {@code [out][in][kh][kw]}).
 *
 * @param name the layer as the profile prints it
 * @param h input (and output) height
 * @param w input (and output) width
 * @param cin input channels
 * @param cout filters
 * @param k the kernel's size K (odd)
 * @param inputGradient whether the backward pass computes the input gradient too
 */
record ConvShape(String name, int h, int w, int cin, int cout, int k, boolean inputGradient) {

    ConvShape {
        if (h < 1 || w < 1 || cin < 1 || cout < 1 || k < 1 || k % 2 == 0) {
            throw new IllegalArgumentException("a convolution needs positive sizes and an odd kernel, got " + h + "×"
                    + w + "×" + cin + " → " + cout + ", K = " + k);
        }
    }

    /** @return zeros on each side of each spatial axis: same padding at stride 1 */
    int padding() {
        return k / 2;
    }

    /** @return the multiply-adds of the forward pass over a batch, counted two FLOPs each (the bias left out) */
    double forwardFlops(int batch) {
        return 2.0 * batch * h * w * cout * k * k * cin;
    }

    /**
     * @return the backward pass's FLOPs over a batch: the kernel gradient costs as much as the forward pass, and so
     *     does the input gradient where there is one (the bias gradient left out)
     */
    double backwardFlops(int batch) {
        return forwardFlops(batch) * (inputGradient ? 2 : 1);
    }

    /** @return a batch of input images' shape, channels-first */
    long[] inputDims(int batch) {
        return new long[] {batch, cin, h, w};
    }

    /** @return a batch of outputs' shape, channels-first */
    long[] outputDims(int batch) {
        return new long[] {batch, cout, h, w};
    }

    /** @return the kernel's shape in PyTorch's layout, {@code [out, in, kh, kw]} */
    long[] kernelDims() {
        return new long[] {cout, cin, k, k};
    }

    /** @return the kernel's values, ours {@code [kh][kw][in][out]} first, then the {@code cout} biases */
    int parameterCount() {
        return k * k * cin * cout + cout;
    }

    /**
     * @param nhwc a batch of images channels-last
     * @param batch the images in it
     * @param channels the channels of each
     * @return the same images channels-first
     */
    float[] toChannelsFirst(float[] nhwc, int batch, int channels) {
        int plane = h * w;
        float[] nchw = new float[batch * channels * plane];
        for (int n = 0; n < batch; n++) {
            for (int p = 0; p < plane; p++) {
                for (int c = 0; c < channels; c++) {
                    nchw[(n * channels + c) * plane + p] = nhwc[(n * plane + p) * channels + c];
                }
            }
        }
        return nchw;
    }
}
