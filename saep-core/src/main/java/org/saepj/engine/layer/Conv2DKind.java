package org.saepj.engine.layer;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.saepj.data.Shape;
import org.saepj.engine.kernel.Kernels;
import org.saepj.export.OnnxGraph;

/**
 * {@code "conv2d"}: a K×K convolution (K = 1, 3, 5 or 7), stride 1 or 2, "same" or "valid" padding ({@link Conv2D},
 * {@link ConvAxis}); ONNX Conv on NCHW with the kernel reordered from the engine's [ky][kx][cin][cout] to
 * [cout][cin][ky][kx] and the padding written out as explicit {@code pads} (same padding's odd zero goes after the
 * input, as TensorFlow's SAME and ONNX's SAME_UPPER put it). {@code stride} and {@code padding} may be left out of a
 * file (1 and "same", the only convolution before they existed) and are stored only when they differ.
 */
public final class Conv2DKind implements LayerKind<Conv2DKind.Spec> {
    /** The stored name of same padding: zeros so that {@code out = ⌈in / stride⌉}. */
    public static final String SAME = "same";
    /** The stored name of valid padding: no zeros. */
    public static final String VALID = "valid";

    /**
     * @param filters the output channels
     * @param kernel K: 1, 3, 5 or 7
     * @param stride 1 or 2
     * @param padding {@value #SAME} or {@value #VALID}
     */
    public record Spec(int filters, int kernel, int stride, String padding) implements LayerSpec {
        /**
         * Checks the settings, one at a time, naming the first wrong one.
         *
         * @param filters the output channels, at least 1
         * @param kernel K: 1, 3, 5 or 7
         * @param stride 1 or 2
         * @param padding {@value #SAME} or {@value #VALID}
         */
        public Spec {
            if (filters < 1) {
                throw new IllegalArgumentException("conv2d: filters must be at least 1, got " + filters);
            }
            if (kernel != 1 && kernel != 3 && kernel != 5 && kernel != 7) {
                throw new IllegalArgumentException("conv2d: kernel must be 1, 3, 5 or 7, got " + kernel);
            }
            if (stride != 1 && stride != 2) {
                throw new IllegalArgumentException("conv2d: stride must be 1 or 2, got " + stride);
            }
            if (!SAME.equals(padding) && !VALID.equals(padding)) {
                throw new IllegalArgumentException("conv2d: padding must be \"" + SAME + "\" or \"" + VALID + "\", got "
                        + (padding == null ? "null" : "\"" + padding + "\""));
            }
        }

        /**
         * A convolution of stride 1 and same padding: the only one before stride and padding existed.
         *
         * @param filters the output channels, at least 1
         * @param kernel K: 1, 3, 5 or 7
         */
        public Spec(int filters, int kernel) {
            this(filters, kernel, 1, SAME);
        }

        /** @return the padding as the engine's {@link Conv2D.Padding} */
        public Conv2D.Padding paddingMode() {
            return SAME.equals(padding) ? Conv2D.Padding.SAME : Conv2D.Padding.VALID;
        }
    }

    /** stride 1 and same padding: what every file written before the settings existed means. */
    private static final Map<String, Object> OPTIONAL = Map.of("stride", 1, "padding", SAME);

    @Override
    public String type() {
        return "conv2d";
    }

    @Override
    public Class<Spec> specClass() {
        return Spec.class;
    }

    @Override
    public Map<String, Object> optionalSettings() {
        return OPTIONAL;
    }

    @Override
    public Shape outputShape(Spec spec, List<Shape> inputs) {
        Shape in = inputs.get(0);
        if (spec.paddingMode() == Conv2D.Padding.VALID && (in.height() < spec.kernel() || in.width() < spec.kernel())) {
            throw new IllegalArgumentException("conv2d with valid padding needs an input of at least " + spec.kernel()
                    + "×" + spec.kernel() + ", got " + in);
        }
        return new Shape(rows(spec, in).out(), columns(spec, in).out(), spec.filters());
    }

    private static ConvAxis rows(Spec spec, Shape in) {
        return ConvAxis.of(in.height(), spec.kernel(), spec.stride(), spec.paddingMode() == Conv2D.Padding.SAME);
    }

    private static ConvAxis columns(Spec spec, Shape in) {
        return ConvAxis.of(in.width(), spec.kernel(), spec.stride(), spec.paddingMode() == Conv2D.Padding.SAME);
    }

    @Override
    public long parameterCount(Spec spec, List<Shape> inputs) {
        return (long) spec.kernel() * spec.kernel() * inputs.get(0).channels() * spec.filters() + spec.filters();
    }

    @Override
    public Layer create(Spec spec, List<Shape> inputs, Kernels kernels) {
        Shape in = inputs.get(0);
        return new Conv2D(
                in.height(),
                in.width(),
                in.channels(),
                spec.filters(),
                spec.kernel(),
                spec.stride(),
                spec.paddingMode(),
                kernels);
    }

    @Override
    public OnnxGraph.Value onnx(
            Spec spec, OnnxGraph g, List<OnnxGraph.Value> inputs, Layer layer, float[] params, float[] state) {
        OnnxGraph.Value x = g.channelsFirst(inputs.get(0));
        Shape in = x.shape();
        int k = spec.kernel();
        int c = in.channels();
        int f = spec.filters();
        int at = layer.offset();
        int weights = k * k * c * f;
        ConvAxis r = rows(spec, in);
        ConvAxis cols = columns(spec, in);
        String kernel = g.floats("conv_w", oihw(params, at, k, c, f), f, c, k, k);
        String bias = g.floats("conv_b", Arrays.copyOfRange(params, at + weights, at + weights + f), f);
        // Explicit pads [top, left, bottom, right] rather than auto_pad: they say exactly what the engine adds.
        String y = g.node(
                "Conv",
                List.of(x.name(), kernel, bias),
                OnnxGraph.Attribute.ints("kernel_shape", k, k),
                OnnxGraph.Attribute.ints("pads", r.before(), cols.before(), r.after(), cols.after()),
                OnnxGraph.Attribute.ints("strides", spec.stride(), spec.stride()));
        return new OnnxGraph.Value(y, new Shape(r.out(), cols.out(), f), true);
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
