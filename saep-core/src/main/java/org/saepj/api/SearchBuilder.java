package org.saepj.api;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.saepj.SaepException;
import org.saepj.UsageException;
import org.saepj.data.Augmentation;
import org.saepj.data.SourceData;
import org.saepj.data.preprocess.Scaling;
import org.saepj.engine.optim.LearningRateSchedule;
import org.saepj.persistence.BuiltInSpaces;
import org.saepj.persistence.SpaceFiles;
import org.saepj.pruning.Criteria;
import org.saepj.pruning.CriterionSpec;
import org.saepj.search.DefaultBags;
import org.saepj.search.DefaultSpace;
import org.saepj.search.InvalidSettingException;
import org.saepj.search.Mixture;
import org.saepj.search.Preset;
import org.saepj.search.SearchConfig;
import org.saepj.search.SearchListener;
import org.saepj.search.TrainingPlan;
import org.saepj.subnetwork.ModelKind;
import org.saepj.subnetwork.SpacePlugin;
import org.saepj.subnetwork.Spaces;

/**
 * The settings every kind of search shares — the preset, the method, the budget, the seed, the threads, the search
 * space, where the run is written, and how the data given is named or read (feature names, a CSV file's header) — with
 * the defaults of {@code saep search}: {@link Preset#DEFAULT} (every choice on a stratified tenth of the training data
 * held out for validation, each candidate 50 epochs, 454 to 5000 steps), plain AdaNet, 11 iterations, batch 64,
 * learning rate 0.003, the search space {@link DefaultSpace} chooses for the data (the built-in residual MLP for a
 * table, the residual CNN for images; the paper's DNN of width 32 under the paper's preset or when {@link #width} is
 * given), uniform mixture, seed 1, every core, each space's optimizer at a constant rate without smoothing,
 * augmentation or clipping; {@code preset(Preset.PAPER)} gives the paper's configuration, as
 * {@code saep search --preset paper} does. A classifier's builder
 * ({@link ClassifierBuilder}) and a regressor's ({@link RegressorBuilder}) add what each fits on.
 *
 * <p>Nothing is checked until {@code fit}, which checks every setting before any work and reports the first that
 * cannot be used in one line naming this builder's method ({@code iterations must be at least 1, got 0}).
 *
 * @param <B> the concrete builder, returned by every setter
 */
public abstract class SearchBuilder<B extends SearchBuilder<B>> {
    /** The {@link SearchConfig} setting each method of this builder sets, for messages: the rest keep their names. */
    private static final Map<String, String> METHODS =
            Map.of("totalSteps", "steps", "criterion", "method", "space", "spaceFile", "dataset", "source");

    private Preset preset = Preset.DEFAULT;
    private boolean stepsGiven;
    private String method = "adanet";
    private final Map<String, Double> parameters = new LinkedHashMap<>();
    private final SearchConfig.Builder settings = SearchConfig.builder();
    private boolean modelGiven;
    private boolean widthGiven;
    private boolean bagsGiven;
    private String builtInSpace;
    private Path spaceFile;
    private SpacePlugin spacePlugin;
    private Path outputFolder;
    private SearchListener listener = SearchListener.NONE;
    private List<String> featureNames;
    private Boolean header;

    /** Only the builders of this package: each kind of search is one. */
    SearchBuilder() {}

    /** @return this builder as its own type */
    abstract B self();

    /**
     * @param start where the settings start, as {@code saep search --preset} names it: {@link Preset#VALIDATED} (the
     *     default: choices on a validation part, a budget in epochs unless {@link #steps} is given) or
     *     {@link Preset#PAPER} (the paper's: choices on the training data, 5000 steps in all, the last iteration)
     * @return this builder
     */
    public B preset(Preset start) {
        preset = Objects.requireNonNull(start, "preset");
        return self();
    }

