package org.saepj.search;

import java.util.Arrays;
import org.saepj.pruning.Criteria;
import org.saepj.pruning.CriterionSpec;
import org.saepj.data.Shape;
import org.saepj.subnetwork.DefinedSpace;
import org.saepj.subnetwork.ModelKind;
import org.saepj.subnetwork.PaperSpace;
import org.saepj.subnetwork.SearchSpace;
import org.saepj.subnetwork.SpaceDefinition;

/**
 * An immutable search configuration. Defaults are the paper's (spec §5): DNN, 11 iterations, 5000 steps in
 * total, batch 64, learning rate 0.003, plain AdaNet (no pruning), uniform mixture, λ = β = 0, selection on the
 * training data.
 * Build it with {@link #builder()}; every value is checked, and an error names the setting, the value and
 * what is accepted.
 *
 * @param dataset the data source ("fashion-mnist", "idx:DIR", "csv:FILE", …)
 * @param pair a binary pair of class indices, or null for all classes
 * @param folds K for stratified K-fold cross-validation over train ∪ test, or 0 for the given split
 * @param testFraction for sources without a test partition: the stratified holdout used as test data
 * @param model the paper's search space (dnn, cnn, linear), used when {@code space} is null
 * @param space a search space from a file, or null for the paper's {@code model}
 * @param criterion the pruning criterion and its parameters (plain AdaNet: {@code adanet}), defaults filled in
 * @param mixture uniform or learned mixture weights
 * @param lambda λ, weight of each member's complexity in the objective
 * @param beta β, constant per-member penalty in the objective
 * @param iterations T
 * @param totalSteps training steps over the whole search; each iteration gets ⌊totalSteps / T⌋
 * @param batchSize samples per step
 * @param learningRate the base learning rate
 * @param width units per hidden DNN layer
 * @param seed the run seed
 * @param threads candidate-training threads
 * @param selection the data candidates are selected and pruned on
 * @param stopping when the search ends before its last iteration (default: never)
 */
