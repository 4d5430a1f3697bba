package org.saepj.task;

import java.util.List;
import org.saepj.data.split.StratifiedHoldout;
import org.saepj.data.split.StratifiedKFold;
import org.saepj.diversity.Diversity;
import org.saepj.ensemble.ClassificationMetrics;
import org.saepj.ensemble.Logits;
import org.saepj.export.OnnxGraph;
import org.saepj.information.InformationTheory;
import org.saepj.pruning.PruningInput;
import org.saepj.search.TrainableData;

/**
 * Classification (spec §3–§4): networks output one logit per class, members train on softmax cross-entropy, the
 * ensemble's logits are the weighted sum of its members', splits are stratified by class, the headline metric is
 * accuracy, and the exported graph gives {@code logits} and their softmax, {@code probabilities}.
 */
public final class ClassificationTask implements Task {
    /** The id recorded in saved ensembles. */
    public static final String ID = "classification";
    /** The one instance: the task is stateless. */
    public static final ClassificationTask INSTANCE = new ClassificationTask();

    /** For the service loader; {@link #INSTANCE} is the same task. */
    public ClassificationTask() {}

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int outputWidth(Targets targets) {
        return labels(targets).classCount();
    }

    @Override
    public Loss loss(Targets targets) {
        return new CrossEntropy(labels(targets));
    }

    @Override
    public Loss trainingLoss(Targets targets, double labelSmoothing) {
        if (labelSmoothing == 0) {
            return loss(targets);
        }
        if (!(labelSmoothing > 0 && labelSmoothing < 1)) {
            throw new IllegalArgumentException("label smoothing must be in [0, 1), got " + labelSmoothing);
        }
        ClassLabels y = labels(targets);
        return new SmoothedCrossEntropy(y.labels(), y.classCount(), labelSmoothing);
    }

    @Override
    public double uninformedLoss(Targets targets) {
        return Math.log(labels(targets).classCount());
    }

    @Override
    public String uninformedGuess(Targets targets) {
        int k = labels(targets).classCount();
        return String.format(java.util.Locale.ROOT, "guessing uniformly (ln %d = %.4f)", k, Math.log(k));
    }

    @Override
    public String headlineMetric() {
        return "accuracy";
    }

    @Override
    public boolean higherIsBetter() {
        return true;
    }

    @Override
    public double headline(float[] outputs, Targets targets) {
        ClassLabels y = labels(targets);
        return Logits.accuracy(outputs, y.labels(), y.classCount());
    }

    @Override
    public String holdoutKind() {
        return "stratified";
    }

    @Override
    public Holdout holdout(Targets targets, double fraction, long seed) {
        StratifiedHoldout.Parts parts = StratifiedHoldout.split(labels(targets).labels(), fraction, seed);
        return new Holdout(parts.kept(), parts.heldOut());
    }

    @Override
    public int[][] folds(Targets targets, int k, long seed) {
        return StratifiedKFold.folds(labels(targets).labels(), k, seed);
    }

    @Override
    public void exportHead(OnnxGraph graph, String outputs, int width) {
        graph.node("Identity", List.of(outputs), "logits");
        graph.node("Softmax", List.of("logits"), "probabilities", OnnxGraph.Attribute.of("axis", 1));
        graph.output("logits", "N", width);
        graph.output("probabilities", "N", width);
    }

    @Override
    public String exportedOutputs(int width) {
        return width + " classes; outputs 'logits' and 'probabilities' [N, " + width + "]";
    }

    @Override
    public int[] predictions(float[] outputs, int width) {
        return Logits.argmax(outputs, width);
    }

    @Override
    public PruningInput pruningInput(
            List<float[]> memberOutputs, int[][] memberPredictions, Targets targets, double[] weights, int width) {
        return new PruningInput(memberPredictions, labels(targets).labels(), weights, width);
    }

    @Override
    public boolean predictsClasses() {
        return true;
    }

    @Override
    public void checkTrainable(Targets training, String source) {
        TrainableData.check(labels(training), source);
    }