    /**
     * @param id {@code adanet} (keep every member, the default) or a pruning criterion's id: {@code prs}, {@code pap},
     *     {@code pie}, or any other registered one ({@code topk}, a plug-in's, …; {@code saep search --help} lists
     *     them)
     * @return this builder
     */
    public B method(String id) {
        method = Objects.requireNonNull(id, "method");
        return self();
    }

    /**
     * @param name a parameter the method declares ({@code alpha} for PIE, …)
     * @param value its value (the rest keep their defaults)
     * @return this builder
     */
    public B parameter(String name, double value) {
        parameters.put(Objects.requireNonNull(name, "parameter name"), value);
        return self();
    }

    /**
     * @param iterations search iterations (default 11)
     * @return this builder
     */
    public B iterations(int iterations) {
        settings.iterations(iterations);
        return self();
    }

    /**
     * @param steps training steps in total, split evenly over the iterations, instead of the preset's budget in epochs
     *     (default: the preset's; 5000 with the paper's)
     * @return this builder
     */
    public B steps(int steps) {
        settings.totalSteps(steps);
        stepsGiven = true;
        return self();
    }

    /**
     * @param maxTime the search's time budget: a short probe measures this machine's training speed, then the
     *     iterations and each member's steps are reduced from the configured ones until they fit, and an iteration
     *     predicted not to fit the time left is not started (the plan is in the fit's configuration); without
     *     {@link #steps}, where the time holds 3 iterations of more, members train past the preset's step ceiling
     *     instead, up to its epochs ({@link org.saepj.search.TimePlan#decide(double, int, int, int, int, int,
     *     boolean, org.saepj.search.TimePlan.Throughput)})
     * @return this builder
     */
    public B maxTime(java.time.Duration maxTime) {
        settings.stopping(new org.saepj.search.StoppingRule(false, maxTime.toNanos() / 1e9));
        return self();
    }

    /**
     * @param batchSize samples per training step (default 64)
     * @return this builder
     */
    public B batchSize(int batchSize) {
        settings.batchSize(batchSize);
        return self();
    }

    /**
     * @param learningRate the members' learning rate (default: the paper's 0.003 for its spaces, each family's own
     *     in a search space); given, every family of a search space trains at it instead of its own rate, as the CLI's
     *     {@code --lr}
     * @return this builder
     */
    public B learningRate(double learningRate) {
        settings.learningRate(learningRate);
        settings.familyLearningRate(learningRate);
        return self();
    }

    /**
     * @param width units per hidden layer of the paper's DNN space (default 32); given without a model or a space, the
     *     search searches the DNN
     * @return this builder
     */
    public B width(int width) {
        settings.width(width);
        widthGiven = true;
        return self();
    }

    /**
     * @param seed the seed of every random draw: the same seed, data and settings give the same model (default 1)
     * @return this builder
     */
    public B seed(long seed) {
        settings.seed(seed);
        return self();
    }

    /**
     * @param threads candidate-training threads (default: the number of cores); the result does not depend on it
     * @return this builder
     */
    public B threads(int threads) {
        settings.threads(threads);
        return self();
    }

    /**
     * @param mixture how members' outputs are weighted (default uniform)
     * @return this builder
     */
    public B mixture(Mixture mixture) {
        settings.mixture(Objects.requireNonNull(mixture, "mixture"));
        return self();
    }

    /**
     * @param lambda the complexity penalty λ (default 0)
     * @return this builder
     */
    public B lambda(double lambda) {
        settings.lambda(lambda);
        return self();
    }

    /**
     * @param beta the per-member penalty β (default 0)
     * @return this builder
     */
    public B beta(double beta) {
        settings.beta(beta);
        return self();
    }

    /**
     * @param optimizer the optimizer every candidate trains with, at the learning rate its space gives it:
     *     {@code SPACE} (the default: each family's own), {@code ADAM} or {@code ADAMW} (with {@link #weightDecay})
     * @return this builder
     */
    public B optimizer(TrainingPlan.OptimizerChoice optimizer) {
        settings.optimizer(Objects.requireNonNull(optimizer, "optimizer"));
        return self();
    }

