package org.saepj.search;

import java.util.Optional;
import org.saepj.EnumNames;

/**
 * A named starting point for the settings that decide what data each choice is made on and how long each candidate
 * trains ({@code --preset}); every setting given besides it overrides its value. {@link #DEFAULT} is the command
 * line's and the Java facade's ({@code org.saepj.api}); {@link SearchConfig#builder()} starts from {@link #PAPER}.
 */
public enum Preset {
    /** The paper's: selection and pruning on the training data, fixed steps, the last iteration's ensemble. */
    PAPER(SelectionSet.TRAIN, ValidationPlan.PAPER, null),
    /**
     * Every choice on a validation part: a stratified tenth of the training data held out, on which candidates stop
     * early (best parameters kept), options are selected, members are pruned and the best iteration is chosen; and
     * each candidate's steps grow with the data ({@link Epochs#DATA_SCALED}) unless a number of steps is given.
     */
    VALIDATED(new SelectionSet(Preset.VALIDATION_FRACTION), ValidationPlan.VALIDATED, Epochs.DATA_SCALED);

    /**
     * The preset of a search that names none: choices on validation data win on held-out data where the paper's
     * choices on the training data cannot tell members apart (docs/RESULTS.md); the paper's stays one option away.
     */
    public static final Preset DEFAULT = VALIDATED;

    /** The name of choices that are no preset's: options given beside {@code --preset} changed some. */
    public static final String CUSTOM = "custom";

    /**
     * The validation part of {@link #VALIDATED}: a tenth keeps nine tenths for training and, from a few thousand
     * rows, enough validation rows per class to rank candidates and iterations.
     */
    static final double VALIDATION_FRACTION = 0.1;

    private final SelectionSet selection;
    private final ValidationPlan validation;
    private final Epochs epochs;

    Preset(SelectionSet selection, ValidationPlan validation, Epochs epochs) {
        this.selection = selection;
        this.validation = validation;
        this.epochs = epochs;
    }

    /** @return the data selection and pruning use, and the validation part held out */
    public SelectionSet selection() {
        return selection;
    }

    /** @return which choices are made on the validation part */
    public ValidationPlan validation() {
        return validation;
    }

    /** @return each candidate's budget in epochs when no number of steps is given, or empty for fixed steps */
    public Optional<Epochs> epochs() {
        return Optional.ofNullable(epochs);
    }

    /**
     * Sets this preset's selection data, validation choices and epoch budget; the other settings stay as they are.
     *
     * @param builder a configuration under construction
     * @return the same builder
     */
    public SearchConfig.Builder applyTo(SearchConfig.Builder builder) {
        return builder.selection(selection).validation(validation).epochs(epochs);
    }

    /**
     * The preset whose choices a configuration keeps, for its report: the same selection data and the same choices on
     * the validation part. The budget is not part of it: steps or epochs given are a budget like the iterations,
     * recorded in the configuration; nor are the bags ({@link DefaultBags}). A configuration whose options changed a
     * choice has none.
     *
     * @param config a search's configuration
     * @return the preset, or empty
     */
    public static Optional<Preset> of(SearchConfig config) {
        for (Preset p : values()) {
            // the bags, like the budget, are scaled to the data (DefaultBags) and recorded in the configuration
            if (p.selection.equals(config.selection())
                    && p.validation.equals(config.validation().withBags(1))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * @param config a search's configuration
     * @return how its report and first line name its choices: {@code paper}, {@code validated}, or {@code custom}
     *     when options changed a preset's
     */
    public static String describe(SearchConfig config) {
        return of(config).map(Preset::id).orElse(CUSTOM);
    }

    /** @return the name as typed */
    public String id() {
        return EnumNames.id(this);
    }

    /**
     * @param id a typed name
     * @return the preset
     * @throws IllegalArgumentException naming the presets when there is none of that name
     */
    public static Preset parse(String id) {
        return EnumNames.parse(Preset.class, id, "'%s' is not a preset");
    }
}
