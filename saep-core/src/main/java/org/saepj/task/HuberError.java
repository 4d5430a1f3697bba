package org.saepj.task;

/**
 * Huber's loss between outputs and standardised values ({@link RegressionLoss}: {@code e²} up to δ, {@code 2δ|e| −
 * δ²} beyond), for a regression search that chose it; squared error stays in {@link RegressionTask}'s own class, so
 * the default search computes exactly what it always did.
 */
final class HuberError implements Loss {
    private final RealValues y;
    private final RegressionLoss loss;

    HuberError(RealValues y, RegressionLoss loss) {
        this.y = y;
        this.loss = loss;
    }

    @Override
    public float batch(float[] outputs, int[] rows, int count, float[] grad) {
        double total = 0;
        for (int b = 0; b < count; b++) {
            double e = outputs[b] - y.standardised(rows[b]);
            total += loss.value(e);
            if (grad != null) {
                grad[b] = (float) (loss.derivative(e) / count);
            }
        }
        return (float) (total / count);
    }

    @Override
    public double mean(float[] outputs) {
        double total = 0;
        for (int i = 0; i < y.size(); i++) {
            total += loss.value(outputs[i] - y.standardised(i));
        }
        return total / y.size();
    }

    @Override
    public void sampleGradient(double[] combined, int row, double[] delta) {
        delta[0] = loss.derivative(combined[0] - y.standardised(row));
    }
}