    /**
     * @param weightDecay AdamW's decoupled weight decay λ with {@code optimizer(ADAMW)} (default 0.01 with it), or with
     *     the space's own optimizer the coupled L2 λ of its SGD with momentum (refused when a family trains with
     *     another optimizer)
     * @return this builder
     */
    public B weightDecay(double weightDecay) {
        settings.weightDecay(weightDecay);
        return self();
    }

    /**
     * @param schedule the learning rate over each candidate's steps: {@code CONSTANT} (the default), {@code COSINE}
     *     (half a cosine down to 0) or {@code ONECYCLE} (PyTorch's OneCycleLR with its defaults, the learning rate as
     *     its peak)
     * @return this builder
     */
    public B schedule(LearningRateSchedule.Kind schedule) {
        settings.schedule(Objects.requireNonNull(schedule, "schedule"));
        return self();
    }

    /**
     * @param warmupSteps steps of linear warm-up before a constant or cosine schedule (default 0, none)
     * @return this builder
     */
    public B warmupSteps(int warmupSteps) {
        settings.warmupSteps(warmupSteps);
        return self();
    }

    /**
     * @param labelSmoothing ε of the training loss's label smoothing, in [0, 1), classification only (default 0)
     * @return this builder
     */
    public B labelSmoothing(double labelSmoothing) {
        settings.labelSmoothing(labelSmoothing);
        return self();
    }

    /**
     * @param clipNorm the largest global L2 norm of each step's gradients, as PyTorch's {@code clip_grad_norm_} clips
     *     them (default 0, no clipping)
     * @return this builder
     */
    public B clipNorm(double clipNorm) {
        settings.clipNorm(clipNorm);
        return self();
    }

    /**
     * @param augmentation what is done to each training image, images only: random crop with zero padding, flip,
     *     erasing; {@code Augmentation.parse("crop,flip,erase")} reads the form {@code saep search --augment} takes
     *     (default: none)
     * @return this builder
     */
    public B augmentation(Augmentation augmentation) {
        settings.augmentation(Objects.requireNonNull(augmentation, "augmentation"));
        return self();
    }

    /**
     * @param refit true to retrain the final ensemble's members on the training rows and the validation part together
     *     once every choice has been made on the validation part, as {@code saep search --refit} does: each for the
     *     passes over the data its early stopping kept, from the same initial weights; the temperature stays the one
     *     fitted on the validation part before. Needs a validation part (the default preset holds one out).
     * @return this builder
     */
    public B refit(boolean refit) {
        settings.refit(refit);
        return self();
    }

    /**
     * @param bags K ≥ 2 for bagging, as {@code saep search --bags K} does: K searches, each holding out a validation
     *     part of its own (the validation fraction, stratified, drawn for it) and training on the rest, whose final
     *     ensembles are averaged (their union, each member's weight divided by K), with a temperature fitted on the
     *     out-of-bag outputs; K times the training. 1 for one search with one validation part (the default)
     * @return this builder
     */
    public B bags(int bags) {
        settings.bags(bags);
        bagsGiven = true;
        return self();
    }

    /**
     * @param testFraction the share of the rows held out to measure the result, for data without a test partition of
     *     its own: stratified by class for a classifier, drawn at random for a regressor (default 0.2)
     * @return this builder
     */
    public B testFraction(double testFraction) {
        settings.testFraction(testFraction);
        return self();
    }

