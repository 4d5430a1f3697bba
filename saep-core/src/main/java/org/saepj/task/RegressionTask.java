package org.saepj.task;

import java.util.List;
import java.util.Locale;
import org.saepj.DataException;
import org.saepj.data.split.StratifiedHoldout;
import org.saepj.data.split.StratifiedKFold;
import org.saepj.diversity.Diversity;
import org.saepj.export.OnnxGraph;
import org.saepj.pruning.PruningInput;

/**
 * Regression: networks output one value, the target standardised with the training part's mean and standard
 * deviation; members train on the squared error; the ensemble's value is the weighted sum of its members' (their
 * average under the uniform mixture, AdaNet's linear mixture under learned weights); splits are random (one stratum);
 * the headline metric is the RMSE in the data's unit, lower being better; a member that learned nothing predicts the
 * mean, whose loss on standardised targets is their variance, 1 on the training part.
 */
public final class RegressionTask implements Task {
    /** The id recorded in saved ensembles and given to {@code --task}. */
    public static final String ID = "regression";
    /** The one instance: the task is stateless. */
    public static final RegressionTask INSTANCE = new RegressionTask();

    /** For the service loader; {@link #INSTANCE} is the same task. */
    public RegressionTask() {}

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int outputWidth(Targets targets) {
        values(targets);
        return 1;
    }

    @Override
    public Loss loss(Targets targets) {
        RealValues y = values(targets);
        return y.loss().equals(RegressionLoss.SQUARED) ? new SquaredError(y) : new HuberError(y, y.loss());
    }

    @Override
    public Targets withLoss(Targets targets, RegressionLoss loss) {
        return values(targets).withLoss(loss);
    }

    @Override
    public double uninformedLoss(Targets targets) {
        RealValues y = values(targets);
        if (!y.loss().equals(RegressionLoss.SQUARED)) {
            return loss(y).mean(new float[y.size()]); // the standardised mean is 0
        }
        double sum = 0;
        for (int i = 0; i < y.size(); i++) {
            double z = y.standardised(i);
            sum += z * z;
        }
        return sum / y.size();
    }

    @Override
    public String uninformedGuess(Targets targets) {
        RegressionLoss loss = values(targets).loss();
        return String.format(
                Locale.ROOT,
                "predicting the mean (%s %.4f)",
                loss.equals(RegressionLoss.SQUARED) ? "squared error" : "Huber loss",
                uninformedLoss(targets));
    }

    @Override
    public String headlineMetric() {
        return "RMSE";
    }

    @Override
    public boolean higherIsBetter() {
        return false;
    }

    @Override
    public double headline(float[] outputs, Targets targets) {
        RealValues y = values(targets);
        double sum = 0;
        for (int i = 0; i < y.size(); i++) {
            double e = y.toValue(outputs[i]) - y.values()[i];
            sum += e * e;
        }
        return Math.sqrt(sum / y.size());
    }

    @Override
    public String holdoutKind() {
        return "random";
    }

    @Override
    public Holdout holdout(Targets targets, double fraction, long seed) {
        // one stratum: the stratified split of a single class is a seeded random split
        StratifiedHoldout.Parts parts = StratifiedHoldout.split(new int[targets.size()], fraction, seed);
        return new Holdout(parts.kept(), parts.heldOut());
    }

    @Override
    public int[][] folds(Targets targets, int k, long seed) {
        return StratifiedKFold.folds(new int[targets.size()], k, seed);
    }

    @Override
    public void exportHead(OnnxGraph graph, String outputs, int width) {
        graph.node("Identity", List.of(outputs), "value");
        graph.output("value", "N", width);
    }

    @Override
    public String exportedOutputs(int width) {
        return "a value in the target's unit; output 'value' [N, " + width + "]";
    }

    @Override
    public int[] predictions(float[] outputs, int width) {
        return null;
    }

    /** The members' outputs and the standardised targets: criteria with a regression form decide on values. */
    @Override
    public PruningInput pruningInput(
            List<float[]> memberOutputs, int[][] memberPredictions, Targets targets, double[] weights, int width) {
        RealValues y = values(targets);
        double[][] outputs = new double[memberOutputs.size()][];
        for (int j = 0; j < outputs.length; j++) {
            float[] h = memberOutputs.get(j);
            outputs[j] = new double[h.length];
            for (int s = 0; s < h.length; s++) {
                outputs[j][s] = h[s];
            }
        }
        double[] standardised = new double[y.size()];
        for (int s = 0; s < standardised.length; s++) {
            standardised[s] = y.standardised(s);
        }
        return PruningInput.ofValues(outputs, standardised, weights);
    }

    @Override
    public boolean predictsClasses() {
        return false;
    }

    @Override
    public Targets prepared(Targets targets, Targets training) {
        return values(targets).standardisedLike(values(training));
    }

    @Override
    public void checkTrainable(Targets training, String source) {
        RealValues y = values(training);
        if (y.size() < 2) {
            throw new DataException(source + ": " + y.size() + " training sample" + (y.size() == 1 ? "" : "s")
                    + ": a regression search needs at least 2");
        }
        double first = y.values()[0];
        for (double v : y.values()) {
            if (v != first) {
                return;
            }
        }
        throw new DataException(source + ": every training target is " + first
                + ": a regression target must vary (is the right column named as the label?)");
    }

    @Override
    public Measures measureIteration(
            List<float[]> memberOutputs, int[][] memberPredictions, double[] weights, Targets targets) {
        if (memberOutputs.isEmpty()) {
            return new Measures(
                    Double.NaN,
                    Double.NaN,
                    Diversity.of(new int[0][], new int[0]),
                    new double[0],
                    new double[0][],
                    null,
                    null);
        }
        return measureFinal(memberOutputs, memberPredictions, weights, targets, 1);
    }

    @Override
    public Measures measureFinal(
            List<float[]> memberOutputs, int[][] memberPredictions, double[] weights, Targets targets, int width) {
        RealValues y = values(targets);
        float[] f = combine(memberOutputs, weights);
        return new Measures(
                Double.NaN,
                loss(y).mean(f),
                Diversity.of(new int[0][], new int[0]),
                new double[0],
                new double[0][],
                null,
                RegressionMetrics.of(f, memberOutputs, weights, y));
    }

    private static RealValues values(Targets targets) {
        if (targets instanceof RealValues y) {
            return y;
        }
        throw new IllegalArgumentException("regression needs real values, not " + targets);
    }

    /** The mean squared error between outputs and standardised values. */
    private static final class SquaredError implements Loss {
        private final RealValues y;

        SquaredError(RealValues y) {
            this.y = y;
        }

        @Override
        public float batch(float[] outputs, int[] rows, int count, float[] grad) {
            double total = 0;
            float twoOverBatch = 2f / count;
            for (int b = 0; b < count; b++) {
                float e = (float) (outputs[b] - y.standardised(rows[b]));
                total += (double) e * e;
                if (grad != null) {
                    grad[b] = e * twoOverBatch;
                }
            }
            return (float) (total / count);
        }

        @Override
        public double mean(float[] outputs) {
            double total = 0;
            for (int i = 0; i < y.size(); i++) {
                double e = outputs[i] - y.standardised(i);
                total += e * e;
            }
            return total / y.size();
        }

        @Override
        public void sampleGradient(double[] combined, int row, double[] delta) {
            delta[0] = 2 * (combined[0] - y.standardised(row));
        }
    }
}