public record SearchConfig(String dataset, int[] pair, int folds, double testFraction, ModelKind model, SpaceDefinition space,
                           CriterionSpec criterion,
                           Mixture mixture, double lambda, double beta, int iterations, int totalSteps,
                           int batchSize, double learningRate, int width, long seed, int threads, SelectionSet selection,
                           StoppingRule stopping) {
    /** Validates every setting. */
    public SearchConfig {
        stopping = stopping == null ? StoppingRule.NONE : stopping; // configurations stored before the rule existed
        if (space != null) {
            space.validate();
        }
        require(dataset != null && !dataset.isBlank(), "dataset must be given");
        if (pair != null) {
            require(pair.length == 2, "pair needs exactly two classes, got " + Arrays.toString(pair));
            require(pair[0] >= 0 && pair[1] >= 0, "pair classes must not be negative, got " + pair[0] + "," + pair[1]);
            require(pair[0] != pair[1], "pair classes must differ, got " + pair[0] + "," + pair[1]);
            pair = pair.clone();
        }
        require(folds == 0 || folds >= 2, "folds must be 0 (no cross-validation) or at least 2, got " + folds);
        require(testFraction > 0 && testFraction < 1, "test fraction must be in (0, 1), got " + testFraction);
        require(model != null && criterion != null && mixture != null && selection != null,
                "model, criterion, mixture and selection must be set");
        require(lambda >= 0 && Double.isFinite(lambda), "lambda must be a finite number ≥ 0, got " + lambda);
        require(beta >= 0 && Double.isFinite(beta), "beta must be a finite number ≥ 0, got " + beta);
        require(iterations >= 1, "iterations must be at least 1, got " + iterations);
        require(totalSteps >= iterations, "steps must be at least the number of iterations (" + iterations + "), got " + totalSteps);
        require(batchSize >= 1, "batch size must be at least 1, got " + batchSize);
        require(learningRate > 0 && Double.isFinite(learningRate), "learning rate must be a positive number, got " + learningRate);
        // The engine trains in float: a rate that rounds to 0 or overflows would train nothing or diverge at once.
        require((float) learningRate > 0 && Float.isFinite((float) learningRate), "learning rate " + learningRate
                + " is outside the range of a float (about 1.4e-45 to 3.4e38)");
        require(width >= 1, "width must be at least 1, got " + width);
        require(threads >= 1, "threads must be at least 1, got " + threads);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /**
     * @param input the input shape
     * @param classes the number of classes
     * @return what each iteration proposes: the space from the file, or the paper's for {@code model}
     */
    public SearchSpace searchSpace(Shape input, int classes) {
        return space != null ? new DefinedSpace(space, input, classes, (float) learningRate, stepsPerIteration(), seed)
                : new PaperSpace(model, input, classes, width, (float) learningRate, stepsPerIteration(), seed);
    }

    /** @return the search space's name: the paper's model id ("dnn") or "space NAME" for a file's */
    public String spaceName() {
        return space == null ? model.id() : "space " + space.name();
    }

    /** @return S = ⌊totalSteps / iterations⌋, the training steps of each iteration */
    public int stepsPerIteration() {
        return totalSteps / iterations;
    }

    /** @return a builder starting from the paper's defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder starting from this configuration */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.dataset = dataset;
        b.pair = pair;
        b.folds = folds;
        b.testFraction = testFraction;
        b.model = model;
        b.space = space;
        b.criterion = criterion;
        b.mixture = mixture;
        b.lambda = lambda;
        b.beta = beta;
        b.iterations = iterations;
        b.totalSteps = totalSteps;
        b.batchSize = batchSize;
        b.learningRate = learningRate;
        b.width = width;
        b.seed = seed;
        b.threads = threads;
        b.selection = selection;
        b.stopping = stopping;
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SearchConfig c && c.toString().equals(toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        return "SearchConfig[dataset=" + dataset + ", pair=" + Arrays.toString(pair) + ", folds=" + folds + ", testFraction="
                + testFraction + ", model=" + spaceName() + ", method=" + criterion + ", mixture="
                + mixture.id() + ", lambda=" + lambda + ", beta=" + beta + ", iterations=" + iterations + ", totalSteps="
                + totalSteps + ", batchSize=" + batchSize + ", learningRate=" + learningRate + ", width=" + width + ", seed="
                + seed + ", threads=" + threads + ", selection=" + selection
                + (stopping.equals(StoppingRule.NONE) ? "" : ", stopping=" + stopping) + "]";
    }

    /** Builds a {@link SearchConfig}; every setter returns the builder. */
    public static final class Builder {
        private String dataset = "fashion-mnist";
        private int[] pair;
        private int folds;
        private double testFraction = 0.2;
        private ModelKind model = ModelKind.DNN;
        private SpaceDefinition space;
        private CriterionSpec criterion = CriterionSpec.of("adanet");
        private StoppingRule stopping = StoppingRule.NONE;
        private Criteria criteria;
        private Mixture mixture = Mixture.UNIFORM;
        private double lambda;
        private double beta;
        private int iterations = 11;
        private int totalSteps = 5000;
        private int batchSize = 64;
        private double learningRate = 0.003;
        private int width = 32;
        private long seed = 1;
        private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        private SelectionSet selection = SelectionSet.TRAIN;

        private Builder() {
        }

        /** @param v the data source @return this */
        public Builder dataset(String v) {
            dataset = v;
            return this;
        }

        /** @param first class that becomes 0 @param second class that becomes 1 @return this */
        public Builder pair(int first, int second) {
            pair = new int[] {first, second};
            return this;
        }

        /** @return this, with all classes (no pair) */
        public Builder allClasses() {
            pair = null;
            return this;
        }

        /** @param v K folds (0 for none) @return this */
        public Builder folds(int v) {
            folds = v;
            return this;
        }

        /** @param v test holdout fraction for sources without a test partition @return this */
        public Builder testFraction(double v) {
            testFraction = v;
            return this;
        }

        /** @param v the subnetwork kind @return this */
        public Builder model(ModelKind v) {
            model = v;
            return this;
        }

        /** @param v a search space from a file, or null for the paper's model @return this */
        public Builder space(SpaceDefinition v) {
            space = v;
            return this;
        }

        /** @param v the pruning criterion and some of its parameters (the rest take their defaults) @return this */
        public Builder criterion(CriterionSpec v) {
            criterion = v;
            return this;
        }

        /**
         * @param v where {@link #build} finds the criterion to check and complete its parameters (default: the
         *     criteria on the class path); pass the same to {@link AdaNetSearch}
         * @return this
         */
        public Builder criteria(Criteria v) {
            criteria = v;
            return this;
        }

        /** @param id a criterion id with default parameters ("adanet", "prs", "pap", "pie", or a plug-in's) @return this */
        public Builder method(String id) {
            return criterion(CriterionSpec.of(id));
        }

        /** @param v when the search ends before its last iteration @return this */
        public Builder stopping(StoppingRule v) {
            stopping = v;
            return this;
        }

        /** @param v the mixture @return this */
        public Builder mixture(Mixture v) {
            mixture = v;
            return this;
        }

        /** @param v λ @return this */
        public Builder lambda(double v) {
            lambda = v;
            return this;
        }

        /** @param v β @return this */
        public Builder beta(double v) {
            beta = v;
            return this;
        }

        /** @param v T @return this */
        public Builder iterations(int v) {
            iterations = v;
            return this;
        }

        /** @param v total training steps @return this */
        public Builder totalSteps(int v) {
            totalSteps = v;
            return this;
        }

        /** @param v batch size @return this */
        public Builder batchSize(int v) {
            batchSize = v;
            return this;
        }

        /** @param v learning rate @return this */
        public Builder learningRate(double v) {
            learningRate = v;
            return this;
        }

        /** @param v hidden width @return this */
        public Builder width(int v) {
            width = v;
            return this;
        }

        /** @param v the seed @return this */
        public Builder seed(long v) {
            seed = v;
            return this;
        }

        /** @param v training threads @return this */
        public Builder threads(int v) {
            threads = v;
            return this;
        }

        /** @param v the selection data @return this */
        public Builder selection(SelectionSet v) {
            selection = v;
            return this;
        }

        /** @return the validated configuration */
        public SearchConfig build() {
            CriterionSpec resolved = (criteria != null ? criteria : Criteria.discover()).resolve(criterion);
            return new SearchConfig(dataset, pair, folds, testFraction, model, space, resolved, mixture, lambda, beta, iterations,
                    totalSteps, batchSize, learningRate, width, seed, threads, selection, stopping);
        }
    }
}