    /**
     * @param scaling how a table's numeric features are scaled, fitted on the training part, as
     *     {@code saep search --scaling} does: {@link Scaling#STANDARD} (mean and standard deviation, the default),
     *     {@link Scaling#ROBUST} (median and interquartile range, softly clipped to about ±3), {@link Scaling#PLE}
     *     (piecewise-linear encoding with quantile bins) or {@link Scaling#AUTO} (the search runs on the first and the
     *     third and keeps the one of lower validation loss; it needs a validation part); stored in the model, applied
     *     by its predictions and ONNX export. Images keep their own scaling and refuse the others.
     * @return this builder
     */
    public B scaling(Scaling scaling) {
        settings.scaling(Objects.requireNonNull(scaling, "scaling"));
        return self();
    }

    /**
     * @param model one of the paper's search spaces (default {@link ModelKind#DNN}); excludes a space of one's own
     * @return this builder
     */
    public B model(ModelKind model) {
        settings.model(Objects.requireNonNull(model, "model"));
        modelGiven = true;
        return self();
    }

    /**
     * @param name a built-in search space ({@link BuiltInSpaces#names()}), as {@code saep search --space NAME} names it
     * @return this builder
     */
    public B builtInSpace(String name) {
        builtInSpace = Objects.requireNonNull(name, "builtInSpace");
        return self();
    }

    /**
     * @param file a search-space file (docs/SEARCH_SPACES.md), as {@code saep search --space FILE} reads it
     * @return this builder
     */
    public B spaceFile(Path file) {
        spaceFile = Objects.requireNonNull(file, "spaceFile");
        return self();
    }

    /**
     * @param id a search-space plug-in's id on the class path, as {@code saep search --space ID} names it
     * @param spaceParameters its parameters ({@code --space-param}), or an empty map
     * @return this builder
     */
    public B spacePlugin(String id, Map<String, Double> spaceParameters) {
        spacePlugin = new SpacePlugin(Objects.requireNonNull(id, "spacePlugin"), spaceParameters);
        return self();
    }

    /**
     * @param folder where the run is written as {@code saep search --out} writes it (report.json, iterations.csv,
     *     plots, report.html and the saved ensemble in {@code ensemble/}; the command's own run.json and search.log
     *     aside), checkpointed after every iteration; it must be new or empty. Without it (the default) nothing is
     *     written.
     * @return this builder
     */
    public B outputFolder(Path folder) {
        outputFolder = Objects.requireNonNull(folder, "outputFolder");
        return self();
    }

    /**
     * @param searchListener told of each iteration as the search goes (default: nothing)
     * @return this builder
     */
    public B listener(SearchListener searchListener) {
        listener = Objects.requireNonNull(searchListener, "listener");
        return self();
    }

    /**
     * @param names one name per feature column of the arrays {@code fit} takes: stored in the saved model, so that
     *     {@code saep predict --data csv:FILE} matches a file's columns by name (default: none, columns by position)
     * @return this builder
     */
    public B featureNames(List<String> names) {
        featureNames = List.copyOf(Objects.requireNonNull(names, "featureNames"));
        return self();
    }

    /**
     * @param hasHeader whether a CSV source starts with a header row ({@code --header yes|no}; default: detected)
     * @return this builder
     */
    public B header(boolean hasHeader) {
        header = hasHeader;
        return self();
    }

    /** @return the feature names given for arrays, or null for none */
    List<String> featureNames() {
        return featureNames;
    }

    /** @return whether a CSV file has a header: empty to detect it */
    java.util.Optional<Boolean> header() {
        return java.util.Optional.ofNullable(header);
    }

    /**
     * @param what the source's kind, for the message ({@code a data source})
     * @throws SaepException when feature names were given for data that names its own features
     */
    void refuseFeatureNames(String what) {
        if (featureNames != null) {
            throw new UsageException("featureNames: for arrays only; " + what + " names its own features");
        }
    }

