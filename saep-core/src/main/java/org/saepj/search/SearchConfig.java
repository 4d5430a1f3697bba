package org.saepj.search;

import java.util.Arrays;
import org.saepj.data.Augmentation;
import org.saepj.data.Shape;
import org.saepj.data.preprocess.Scaling;
import org.saepj.engine.optim.LearningRateSchedule;
import org.saepj.pruning.Criteria;
import org.saepj.pruning.CriterionSpec;
import org.saepj.subnetwork.ModelKind;
import org.saepj.subnetwork.SearchSpace;
import org.saepj.subnetwork.SpaceDefinition;
import org.saepj.subnetwork.SpacePlugin;
import org.saepj.task.RegressionLoss;

/**
 * An immutable search configuration, in parts that each validate themselves: the {@link DataPlan} (source,
 * pair, folds, test holdout, selection data), the {@link SpacePlan} (what each iteration proposes), the
 * {@link Budget} (iterations, steps, batch, stopping rule), the {@link ObjectivePlan} (λ, β, mixture), the pruning
 * criterion, and the run's seed and threads. Defaults are the paper's (spec §5): DNN, 11 iterations, 5000
 * steps in total, batch 64, learning rate 0.003, plain AdaNet (no pruning), uniform mixture, λ = β = 0,
 * selection on the training data ({@link Preset#PAPER}, which the tests' numbers rest on; the command line and
 * {@code org.saepj.api} start from {@link Preset#DEFAULT} instead, which {@link Preset#applyTo} sets on a builder).
 * Build it with {@link #builder()}; a setting that cannot be used is an
 * {@link InvalidSettingException} naming it. The flat accessors ({@link #iterations()}, {@link #dataset()}, …)
 * are shortcuts into the parts. Two configurations are equal when every part is: each part is a record whose
 * equality compares content (a search-space file's whole definition, the pair's classes, the criterion's parameters).
 *
 * @param data which data, and how it is split
 * @param space what each iteration proposes
 * @param budget how much the search trains
 * @param objective the objective and mixture
 * @param criterion the pruning criterion and its parameters (plain AdaNet: {@code adanet}), defaults filled in
 * @param seed the run seed
 * @param threads candidate-training threads
 * @param validation which choices are made on the validation part (the paper's when absent: stored before it existed)
 * @param training how candidates train beyond their space: optimizer, schedule, label smoothing, augmentation (the
 *     paper's when absent)
 */