    @Override
    public Measures measureIteration(
            List<float[]> memberOutputs, int[][] memberPredictions, double[] weights, Targets targets) {
        double accuracy = memberOutputs.isEmpty() ? Double.NaN : headline(combine(memberOutputs, weights), targets);
        return new Measures(
                accuracy,
                Double.NaN,
                Diversity.of(memberPredictions, labels(targets).labels()),
                new double[0],
                new double[0][],
                null,
                null);
    }

    @Override
    public Measures measureFinal(
            List<float[]> memberOutputs, int[][] memberPredictions, double[] weights, Targets targets, int width) {
        int[] labels = labels(targets).labels();
        float[] f = Logits.combine(memberOutputs, weights);
        double[] nmi = InformationTheory.nmiWithLabels(memberPredictions, labels);
        double[][] vi = InformationTheory.viMatrix(memberPredictions);
        return new Measures(
                Logits.accuracy(f, labels, width),
                Logits.meanLoss(f, labels, width),
                Diversity.of(memberPredictions, labels),
                nmi,
                vi,
                ClassificationMetrics.of(f, labels, width),
                null);
    }

    /**
     * Softmax cross-entropy over labels given as indices, for code that trains a network by hand.
     *
     * @param labels class indices in {@code [0, classes)}
     * @param classes the number of classes
     * @return the loss over those labels, the rows of a batch naming them
     */
    public static Loss crossEntropy(int[] labels, int classes) {
        return new CrossEntropy(labels, classes);
    }

    private static ClassLabels labels(Targets targets) {
        if (targets instanceof ClassLabels y) {
            return y;
        }
        throw new IllegalArgumentException("classification needs class labels, not " + targets);
    }

    /** Softmax cross-entropy against labels smoothed by ε: what members train on with label smoothing. */
    private static final class SmoothedCrossEntropy implements Loss {
        private final int[] labels;
        private final int classes;
        private final double smoothing;

        SmoothedCrossEntropy(int[] labels, int classes, double smoothing) {
            this.labels = labels;
            this.classes = classes;
            this.smoothing = smoothing;
        }

        @Override
        public float batch(float[] outputs, int[] rows, int count, float[] grad) {
            return SoftmaxCrossEntropy.smoothedLossAndGradient(outputs, labels, rows, count, classes, smoothing, grad);
        }

        @Override
        public double mean(float[] outputs) {
            return SoftmaxCrossEntropy.smoothedMeanLoss(outputs, labels, classes, smoothing);
        }

        @Override
        public void sampleGradient(double[] combined, int row, double[] delta) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                max = Math.max(max, combined[c]);
            }
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                combined[c] = Math.exp(combined[c] - max);
                sum += combined[c];
            }
            int y = labels[row];
            for (int c = 0; c < classes; c++) {
                delta[c] = combined[c] / sum - smoothing / classes - (c == y ? 1 - smoothing : 0);
            }
        }
    }

    /** Softmax cross-entropy over a set of class labels. */
    private static final class CrossEntropy implements Loss {
        private final int[] labels;
        private final int classes;

        CrossEntropy(ClassLabels y) {
            this(y.labels(), y.classCount());
        }

        CrossEntropy(int[] labels, int classes) {
            this.labels = labels;
            this.classes = classes;
        }

        @Override
        public float batch(float[] outputs, int[] rows, int count, float[] grad) {
            return SoftmaxCrossEntropy.lossAndGradient(outputs, labels, rows, count, classes, grad);
        }

        @Override
        public double mean(float[] outputs) {
            return SoftmaxCrossEntropy.meanLoss(outputs, labels, classes);
        }

        @Override
        public void sampleGradient(double[] combined, int row, double[] delta) {
            // softmax minus the one-hot label, in the order of operations the mixture weights were always fitted with
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                max = Math.max(max, combined[c]);
            }
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                combined[c] = Math.exp(combined[c] - max);
                sum += combined[c];
            }
            int y = labels[row];
            for (int c = 0; c < classes; c++) {
                delta[c] = combined[c] / sum - (c == y ? 1 : 0);
            }
        }
    }
}
