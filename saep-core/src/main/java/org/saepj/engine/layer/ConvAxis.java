package org.saepj.engine.layer;

/**
 * The geometry of a convolution along one axis (height or width): how many outputs, and how many zeros pad the input
 * before and after it.
 *
 * <p>"same" padding follows TensorFlow's and ONNX's {@code SAME_UPPER} convention: {@code out = ⌈in / stride⌉}, the
 * padding is the least that lets the last window fit, {@code max((out − 1)·stride + K − in, 0)}, and an odd amount
 * puts the extra zero after the input (bottom, right). With stride 1 and an odd K that is K/2 on both sides.
 * "valid" padding adds no zeros: {@code out = ⌊(in − K) / stride⌋ + 1}, and needs {@code in ≥ K}.
 *
 * @param in the input's size along the axis
 * @param kernel K
 * @param stride the step between two windows
 * @param before zeros before the input (top, left)
 * @param after zeros after the input (bottom, right)
 * @param out the output's size along the axis
 */
public record ConvAxis(int in, int kernel, int stride, int before, int after, int out) {
    /**
     * @param in the input's size along the axis, at least 1
     * @param kernel K, at least 1
     * @param stride the step between windows, at least 1
     * @param same true for "same" padding, false for "valid"
     * @return the axis' geometry
     * @throws IllegalArgumentException for "valid" padding of an input smaller than the kernel
     */
    public static ConvAxis of(int in, int kernel, int stride, boolean same) {
        if (same) {
            int out = (in + stride - 1) / stride;
            int total = Math.max((out - 1) * stride + kernel - in, 0);
            return new ConvAxis(in, kernel, stride, total / 2, total - total / 2, out);
        }
        if (in < kernel) {
            throw new IllegalArgumentException(
                    "valid padding needs an input at least as large as the kernel (" + kernel + "), got " + in);
        }
        return new ConvAxis(in, kernel, stride, 0, 0, (in - kernel) / stride + 1);
    }

    /** @return the padded input's size: {@code before + in + after} */
    public int padded() {
        return before + in + after;
    }
}