public record SearchConfig(
        DataPlan data,
        SpacePlan space,
        Budget budget,
        ObjectivePlan objective,
        CriterionSpec criterion,
        long seed,
        int threads,
        ValidationPlan validation,
        TrainingPlan training) {
    /**
     * Validates what the parts cannot check alone.
     *
     * @param data which data, and how it is split
     * @param space what each iteration proposes
     * @param budget how much the search trains
     * @param objective the objective and mixture
     * @param criterion the pruning criterion and its parameters (plain AdaNet: {@code adanet}), defaults filled in
     * @param seed the run seed
     * @param threads candidate-training threads
     * @param validation which choices are made on the validation part; null for the paper's
     * @param training how candidates train beyond their space; null for the paper's
     */
    public SearchConfig {
        InvalidSettingException.require(
                data != null && space != null && budget != null && objective != null,
                "config",
                "needs its data plan, search space, budget and objective");
        InvalidSettingException.require(criterion != null, "criterion", "must be set");
        InvalidSettingException.require(threads >= 1, "threads", "must be at least 1, got " + threads);
        validation = validation == null ? ValidationPlan.PAPER : validation;
        training = training == null ? TrainingPlan.PAPER : training;
        // Early stopping and the best iteration judge on data no candidate trained on; the training data would
        // never stop a candidate and always favour the last iteration.
        InvalidSettingException.require(
                !validation.needsValidationPart() || !data.selection().isTrain(),
                "validation",
                "needs a part of the training data held out for early stopping and the best iteration, and the"
                        + " selection data is the training data itself");
        InvalidSettingException.require(
                !validation.refits() || !data.selection().isTrain(),
                "refit",
                "retrains the final members on the training rows and the validation part together, and this search"
                        + " holds no validation part out (give one, such as --validation 0.1)");
        InvalidSettingException.require(
                !validation.bagged() || !data.selection().isTrain(),
                "bags",
                "gives each of its " + validation.bagCount() + " searches a validation part of its own, and this"
                        + " search holds none out (give one, such as --validation 0.1)");
        InvalidSettingException.require(
                data.scaling() != Scaling.AUTO || !data.selection().isTrain(),
                "scaling",
                "auto keeps the encoding whose ensemble has the lower loss on validation data, and this search holds"
                        + " none out (give one, such as --validation 0.1, or name standard or ple)");
        InvalidSettingException.require(
                !validation.bagged() || !validation.refits(),
                "bags",
                "and refit exclude each other: a row one bag holds out already trains the other bags' members");
    }

    /**
     * A configuration with the paper's training.
     *
     * @param data which data, and how it is split
     * @param space what each iteration proposes
     * @param budget how much the search trains
     * @param objective the objective and mixture
     * @param criterion the pruning criterion and its parameters
     * @param seed the run seed
     * @param threads candidate-training threads
     * @param validation which choices are made on the validation part
     */
    public SearchConfig(
            DataPlan data,
            SpacePlan space,
            Budget budget,
            ObjectivePlan objective,
            CriterionSpec criterion,
            long seed,
            int threads,
            ValidationPlan validation) {
        this(data, space, budget, objective, criterion, seed, threads, validation, TrainingPlan.PAPER);
    }

    /**
     * A configuration with the paper's validation choices.
     *
     * @param data which data, and how it is split
     * @param space what each iteration proposes
     * @param budget how much the search trains
     * @param objective the objective and mixture
     * @param criterion the pruning criterion and its parameters
     * @param seed the run seed
     * @param threads candidate-training threads
     */
    public SearchConfig(
            DataPlan data,
            SpacePlan space,
            Budget budget,
            ObjectivePlan objective,
            CriterionSpec criterion,
            long seed,
            int threads) {
        this(data, space, budget, objective, criterion, seed, threads, ValidationPlan.PAPER, TrainingPlan.PAPER);
    }

    /** @return a regression search's loss: squared error (the default) or Huber's */
    public RegressionLoss regressionLoss() {
        return objective.loss();
    }

    /** @return the data source */
    public String dataset() {
        return data.dataset();
    }

    /** @return the binary pair of class indices, or null */
    public int[] pair() {
        return data.pair();
    }

    /** @return K folds, or 0 */
    public int folds() {
        return data.folds();
    }

    /** @return the test holdout of sources without a test partition */
    public double testFraction() {
        return data.testFraction();
    }

    /** @return the data candidates are selected and pruned on */
    public SelectionSet selection() {
        return data.selection();
    }

    /** @return how a table's features are scaled */
    public Scaling scaling() {
        return data.scaling();
    }

    /** @return the paper's search space, used without a space file */
    public ModelKind model() {
        return space.model();
    }

    /** @return the search-space file's definition, or null */
    public SpaceDefinition spaceDefinition() {
        return space.definition();
    }

    /** @return the paper's DNN width */
    public int width() {
        return space.width();
    }

    /** @return the base learning rate */
    public double learningRate() {
        return space.learningRate();
    }

    /** @return T */
    public int iterations() {
        return budget.iterations();
    }

    /** @return training steps over the whole search */
    public int totalSteps() {
        return budget.totalSteps();
    }

    /** @return samples per step */
    public int batchSize() {
        return budget.batchSize();
    }

    /** @return when the search ends before its last iteration */
    public StoppingRule stopping() {
        return budget.stopping();
    }

    /** @return λ */
    public double lambda() {
        return objective.lambda();
    }

    /** @return β */
    public double beta() {
        return objective.beta();
    }

    /** @return the mixture */
    public Mixture mixture() {
        return objective.mixture();
    }

    /** @return how the ensemble grows: AdaNet's choice, or a deep ensemble's independent members */
    public Growth growth() {
        return objective.growth();
    }

    /**
     * @param input the input shape
     * @param classes the number of classes
     * @return what each iteration proposes: the space from the file, or the paper's for {@code model}
     */
    public SearchSpace searchSpace(Shape input, int classes) {
        return space.create(input, classes, stepsPerIteration(), seed);
    }

    /** @return the search space's name: the paper's model id ("dnn") or "space NAME" for a file's */
    public String spaceName() {
        return space.name();
    }

    /**
     * @param plan how this configuration's time budget fits its steps and iterations
     * @return the planned configuration: the plan's fixed steps per candidate, the plan recorded in its stopping rule;
     *     the configured iterations stay the most it runs, the time guard ending it where the next does not fit
     */
    public SearchConfig planned(TimePlan plan) {
        ValidationPlan v = validation();
        // a baseline's interval: its candidates' share of the steps this plan gives it
        ValidationPlan checked =
                v.checksUnresolved() ? v.checksResolved(v.checkBasis().candidateShare(plan.steps())) : v;
        return toBuilder()
                .totalSteps((int) Math.min(Integer.MAX_VALUE, (long) iterations() * plan.steps()))
                .epochs(null)
                .stopping(stopping().planned(plan))
                .validation(checked)
                .build();
    }

    /**
     * @param trainRows the rows candidates train on
     * @return this configuration with its early-stopping interval in steps where it is taken from the search's
     *     candidates ({@link ValidationPlan#checkBasis()}: a comparison baseline's), else this configuration
     */
    public SearchConfig checksAt(int trainRows) {
        ValidationPlan v = validation();
        if (!v.checksUnresolved()) {
            return this;
        }
        return toBuilder()
                .validation(v.checksResolved(v.checkBasis().candidateSteps(trainRows, batchSize())))
                .build();
    }

    /** @return S = ⌊totalSteps / iterations⌋, the training steps of each iteration of a fixed budget */
    public int stepsPerIteration() {
        return budget.stepsPerIteration();
    }

    /**
     * @param trainRows the rows candidates train on
     * @return the training steps of each iteration on that data ({@link Budget#stepsPerIteration(int)})
     */
    public int stepsPerIteration(int trainRows) {
        return budget.stepsPerIteration(trainRows);
    }

    /** @return each candidate's budget in epochs, or null for fixed steps */
    public Epochs epochs() {
        return budget.epochs();
    }

    /** @return a builder starting from the paper's defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder starting from this configuration */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.dataset = dataset();
        b.pair = pair();
        b.folds = folds();
        b.testFraction = testFraction();
        b.scaling = scaling();
        b.model = model();
        b.space = spaceDefinition();
        b.spacePlugin = space.plugin();
        b.criterion = criterion;
        b.mixture = mixture();
        b.growth = growth();
        b.lambda = lambda();
        b.beta = beta();
        b.regressionLoss = regressionLoss();
        b.iterations = iterations();
        b.totalSteps = totalSteps();
        b.batchSize = batchSize();
        b.learningRate = learningRate();
        b.width = width();
        b.seed = seed;
        b.threads = threads;
        b.selection = selection();
        b.stopping = stopping();
        b.epochs = epochs();
        b.validation = validation;
        b.training(training);
        return b;
    }

    /**
     * The settings as one line for logs and messages. Equality is the record's own, part by part (a space file's
     * whole content, not its name), so two configurations that print alike may still differ.
     *
     * @return the settings as text
     */
    @Override
    public String toString() {
        return "SearchConfig[dataset=" + dataset() + ", pair=" + Arrays.toString(pair()) + ", folds=" + folds()
                + ", testFraction="
                + testFraction() + ", model=" + spaceName() + ", method=" + criterion + ", mixture="
                + mixture().id() + ", lambda=" + lambda() + ", beta=" + beta() + ", iterations=" + iterations()
                + ", totalSteps="
                + totalSteps() + ", batchSize=" + batchSize() + ", learningRate=" + learningRate() + ", width="
                + width() + ", seed="
                + seed + ", threads=" + threads + ", selection=" + selection()
                + (stopping().equals(StoppingRule.NONE) ? "" : ", stopping=" + stopping())
                + (epochs() == null ? "" : ", epochs=" + epochs())
                + (regressionLoss().equals(RegressionLoss.SQUARED) ? "" : ", regressionLoss=" + regressionLoss())
                + (scaling() == Scaling.STANDARD ? "" : ", scaling=" + scaling().id())
                + (growth() == Growth.ADANET ? "" : ", growth=" + growth().id())
                + (validation.equals(ValidationPlan.PAPER) ? "" : ", " + validation)
                + (training.isPaper() ? "" : ", " + training) + "]";
    }

    /** Builds a {@link SearchConfig}; every setter returns the builder. */
    public static final class Builder {
        private String dataset = "fashion-mnist";
        private int[] pair;
        private int folds;
        private double testFraction = 0.2;
        private Scaling scaling = Scaling.STANDARD;
        private ModelKind model = ModelKind.DNN;
        private SpaceDefinition space;
        private SpacePlugin spacePlugin;
        private CriterionSpec criterion = CriterionSpec.of("adanet");
        private StoppingRule stopping = StoppingRule.NONE;
        private Criteria criteria;
        private Mixture mixture = Mixture.UNIFORM;
        private Growth growth = Growth.ADANET;
        private double lambda;
        private double beta;
        private RegressionLoss regressionLoss = RegressionLoss.SQUARED;
        private int iterations = 11;
        private int totalSteps = 5000;
        private int batchSize = 64;
        private double learningRate = 0.003;
        private int width = 32;
        private long seed = 1;
        private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        private SelectionSet selection = SelectionSet.TRAIN;
        private ValidationPlan validation = ValidationPlan.PAPER;
        private Boolean refit;
        private Integer bags;
        private Epochs epochs;
        private TrainingPlan.OptimizerChoice optimizer = TrainingPlan.OptimizerChoice.SPACE;
        private double weightDecay = Double.NaN;
        private LearningRateSchedule.Kind schedule = LearningRateSchedule.Kind.CONSTANT;
        private int warmupSteps;
        private double labelSmoothing;
        private Augmentation augmentation = Augmentation.NONE;
        private double clipNorm;
        private Double familyLearningRate;

        private Builder() {}

        /**
         * Sets every training option at once: the optimizer, its weight decay, the schedule and its warm-up, label
         * smoothing, augmentation and gradient clipping.
         *
         * @param v how candidates train beyond their space; null for the paper's
         * @return this
         */
        public Builder training(TrainingPlan v) {
            TrainingPlan plan = v == null ? TrainingPlan.PAPER : v;
            optimizer = plan.optimizer();
            // AdamW's default decay stays "the default", so that choosing another optimizer afterwards is not refused
            boolean defaultDecay = plan.optimizer() == TrainingPlan.OptimizerChoice.ADAMW
                    && plan.weightDecay() == TrainingPlan.DEFAULT_WEIGHT_DECAY;
            weightDecay = defaultDecay ? Double.NaN : plan.weightDecay();
            schedule = plan.schedule().kind();
            warmupSteps = plan.schedule().warmupSteps();
            labelSmoothing = plan.labelSmoothing();
            augmentation = plan.augmentation();
            clipNorm = plan.clipNorm();
            familyLearningRate = plan.learningRate();
            return this;
        }

        /**
         * @param v the optimizer every candidate trains with, at the rate its space gives it (default: the space's)
         * @return this
         */
        public Builder optimizer(TrainingPlan.OptimizerChoice v) {
            optimizer = v;
            return this;
        }

        /**
         * @param v AdamW's decoupled weight decay λ, or the coupled L2 λ of the space's own SGD with momentum; NaN for
         *     the default (AdamW's 0.01, otherwise 0)
         * @return this
         */
        public Builder weightDecay(double v) {
            weightDecay = v;
            return this;
        }

        /**
         * @param v the learning rate over each candidate's steps: constant (the default), cosine or onecycle
         * @return this
         */
        public Builder schedule(LearningRateSchedule.Kind v) {
            schedule = v;
            return this;
        }

        /**
         * @param v the steps of a linear warm-up before a constant or cosine schedule (default 0, none)
         * @return this
         */
        public Builder warmupSteps(int v) {
            warmupSteps = v;
            return this;
        }

        /**
         * @param v ε of the classification loss's label smoothing, in [0, 1) (default 0)
         * @return this
         */
        public Builder labelSmoothing(double v) {
            labelSmoothing = v;
            return this;
        }

        /**
         * @param v what is done to each training image ({@link Augmentation#parse} reads the typed form); default none
         * @return this
         */
        public Builder augmentation(Augmentation v) {
            augmentation = v;
            return this;
        }

        /**
         * @param v the largest global L2 norm of a step's gradients, 0 for no clipping (the default)
         * @return this
         */
        public Builder clipNorm(double v) {
            clipNorm = v;
            return this;
        }

        /**
         * @param v the base learning rate every candidate trains at, replacing the rate each family of the space gives
         *     (a space file's, a built-in space's); null (the default) keeps the space's rates, and
         *     {@link #learningRate} serves the families that give none
         * @return this
         */
        public Builder familyLearningRate(Double v) {
            familyLearningRate = v;
            return this;
        }

        /** @return the training options as a plan, checked */
        private TrainingPlan trainingPlan() {
            InvalidSettingException.require(
                    warmupSteps >= 0, "warmupSteps", "must be 0 (no warm-up) or more steps, got " + warmupSteps);
            InvalidSettingException.require(
                    warmupSteps == 0 || schedule != LearningRateSchedule.Kind.ONECYCLE,
                    "warmupSteps",
                    "cannot go with the onecycle schedule, which warms up over its first 30% of steps itself: leave"
                            + " it at 0, got " + warmupSteps);
            return new TrainingPlan(
                    optimizer,
                    weightDecay,
                    new LearningRateSchedule(schedule, warmupSteps),
                    labelSmoothing,
                    augmentation,
                    clipNorm,
                    familyLearningRate);
        }

        /**
         * @param v each candidate's budget in passes over the training data, which replaces {@link #totalSteps}; null
         *     for fixed steps (the paper's)
         * @return this
         */
        public Builder epochs(Epochs v) {
            epochs = v;
            return this;
        }

        /**
         * @param v which choices are made on the validation part (it needs {@link #selection} to hold one out when
         *     it stops early or picks the best iteration)
         * @return this
         */
        public Builder validation(ValidationPlan v) {
            validation = v;
            return this;
        }

        /**
         * Whether the final members are retrained on the training rows and the validation part together once every
         * choice is made, whatever the validation plan given before or after says ({@link ValidationPlan#refit}).
         *
         * @param v true to retrain them, false not to
         * @return this
         */
        public Builder refit(boolean v) {
            refit = v;
            return this;
        }

        /**
         * How many bags the search runs, whatever the validation plan given before or after says ({@link
         * ValidationPlan#bags}, {@link BaggedSearch}).
         *
         * @param v 1 for one search, K ≥ 2 for K searches that each hold out a validation part of their own
         * @return this
         */
        public Builder bags(int v) {
            bags = v;
            return this;
        }

        /**
         * @param v the data source
         * @return this
         */
        public Builder dataset(String v) {
            dataset = v;
            return this;
        }

        /**
         * @param first class that becomes 0
         * @param second class that becomes 1
         * @return this
         */
        public Builder pair(int first, int second) {
            pair = new int[] {first, second};
            return this;
        }

        /** @return this, with all classes (no pair) */
        public Builder allClasses() {
            pair = null;
            return this;
        }

        /**
         * @param v K folds (0 for none)
         * @return this
         */
        public Builder folds(int v) {
            folds = v;
            return this;
        }

        /**
         * @param v test holdout fraction for sources without a test partition
         * @return this
         */
        public Builder testFraction(double v) {
            testFraction = v;
            return this;
        }

        /**
         * @param v how a table's features are scaled: standardised (the default) or robust-scaled
         * @return this
         */
        public Builder scaling(Scaling v) {
            scaling = v;
            return this;
        }

        /**
         * @param v the subnetwork kind
         * @return this
         */
        public Builder model(ModelKind v) {
            model = v;
            return this;
        }

        /**
         * @param v a search space from a file, or null for the paper's model
         * @return this
         */
        public Builder space(SpaceDefinition v) {
            space = v;
            return this;
        }

        /**
         * @param v a search-space plug-in ({@link org.saepj.subnetwork.SpaceProvider}) and its parameters, or null
         * @return this
         */
        public Builder spacePlugin(SpacePlugin v) {
            spacePlugin = v;
            return this;
        }

        /**
         * @param v the pruning criterion and some of its parameters (the rest take their defaults)
         * @return this
         */
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

        /**
         * @param id a criterion id with default parameters ("adanet", "prs", "pap", "pie", or a plug-in's)
         * @return this
         */
        public Builder method(String id) {
            return criterion(CriterionSpec.of(id));
        }

        /**
         * @param v when the search ends before its last iteration
         * @return this
         */
        public Builder stopping(StoppingRule v) {
            stopping = v;
            return this;
        }

        /**
         * @param v the mixture
         * @return this
         */
        public Builder mixture(Mixture v) {
            mixture = v;
            return this;
        }

        /**
         * @param v λ
         * @return this
         */
        public Builder lambda(double v) {
            lambda = v;
            return this;
        }

        /**
         * @param v β
         * @return this
         */
        public Builder beta(double v) {
            beta = v;
            return this;
        }

        /**
         * @param v T
         * @return this
         */
        public Builder iterations(int v) {
            iterations = v;
            return this;
        }

        /**
         * @param v total training steps
         * @return this
         */
        public Builder totalSteps(int v) {
            totalSteps = v;
            return this;
        }

        /**
         * @param v batch size
         * @return this
         */
        public Builder batchSize(int v) {
            batchSize = v;
            return this;
        }

        /**
         * @param v learning rate
         * @return this
         */
        public Builder learningRate(double v) {
            learningRate = v;
            return this;
        }

        /**
         * @param v hidden width
         * @return this
         */
        public Builder width(int v) {
            width = v;
            return this;
        }

        /**
         * @param v a regression search's loss (squared error by default); a classification search refuses another
         * @return this
         */
        public Builder regressionLoss(RegressionLoss v) {
            regressionLoss = v;
            return this;
        }

        /**
         * @param v the seed
         * @return this
         */
        public Builder seed(long v) {
            seed = v;
            return this;
        }

        /**
         * @param v training threads
         * @return this
         */
        public Builder threads(int v) {
            threads = v;
            return this;
        }

        /**
         * @param v how the ensemble grows
         * @return this
         */
        public Builder growth(Growth v) {
            growth = v;
            return this;
        }

        /**
         * @param v the selection data
         * @return this
         */
        public Builder selection(SelectionSet v) {
            selection = v;
            return this;
        }

        /** @return the validated configuration */
        public SearchConfig build() {
            CriterionSpec resolved = (criteria != null ? criteria : Criteria.discover()).resolve(criterion);
            return new SearchConfig(
                    new DataPlan(dataset, pair, folds, testFraction, selection, scaling),
                    new SpacePlan(model, space, width, learningRate, spacePlugin),
                    new Budget(iterations, totalSteps, batchSize, stopping, epochs),
                    new ObjectivePlan(lambda, beta, mixture, regressionLoss, growth),
                    resolved,
                    seed,
                    threads,
                    validationPlan(),
                    trainingPlan());
        }

        /** The validation plan given, with --refit and --bags where they were set on their own. */
        private ValidationPlan validationPlan() {
            ValidationPlan v = refit == null ? validation : validation.withRefit(refit);
            return bags == null ? v : v.withBags(bags);
        }
    }
}
