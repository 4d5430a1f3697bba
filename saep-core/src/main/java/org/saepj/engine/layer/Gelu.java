package org.saepj.engine.layer;

/** GELU in its exact form, PyTorch's default: x·Φ(x) = x/2·(1 + erf(x/√2)); not the tanh approximation. */
public final class Gelu extends Elementwise {
    private static final double SQRT_HALF = Math.sqrt(0.5);
    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

    /**
     * @param size values per sample
     */
    public Gelu(int size) {
        super(size);
    }

    @Override
    protected double value(double x) {
        return 0.5 * x * (1 + Erf.erf(x * SQRT_HALF));
    }

    /** Φ(x) + x·φ(x). */
    @Override
    protected double derivative(double x) {
        return 0.5 * (1 + Erf.erf(x * SQRT_HALF)) + x * INV_SQRT_2PI * Math.exp(-0.5 * x * x);
    }

    @Override
    public String toString() {
        return "GELU";
    }
}
