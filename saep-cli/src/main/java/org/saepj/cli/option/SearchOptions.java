package org.saepj.cli.option;

import java.util.Optional;
import java.util.function.IntSupplier;
import org.saepj.cli.UsageError;
import org.saepj.data.Shape;
import org.saepj.data.preprocess.Scaling;
import org.saepj.execution.EarlyStopping;
import org.saepj.persistence.BuiltInSpaces;
import org.saepj.pruning.Criteria;
import org.saepj.pruning.CriterionSpec;
import org.saepj.search.DefaultBags;
import org.saepj.search.DefaultSpace;
import org.saepj.search.Epochs;
import org.saepj.search.InvalidSettingException;
import org.saepj.search.Mixture;
import org.saepj.search.Preset;
import org.saepj.search.SearchConfig;
import org.saepj.search.SelectionSet;
import org.saepj.search.ValidationPlan;
import org.saepj.subnetwork.ModelKind;
import org.saepj.task.RegressionLoss;
import org.saepj.task.Task;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The search settings shared by {@code search} and {@code compare} (each adds its own method, mixture, seed
 * and fold options). The settings start from {@link Preset#DEFAULT} (choices on a validation part, a budget in
 * epochs) unless {@code --preset} names another or the command starts elsewhere ({@link #startFrom}); the other
 * defaults are the paper's. Every value is checked before any work starts, with an error naming the option.
 */
public final class SearchOptions {
    /** The batch size when --batch is not given and the data has at least that many training rows. */
    public static final int DEFAULT_BATCH = 64;

    @Option(
            names = "--pair",
            paramLabel = "C0,C1",
            description = "Binary task: keep classes C0 and C1 (indices or class names,"
                    + " e.g. 4,9 or Coat,Bag), relabelled 0 and 1.")
    String pair;

    @Option(
            names = "--model",
            paramLabel = "dnn|cnn|linear",
            description = "The paper's search space, which decides the candidates"
                    + " each iteration trains: dnn = two fully connected networks of --width units, one as deep"
                    + " as the ensemble's deepest member (k layers) and one a layer deeper (k+1), as in AdaNet's"
                    + " tutorial; cnn = the paper's convolutional network (one candidate); linear = a single dense"
                    + " layer (default: the built-in residual-mlp space for a table, residual-cnn for images;"
                    + " dnn with --preset paper or --width).")
    String model;

    @Option(
            names = "--space",
            paramLabel = "FILE|NAME|ID",
            description = "A search space of your own: a JSON file of candidate families"
                    + " (see docs/SEARCH_SPACES.md and examples/spaces/), a built-in space's name when no such"
                    + " file exists (residual-mlp, residual-cnn), or the id of a search-space plug-in on the"
                    + " class path.")
    java.nio.file.Path space;

    @Option(
            names = "--space-param",
            paramLabel = "NAME=V",
            description = "A parameter of the search-space plug-in named by --space" + " (repeatable).")
    java.util.Map<String, Double> spaceParameters;

    @Mixin
    public CriterionOptions criterion;

    @Option(
            names = "--max-members",
            paramLabel = "K",
            description = "Prune to K members whenever the ensemble has more (the"
                    + " criteria with a target size; default: each criterion's own schedule, from three members on).")
    Integer maxMembers;

    @Option(
            names = "--lambda",
            paramLabel = "L",
            defaultValue = "0",
            description = "Complexity penalty λ (default: ${DEFAULT-VALUE}).")
    double lambda;

    @Option(
            names = "--beta",
            paramLabel = "B",
            defaultValue = "0",
            description = "Per-member penalty β (default: ${DEFAULT-VALUE}).")
    double beta;

    @Option(
            names = "--loss",
            paramLabel = "squared|huber[:D]",
            description = "A regression search's loss: squared error, or Huber's, linear beyond D standard"
                    + " deviations of the target (default D: 1.345), for targets with gross errors (default:"
                    + " squared).")
    String loss;

    @Option(
            names = "--iterations",
            paramLabel = "T",
            defaultValue = "11",
            description = "Search iterations (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(
            names = "--steps",
            paramLabel = "N",
            description = "Training steps in total, split evenly over the"
                    + " iterations (default: each candidate's steps grow with the data, see --epochs;"
                    + " 5000 with --preset paper).")
    Integer steps;

    @Option(
            names = "--epochs",
            paramLabel = "E",
            description = "Each candidate trains E passes over the training data"
                    + " (steps = E × training rows / batch) instead of --steps (default: 50 epochs, at"
                    + " least 454 and at most 5000 steps a candidate, 2000 on images in the default residual"
                    + " CNN; fixed steps with --preset paper).")
    Double epochs;

    @Option(
            names = "--batch",
            paramLabel = "B",
            description = "Batch size (default: " + DEFAULT_BATCH + ", or every training row of a table with fewer).")
    Integer batch;

    @Option(
            names = "--lr",
            paramLabel = "R",
            description = "Learning rate: the paper's spaces' (--model; default: 0.003); given with a search space"
                    + " (--space, or the default space by the data's kind), every family trains at it instead of"
                    + " its own rate, and report.json's config.training.learningRate says so.")
    Double lr;

    /** The paper's learning rate, where --lr is not given. */
    private static final double DEFAULT_LR = 0.003;

    @Option(
            names = "--width",
            paramLabel = "W",
            description = "Units per hidden layer of the paper's dnn space (default: 32); given alone, it"
                    + " searches the dnn.")
    Integer width;

    @Option(
            names = "--threads",
            paramLabel = "K",
            description = "Candidate-training threads (default: the number of cores).")
    Integer threads;

    @Option(
            names = "--preset",
            paramLabel = "paper|validated",
            description = "Where the settings start: validated ="
                    + " every choice on a validation part (--validation 0.1, --patience 5, --objective-on"
                    + " validation, --final best) and a budget that grows with the data (50 epochs a candidate,"
                    + " 454 to 5000 steps); paper = the paper's (choices on the training data, 5000 steps in"
                    + " all, the last iteration), which reproduces its numbers. Options given override it"
                    + " (default: validated; demo: paper).")
    String preset;

    @Option(
            names = "--selection",
            paramLabel = "train|holdout:F",
            description = "The data on which candidates are selected and pruning decides: train = the"
                    + " training data, as AdaNet and the paper do; holdout:F = a stratified fraction F (0 < F"
                    + " < 1, e.g. holdout:0.1)"
                    + " of the training data, kept out of candidate training (default: the preset's;"
                    + " --validation F is the same as holdout:F).")
    String selection;

    @Option(
            names = "--validation",
            paramLabel = "F",
            description = "Hold out a stratified fraction F (0 < F < 1) of"
                    + " the training data as the validation part, on which the choices are made; 0 for none"
                    + " (default: the preset's: 0.1 for validated, none for paper).")
    Double validation;

    @Option(
            names = "--patience",
            paramLabel = "P",
            description = "Early stopping: a candidate stops after P"
                    + " measurements of its validation loss without a new lowest, and keeps the parameters of"
                    + " the lowest; 0 for"
                    + " none (default: the preset's: 5 for validated, 0 for paper).")
    Integer patience;

    @Option(
            names = "--check-every",
            paramLabel = "K",
            description = "Early stopping measures the validation loss"
                    + " every K steps; 0 for a twentieth of a candidate's steps, the interval compare's single"
                    + " and deep-ensemble baselines also measure at (default: 0).")
    Integer checkEvery;

    @Option(
            names = "--objective-on",
            paramLabel = "validation|train",
            description = "The data AdaNet's objective picks"
                    + " each iteration's option on: validation = the validation part (the training data"
                    + " without one); train ="
                    + " the training data, as the paper does (default: validation).")
    String objectiveOn;

    @Option(
            names = "--final",
            paramLabel = "best|last",
            description = "The result: best = the iteration whose ensemble"
                    + " has the lowest validation loss; last = the last iteration, as the paper does"
                    + " (default: the preset's).")
    String finalEnsemble;

    @Option(
            names = "--temperature",
            paramLabel = "validation|off",
            description = "Temperature scaling of the final ensemble's logits: validation = fitted on the"
                    + " validation part when the search has one (stored in the model, applied by predict and the"
                    + " ONNX export; never fitted on test data), off = none (default: validation).")
    String temperature;

    @Option(
            names = "--refit",
            description = "Once every choice is made on the validation part, retrain the final members on the"
                    + " training rows and the validation part together, each for the passes over the data its early"
                    + " stopping kept, from the same initial weights (the temperature stays the one fitted before;"
                    + " needs a validation part).")
    boolean refit;

    @Option(
            names = "--bags",
            paramLabel = "K",
            description = "Bagging: K searches, each holding out a validation part of its own (--validation F of"
                    + " the training data, stratified, drawn for it), on which it makes every choice, and training on"
                    + " the rest; the model is the union of their K final ensembles, each member's weight divided by"
                    + " K (their mean). A temperature is fitted on the out-of-bag outputs; K times the training (a"
                    + " --max-time is shared) (default: 1, one search).")
    Integer bags;

    @Option(
            names = "--stop-early",
            description = "AdaNet's rule: end the search after the first iteration in which no candidate"
                    + " lowers the objective (default: run every iteration).")
    boolean stopEarly;

    @Option(
            names = "--max-time",
            paramLabel = "DURATION",
            description = "Plan the search within this much time, e.g. 90s, 20m, 2h (default: none): a short"
                    + " probe measures the training speed, then the iterations and each candidate's steps are"
                    + " reduced (from the configured ones) until they fit, and an iteration predicted not to fit"
                    + " the time left is not started. Without --steps or --epochs, where the time holds 3"
                    + " iterations of more, candidates train past the default's step ceiling instead (up to its"
                    + " 50 epochs), in the iterations that fit. No member is cut short; the plan is in search.log,"
                    + " report.json and run.json.")
    String maxTime;

    @Option(
            names = "--test-fraction",
            paramLabel = "F",
            defaultValue = "0.2",
            description = "Stratified test holdout for sources without a test partition (default: ${DEFAULT-VALUE}).")
    double testFraction;

    @Option(
            names = "--scaling",
            paramLabel = "standard|robust|ple|auto",
            description = "How a table's numeric features are scaled, fitted on the training part: standard ="
                    + " centred on the mean, divided by the standard deviation; robust = centred on the median,"
                    + " divided by the interquartile range, then softly clipped to about ±3, for skewed columns"
                    + " and outliers (RealMLP's); ple = piecewise-linear encoding, each feature as up to 16 values"
                    + " in [0, 1], one per quantile bin of its training values (Gorishniy et al., 2022); auto = the"
                    + " search runs on standard, then on ple, and keeps the one whose ensemble has the lower"
                    + " validation loss (twice the training; needs a validation part). Stored in the model; predict"
                    + " and the ONNX export apply it (default: standard).")
    String scaling;

    @Option(
            names = "--optimizer",
            paramLabel = "space|adam|adamw",
            description = "The optimizer every candidate trains with, at the learning rate the space"
                    + " gives it: space = each family's own (the paper's RMSProp for dnn and linear, SGD with"
                    + " momentum for cnn); adam; adamw = Adam with decoupled weight decay, see --weight-decay"
                    + " (default: space).")
    String optimizer;

    @Option(
            names = "--weight-decay",
            paramLabel = "WD",
            description = "Weight decay λ. With --optimizer adamw, AdamW's decoupled decay: every step shrinks"
                    + " each parameter by lr·λ (default 0.01). With --optimizer space, coupled L2 on each family's"
                    + " own SGD with momentum, as PyTorch's SGD(weight_decay=λ): the gradient gets λ·θ added"
                    + " before the momentum (replaces a space file's weightDecay; refused when a family trains"
                    + " with another optimizer).")
    Double weightDecay;

    @Option(
            names = "--schedule",
            paramLabel = "constant|cosine|onecycle",
            description = "The learning rate over each candidate's steps: constant = the base rate;"
                    + " cosine = half a cosine from the base rate down to 0, both after --warmup-steps;"
                    + " onecycle = PyTorch's OneCycleLR with its defaults and the base rate as the peak: up"
                    + " from rate/25 over 30%% of the steps, then down to rate/25/10^4 (learning rate only, no"
                    + " warm-up steps) (default: constant).")
    String schedule;

    @Option(
            names = "--warmup-steps",
            paramLabel = "N",
            description = "Raise the learning rate linearly from rate/N to the base rate over each"
                    + " candidate's first N steps (default: 0, none).")
    Integer warmupSteps;

    @Option(
            names = "--label-smoothing",
            paramLabel = "E",
            description = "Train on labels smoothed by E (0 ≤ E < 1): the true class gets 1 − E + E/K,"
                    + " every class E/K; classification only (default: 0).")
    Double labelSmoothing;

    @Option(
            names = "--augment",
            paramLabel = "crop[=P],flip,erase",
            description = "Augment every training batch's images: crop = random crop with zero padding"
                    + " (torchvision's RandomCrop with padding P: pad by P pixels, cut the image back at a random"
                    + " place; P defaults to 4 on images of 32 pixels or more a side, 2 on smaller ones);"
                    + " shift[=N] = the same crop by its other name (N default 4); flip = mirror half of them"
                    + " left to right; erase = torchvision's RandomErasing (half of them get a random"
                    + " rectangle of 2%% to 33%% of the image set to 0). Images only; the draws follow the seed"
                    + " (default: none).")
    String augment;

    @Option(
            names = "--clip-norm",
            paramLabel = "X",
            description = "Clip each step's gradients to a global L2 norm of at most X, as PyTorch's"
                    + " clip_grad_norm_ does: scaled by X/(norm + 1e-6) when that is below 1 (default: 0, none).")
    Double clipNorm;

    /** @return --max-members as a target size, or null */
    private TargetSize targetSize() {
        return maxMembers == null ? null : new TargetSize(maxMembers, "--max-members", 2);
    }

    /**
     * @param method the criterion id as typed
     * @param option the option that named it
     * @param criteria the known criteria
     * @return the criterion with its parameters from --param, --alpha and --max-members, checked and completed
     */
    public CriterionSpec criterion(String method, String option, Criteria criteria) {
        CriterionSpec spec = criterion.criterion(method, option, criteria, true);
        TargetSize k = targetSize();
        return k == null ? spec : k.applyTo(spec, criteria, criterion.values());
    }

    /**
     * @param methods the compared criteria's ids
     * @param criteria the known criteria
     * @return the criterion parameters of a comparison: --param, --alpha and --max-members
     */
    public java.util.Map<String, Double> criterionParameters(java.util.List<String> methods, Criteria criteria) {
        TargetSize k = targetSize();
        return k == null ? criterion.values() : k.addTo(methods, criteria, criterion.values());
    }

    /**
     * @param data the source string
     * @param criterion the pruning criterion, resolved
     * @param mixture the mixture name
     * @param seed the seed
     * @param folds K, or 0
     * @return the validated configuration
     * @throws UsageError naming the option and what is accepted
     */
    public SearchConfig toConfig(String data, CriterionSpec criterion, String mixture, long seed, int folds) {
        // The values are checked once, by the configuration's parts; their messages are mapped onto options.
        SearchConfig.Builder b = SearchConfig.builder()
                .dataset(data)
                .lambda(lambda)
                .beta(beta)
                .iterations(iterations)
                .totalSteps(steps == null ? DEFAULT_STEPS : steps)
                .batchSize(batch == null ? DEFAULT_BATCH : batch)
                .learningRate(lr == null ? DEFAULT_LR : lr)
                // a space's families bring their own rates, which an explicit --lr replaces (it did nothing there)
                .familyLearningRate(lr != null && model == null && width == null ? lr : null)
                .width(width == null ? DEFAULT_WIDTH : width)
                .seed(seed)
                .folds(folds)
                .testFraction(testFraction);
        if (threads != null) {
            b.threads(threads);
        }
        try {
            b.stopping(new org.saepj.search.StoppingRule(stopEarly, maxTime == null ? 0 : seconds(maxTime)));
        } catch (InvalidSettingException e) {
            throw usage(e);
        }
        check(
                model == null || space == null,
                "--space and --model exclude each other: the file defines the candidates");
        try {
            b.model(ModelKind.parse(model == null ? "dnn" : model));
        } catch (IllegalArgumentException e) {
            throw new UsageError("--model: " + e.getMessage());
        }
        java.util.Optional<org.saepj.subnetwork.SpaceDefinition> builtIn =
                space == null || java.nio.file.Files.exists(space)
                        ? java.util.Optional.empty()
                        : BuiltInSpaces.find(space.toString());
        if (builtIn.isPresent()) { // a file of that name wins: a user's own residual-mlp.json is theirs to search
            check(
                    spaceParameters == null || spaceParameters.isEmpty(),
                    "--space-param is for a search-space plug-in, and " + space + " is a built-in space");
            b.space(builtIn.get());
        } else if (space != null) {
            org.saepj.subnetwork.Spaces spaces = org.saepj.subnetwork.Spaces.discover();
            java.util.Optional<org.saepj.subnetwork.SpaceProvider> plugin =
                    java.nio.file.Files.exists(space) ? java.util.Optional.empty() : spaces.find(space.toString());
            if (!java.nio.file.Files.exists(space) && plugin.isEmpty()) {
                throw new UsageError("--space " + space + ": no such file, no built-in space of that name ("
                        + String.join(", ", BuiltInSpaces.names()) + ") and no search-space plug-in has that id ("
                        + (spaces.providers().isEmpty()
                                ? "none is on the class path"
                                : "the plug-ins are "
                                        + String.join(
                                                ", ",
                                                spaces.providers().stream()
                                                        .map(org.saepj.subnetwork.SpaceProvider::id)
                                                        .toList()))
                        + ")");
            }
            if (plugin.isPresent()) {
                b.spacePlugin(new org.saepj.subnetwork.SpacePlugin(plugin.get().id(), spaceParameters));
            } else {
                check(
                        spaceParameters == null || spaceParameters.isEmpty(),
                        "--space-param is for a search-space plug-in, and " + space + " is a file");
                b.space(org.saepj.persistence.SpaceFiles.read(space));
            }
        } else {
            check(
                    spaceParameters == null || spaceParameters.isEmpty(),
                    "--space-param needs --space naming a search-space plug-in");
        }
        b.criterion(criterion);
        try {
            b.mixture(Mixture.parse(mixture));
        } catch (IllegalArgumentException e) {
            throw new UsageError("--mixture: " + e.getMessage());
        }
        try {
            b.scaling(scaling == null ? Scaling.STANDARD : Scaling.parse(scaling));
        } catch (IllegalArgumentException e) {
            throw new UsageError("--scaling: " + e.getMessage());
        }
        try {
            b.regressionLoss(loss == null ? RegressionLoss.SQUARED : RegressionLoss.parse(loss));
        } catch (IllegalArgumentException e) {
            throw new UsageError("--loss " + e.getMessage());
        }
        b.selection(selectionSet());
        b.validation(validationPlan());
        b.epochs(epochBudget());
        training(b);
        if (pair != null) {
            String[] parts = pair.split(",");
            check(
                    parts.length == 2 && !parts[0].isBlank() && !parts[1].isBlank(),
                    "--pair must be two classes C0,C1 (indices or names), got '" + pair + "'");
            check(!parts[0].strip().equals(parts[1].strip()), "--pair classes must differ, got '" + pair + "'");
            if (parts[0].strip().matches("-?\\d+") && parts[1].strip().matches("-?\\d+")) {
                b.pair(
                        Integer.parseInt(parts[0].strip()),
                        Integer.parseInt(parts[1].strip())); // checked by the data plan
            } // class names: resolved against the data by withPairNames once it is loaded
        }
        try {
            return b.build();
        } catch (InvalidSettingException e) {
            throw usage(e);
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
    }

    /** Units per hidden layer of the paper's dnn when --width is not given. */
    private static final int DEFAULT_WIDTH = 32;

    /**
     * The search space of a search whose options name none ({@link DefaultSpace}): by the preset and the loaded data's
     * kind. {@code --width} sizes the paper's dnn, so a search given it alone searches the dnn.
     *
     * @param config the configuration these options made
     * @param input the shape of one sample of the loaded data
     * @return the built-in space chosen and why, or empty for the configuration's own: --model, --space or --width
     *     decided it, or the choices are the paper preset's (its dnn)
     */
    public java.util.Optional<DefaultSpace> defaultSpace(SearchConfig config, org.saepj.data.Shape input) {
        if (model != null || space != null || width != null) {
            return java.util.Optional.empty();
        }
        return DefaultSpace.forData(config, input);
    }

    /**
     * The bags of a search whose options name none ({@link DefaultBags}): by the loaded data's kind and size.
     *
     * @param config the configuration these options made
     * @param input the shape of one sample of the loaded data
     * @param task the data's task
     * @param trainRows the rows of the training partition, counted only where they decide
     * @return the bags chosen and why, or empty for the configuration's own: --bags decided it, or one search
     */
    public Optional<DefaultBags> defaultBags(SearchConfig config, Shape input, Task task, IntSupplier trainRows) {
        if (bags != null) {
            return Optional.empty();
        }
        return DefaultBags.forData(config, input, task, trainRows);
    }

    /** The preset of a command that names none: the library's default, unless the command starts elsewhere. */
    private Preset start = Preset.DEFAULT;

    /**
     * Makes {@code preset} the starting point when {@code --preset} is not given: the demo keeps the paper's settings,
     * so that it stays a quick comparison of the paper's methods.
     *
     * @param preset the preset a command without --preset starts from
     */
    public void startFrom(Preset preset) {
        start = java.util.Objects.requireNonNull(preset, "preset");
    }

    /** @return the preset named by --preset, or the command's starting point when none is */
    public Preset preset() {
        try {
            return preset == null ? start : Preset.parse(preset);
        } catch (IllegalArgumentException e) {
            throw new UsageError("--preset " + e.getMessage());
        }
    }

    /** The paper's total steps, 454 a candidate over 11 iterations. */
    private static final int DEFAULT_STEPS = 5000;

    /** @return each candidate's budget in epochs, or null for fixed steps (--steps, or the paper's preset) */
    private Epochs epochBudget() {
        check(
                epochs == null || steps == null,
                "--epochs and --steps exclude each other: --epochs sets each candidate's"
                        + " steps from the data's size");
        if (epochs != null) {
            check(
                    epochs > 0 && Double.isFinite(epochs),
                    "--epochs must be a number above 0, such as 20, got " + epochs);
            return Epochs.exactly(epochs);
        }
        return steps == null ? preset().epochs().orElse(null) : null;
    }

    private SelectionSet selectionSet() {
        check(
                selection == null || validation == null,
                "--selection and --validation exclude each other: --validation F" + " is --selection holdout:F");
        if (validation != null) {
            check(
                    validation >= 0 && validation < 1,
                    "--validation must be 0 (no validation part) or a fraction above 0"
                            + " and below 1, such as 0.1, got " + validation);
            return validation == 0 ? SelectionSet.TRAIN : new SelectionSet(validation);
        }
        if (selection == null) {
            return preset().selection();
        }
        try {
            return SelectionSet.parse(selection);
        } catch (IllegalArgumentException e) {
            throw new UsageError("--selection " + e.getMessage());
        }
    }

    private ValidationPlan validationPlan() {
        ValidationPlan base = preset().validation();
        EarlyStopping stopping = base.earlyStopping();
        check(patience == null || patience >= 0, "--patience must be 0 (no early stopping) or more, got " + patience);
        check(
                checkEvery == null || checkEvery >= 0,
                "--check-every must be 0 (a twentieth of a candidate's steps) or" + " more, got " + checkEvery);
        if (patience != null || checkEvery != null) {
            stopping = new EarlyStopping(
                    checkEvery != null ? checkEvery : stopping.every(),
                    patience != null ? patience : stopping.patience());
        }
        ValidationPlan.ObjectiveData on = base.objectiveOn();
        if (objectiveOn != null) {
            try {
                on = ValidationPlan.ObjectiveData.parse(objectiveOn);
            } catch (IllegalArgumentException e) {
                throw new UsageError("--objective-on " + e.getMessage());
            }
        }
        ValidationPlan.FinalEnsemble last = base.finalEnsemble();
        if (finalEnsemble != null) {
            try {
                last = ValidationPlan.FinalEnsemble.parse(finalEnsemble);
            } catch (IllegalArgumentException e) {
                throw new UsageError("--final " + e.getMessage());
            }
        }
        ValidationPlan.Temperature scaling = base.temperature();
        if (temperature != null) {
            try {
                scaling = ValidationPlan.Temperature.parse(temperature);
            } catch (IllegalArgumentException e) {
                throw new UsageError("--temperature " + e.getMessage());
            }
        }
        check(bags == null || bags >= 1, "--bags must be 1 (one search) or more, got " + bags);
        return new ValidationPlan(stopping, on, last, scaling).withRefit(refit).withBags(bags == null ? 1 : bags);
    }

    /**
     * Sets --optimizer, --weight-decay, --schedule, --warmup-steps, --label-smoothing, --augment and --clip-norm on the
     * configuration: the library checks the values (its messages name the option through {@link #OPTIONS}), as it
     * does for the Java API's builders.
     *
     * @param b the configuration under construction
     */
    private void training(SearchConfig.Builder b) {
        if (optimizer != null) {
            try {
                b.optimizer(org.saepj.search.TrainingPlan.OptimizerChoice.parse(optimizer));
            } catch (IllegalArgumentException e) {
                throw new UsageError("--optimizer " + e.getMessage());
            }
        }
        if (schedule != null) {
            try {
                b.schedule(org.saepj.engine.optim.LearningRateSchedule.Kind.parse(schedule));
            } catch (IllegalArgumentException e) {
                throw new UsageError("--schedule " + e.getMessage());
            }
        }
        if (augment != null) {
            try {
                b.augmentation(org.saepj.data.Augmentation.parse(augment));
            } catch (IllegalArgumentException e) {
                throw new UsageError("--augment " + e.getMessage());
            }
        }
        if (weightDecay != null) {
            b.weightDecay(weightDecay);
        }
        if (warmupSteps != null) {
            b.warmupSteps(warmupSteps);
        }
        if (labelSmoothing != null) {
            b.labelSmoothing(labelSmoothing);
        }
        if (clipNorm != null) {
            b.clipNorm(clipNorm);
        }
    }

    /** The option that sets each configuration setting. */
    private static final java.util.Map<String, String> OPTIONS = java.util.Map.ofEntries(
            java.util.Map.entry("dataset", "--data"),
            java.util.Map.entry("pair", "--pair"),
            java.util.Map.entry("folds", "--folds"),
            java.util.Map.entry("testFraction", "--test-fraction"),
            java.util.Map.entry("scaling", "--scaling"),
            java.util.Map.entry("selection", "--selection"),
            java.util.Map.entry("model", "--model"),
            java.util.Map.entry("width", "--width"),
            java.util.Map.entry("learningRate", "--lr"),
            java.util.Map.entry("iterations", "--iterations"),
            java.util.Map.entry("totalSteps", "--steps"),
            java.util.Map.entry("batchSize", "--batch"),
            java.util.Map.entry("maxSeconds", "--max-time"),
            java.util.Map.entry("lambda", "--lambda"),
            java.util.Map.entry("beta", "--beta"),
            java.util.Map.entry("mixture", "--mixture"),
            java.util.Map.entry("regressionLoss", "--loss"),
            java.util.Map.entry("threads", "--threads"),
            java.util.Map.entry("criterion", "--method"),
            java.util.Map.entry("space", "--space"),
            java.util.Map.entry("validation", "--validation"),
            java.util.Map.entry("refit", "--refit"),
            java.util.Map.entry("bags", "--bags"),
            java.util.Map.entry("optimizer", "--optimizer"),
            java.util.Map.entry("weightDecay", "--weight-decay"),
            java.util.Map.entry("schedule", "--schedule"),
            java.util.Map.entry("warmupSteps", "--warmup-steps"),
            java.util.Map.entry("labelSmoothing", "--label-smoothing"),
            java.util.Map.entry("augmentation", "--augment"),
            java.util.Map.entry("clipNorm", "--clip-norm"));

    /**
     * @param e a setting the library refused
     * @return the same message in terms of the option that set it (the iteration count as {@code --iterations})
     */
    static UsageError usage(InvalidSettingException e) {
        String option = OPTIONS.get(e.setting());
        String problem = e.problem().replace("the number of iterations", "--iterations");
        return new UsageError(option == null ? e.getMessage() : option + " " + problem);
    }

    /**
     * A batch the data can fill: without {@code --batch}, a training part of fewer rows than the default batch trains
     * on all its rows at each step (a small table is not refused for an option the user never gave).
     *
     * @param config the configuration built by {@link #toConfig}
     * @param trainingRows the rows of the training part
     * @param err where the note goes
     * @return the configuration, its batch fitted to the data when --batch was not given
     */
    public SearchConfig withBatchFor(SearchConfig config, int trainingRows, java.io.PrintWriter err) {
        if (batch != null || trainingRows >= config.batchSize() || trainingRows < 1) {
            return config;
        }
        err.println("note: batches of " + trainingRows + ", every training row (the default " + DEFAULT_BATCH
                + " is more than the data has; --batch sets it)");
        return config.toBuilder().batchSize(trainingRows).build();
    }

    /**
     * Resolves {@code --pair} given as class names ({@code --pair Coat,Bag}) against the loaded data's classes.
     *
     * @param config the configuration built by {@link #toConfig}
     * @param targets the loaded training data's targets
     * @return the configuration with the pair's indices (unchanged when --pair was not given by name)
     * @throws UsageError when --pair is given for targets without classes (a regression)
     */
    public SearchConfig withPairNames(SearchConfig config, org.saepj.task.Targets targets) {
        if (pair == null) {
            return config;
        }
        if (!(targets instanceof org.saepj.task.ClassLabels labels)) {
            throw new UsageError("--pair picks two classes, but the target is learnt by "
                    + targets.task().id() + " (it has no classes): leave --pair out, or use --task classification");
        }
        if (config.pair() != null) {
            return config;
        }
        java.util.List<String> classNames = labels.classNames();
        String[] parts = pair.split(",");
        try {
            return config.toBuilder()
                    .pair(classIndex(parts[0].strip(), classNames), classIndex(parts[1].strip(), classNames))
                    .build();
        } catch (InvalidSettingException e) {
            throw usage(e);
        }
    }

    /**
     * Refuses, before anything is written, settings the loaded data cannot take: {@code --scaling robust} on images.
     *
     * @param config the configuration these options made
     * @param input the shape of one sample of the loaded data
     * @throws UsageError naming the option
     */
    public void checkFits(SearchConfig config, org.saepj.data.Shape input) {
        try {
            config.data().checkFits(input);
        } catch (InvalidSettingException e) {
            throw usage(e);
        }
    }

    /**
     * Refuses, before anything is written, a training plan the search space cannot take: {@code --weight-decay} with
     * the space's own optimizer when a family does not train with SGD with momentum.
     *
     * @param config the configuration these options made, its space chosen
     * @param train the training part, whose shape and outputs the space is made for
     * @throws UsageError naming the option
     */
    public static void checkTraining(SearchConfig config, org.saepj.data.Dataset train) {
        try {
            config.training().apply(config.searchSpace(train.shape(), train.outputWidth()));
        } catch (InvalidSettingException e) {
            throw usage(e);
        }
    }

    private static int classIndex(String name, java.util.List<String> classNames) {
        int exact = classNames.indexOf(name);
        if (exact >= 0) {
            return exact;
        }
        for (int c = 0; c < classNames.size(); c++) {
            if (classNames.get(c).equalsIgnoreCase(name)) {
                return c;
            }
        }
        throw new UsageError("--pair: no class named '" + name + "': the classes are " + String.join(", ", classNames));
    }

    /** @return a duration such as 90, 90s, 20m or 2h in seconds */
    public static double seconds(String duration) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([smh]?)")
                .matcher(duration.strip());
        if (!m.matches() || Double.parseDouble(m.group(1)) <= 0) {
            throw new UsageError(
                    "--max-time must be a positive duration such as 90s, 20m or 2h, got '" + duration + "'");
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "m" -> value * 60;
            case "h" -> value * 3600;
            default -> value;
        };
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new UsageError(message);
        }
    }
}
