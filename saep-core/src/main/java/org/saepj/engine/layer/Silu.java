package org.saepj.engine.layer;

/** SiLU (swish with β = 1): x·σ(x). */
public final class Silu extends Elementwise {
    /**
     * @param size values per sample
     */
    public Silu(int size) {
        super(size);
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    @Override
    protected double value(double x) {
        return x * sigmoid(x);
    }

    /** σ(x)·(1 + x·(1 − σ(x))). */
    @Override
    protected double derivative(double x) {
        double s = sigmoid(x);
        return s * (1 + x * (1 - s));
    }

    @Override
    public String toString() {
        return "SiLU";
    }
}
