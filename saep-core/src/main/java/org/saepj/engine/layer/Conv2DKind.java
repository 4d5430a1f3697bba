package org.saepj.engine.layer;

import java.util.Arrays;
import java.util.List;
import org.saepj.data.Shape;
import org.saepj.engine.kernel.Kernels;
import org.saepj.export.OnnxGraph;

/**
 * {@code "conv2d"}: a K×K convolution, stride 1, "same" padding ({@link Conv2D}); ONNX Conv on NCHW with the kernel
 * reordered from the engine's [ky][kx][cin][cout] to [cout][cin][ky][kx].
 */
public final class Conv2DKind implements LayerKind<Conv2DKind.Spec> {
    /**
     * @param filters the output channels
     * @param kernel K: 3 or 5
     */
    public record Spec(int filters, int kernel) implements LayerSpec {
        /**
         * Checks the sizes.
         *
         * @param filters the output channels, at least 1
         * @param kernel K: 3 or 5
         */
        public Spec {
            if (filters < 1 || kernel != 3 && kernel != 5) {
                throw new IllegalArgumentException("conv2d needs filters ≥ 1 and a kernel of 3 or 5, got " + filters
                        + " filters of "
                        + kernel + "×" + kernel);
            }
        }
    }

    @Override
    public String type() {
        return "conv2d";
    }

    @Override
    public Class<Spec> specClass() {
        return Spec.class;
    }

    @Override
    public Shape outputShape(Spec spec, List<Shape> inputs) {
        Shape in = inputs.get(0);
        return new Shape(in.height(), in.width(), spec.filters());
    }

    @Override
    public long parameterCount(Spec spec, List<Shape> inputs) {
        return (long) spec.kernel() * spec.kernel() * inputs.get(0).channels() * spec.filters() + spec.filters();
    }

    @Override
    public Layer create(Spec spec, List<Shape> inputs, Kernels kernels) {
        Shape in = inputs.get(0);
        return new Conv2D(in.height(), in.width(), in.channels(), spec.filters(), spec.kernel(), kernels);
    }

    @Override
    public OnnxGraph.Value onnx(Spec spec, OnnxGraph g, List<OnnxGraph.Value> inputs, Layer layer, float[] params,
            float[] state) {
        OnnxGraph.Value x = g.channelsFirst(inputs.get(0));
        Shape in = x.shape();
        int k = spec.kernel();
        int c = in.channels();
        int f = spec.filters();
        int at = layer.offset();
        int weights = k * k * c * f;
        String kernel = g.floats("conv_w", oihw(params, at, k, c, f), f, c, k, k);
        String bias = g.floats("conv_b", Arrays.copyOfRange(params, at + weights, at + weights + f), f);
        String y = g.node("Conv", List.of(x.name(), kernel, bias), OnnxGraph.Attribute.ints("kernel_shape", k, k),
                OnnxGraph.Attribute.ints("pads", k / 2, k / 2, k / 2, k / 2), OnnxGraph.Attribute.ints("strides", 1,
                        1));
        return new OnnxGraph.Value(y, new Shape(in.height(), in.width(), f), true);
    }

    /** The engine's [ky][kx][cin][cout] kernel as ONNX's [cout][cin][ky][kx]. */
    private static float[] oihw(float[] params, int offset, int k, int cin, int cout) {
        float[] out = new float[k * k * cin * cout];
        for (int ky = 0; ky < k; ky++) {
            for (int kx = 0; kx < k; kx++) {
                for (int i = 0; i < cin; i++) {
                    for (int o = 0; o < cout; o++) {
                        out[((o * cin + i) * k + ky) * k + kx] = params[offset + ((ky * k + kx) * cin + i) * cout + o];
                    }
                }
            }
        }
        return out;
    }
}