    /**
     * Checks the output folder, then searches.
     *
     * @param config the checked settings
     * @param data the checked data
     * @return the finished search
     * @throws SaepException when the output folder cannot be used or the data cannot be split
     */
    ModelSearch.Fit search(SearchConfig config, SourceData data) {
        if (outputFolder != null) {
            OutputFolder.check(outputFolder, "outputFolder");
        }
        boolean spaceGiven =
                modelGiven || widthGiven || spaceFile != null || spacePlugin != null || builtInSpace != null;
        SearchConfig spaced = spaceGiven
                ? config
                : DefaultSpace.forData(config, data.train().shape())
                        .map(d -> d.applyTo(config))
                        .orElse(config);
        SearchConfig searched = bagsGiven
                ? spaced
                : DefaultBags.forData(
                                spaced,
                                data.train().shape(),
                                data.train().targets().task(),
                                () -> ModelSearch.trainingRows(spaced, data))
                        .map(b -> b.applyTo(spaced))
                        .orElse(spaced);
        try {
            return ModelSearch.run(searched, data, outputFolder, listener);
        } catch (InvalidSettingException e) {
            // a setting the data's task cannot take (a criterion judging predicted classes, for a regression),
            // found once the task is known: refused before any training, as config() refuses the others
            throw refusal(e);
        }
    }

    /** @return the output folder, or null to keep the run in memory */
    Path outputFolder() {
        return outputFolder;
    }

    /** @return the progress listener */
    SearchListener listener() {
        return listener;
    }

    /**
     * Checks every setting, as {@code saep search} checks its options.
     *
     * @param dataset the data source the configuration records
     * @return the validated configuration
     * @throws SaepException naming the builder method whose value cannot be used
     */
    SearchConfig config(String dataset) {
        if ((spaceFile != null ? 1 : 0)
                        + (spacePlugin != null ? 1 : 0)
                        + (modelGiven ? 1 : 0)
                        + (builtInSpace != null ? 1 : 0)
                > 1) {
            throw new UsageException(
                    "model, spaceFile, spacePlugin and builtInSpace exclude each other: give one search space");
        }
        Criteria criteria = Criteria.discover();
        try {
            criteria.provider(method);
        } catch (IllegalArgumentException e) {
            throw new UsageException("method: " + e.getMessage(), e);
        }
        try {
            if (spaceFile != null) {
                settings.space(SpaceFiles.read(spaceFile));
            }
            if (builtInSpace != null) {
                settings.space(BuiltInSpaces.find(builtInSpace)
                        .orElseThrow(() -> new UsageException("builtInSpace: no built-in search space is named '"
                                + builtInSpace + "': they are " + String.join(", ", BuiltInSpaces.names()))));
            }
            if (spacePlugin != null) {
                Spaces spaces = Spaces.discover();
                if (spaces.find(spacePlugin.id()).isEmpty()) {
                    throw new UsageException("spacePlugin: no search-space plug-in has the id '" + spacePlugin.id()
                            + "' ("
                            + (spaces.providers().isEmpty()
                                    ? "none is on the class path"
                                    : "the plug-ins are "
                                            + String.join(
                                                    ", ",
                                                    spaces.providers().stream()
                                                            .map(p -> p.id())
                                                            .toList()))
                            + ")");
                }
                settings.spacePlugin(spacePlugin);
            }
            // The preset's choices and budget, set again at every fit so that a changed preset or steps count.
            preset.applyTo(settings);
            if (stepsGiven) {
                settings.epochs(null);
            }
            return settings.dataset(dataset)
                    .criteria(criteria)
                    .criterion(CriterionSpec.of(method, parameters))
                    .build();
        } catch (InvalidSettingException e) {
            throw refusal(e);
        } catch (IllegalArgumentException e) {
            // the criterion's own check of its parameters: one it does not declare, or a value it refuses
            throw new UsageException("parameter: " + e.getMessage(), e);
        }
    }

    /** @return the setting's problem in one line naming this builder's method */
    private static UsageException refusal(InvalidSettingException e) {
        return new UsageException(METHODS.getOrDefault(e.setting(), e.setting()) + " " + e.problem(), e);
    }
}
