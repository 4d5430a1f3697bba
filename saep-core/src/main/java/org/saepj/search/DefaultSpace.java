package org.saepj.search;

import java.util.Objects;
import java.util.Optional;
import org.saepj.data.Shape;
import org.saepj.persistence.BuiltInSpaces;
import org.saepj.subnetwork.SpaceDefinition;

/**
 * The search space of a search that names none, by preset and data kind: under {@link Preset#VALIDATED} a table
 * gets the built-in residual MLP and an image the built-in residual CNN ({@link BuiltInSpaces}); under
 * {@link Preset#PAPER} every search keeps the paper's DNN, so that the paper's numbers stay bit for bit. The command
 * line and the Java facade both ask this one rule, once the data is loaded (its shape is the data kind). Images also
 * get their own member budget ({@link Epochs#IMAGES}) where the configuration has the preset's data-scaled one: a
 * residual-CNN step costs tens of times a table's; a time budget ({@code --max-time}) plans from the preset's own,
 * whose ceiling it passes where the time holds more ({@link Budget#mostStepsUnderTime}).
 *
 * @param name the built-in space's name
 * @param definition the built-in space
 * @param budget each candidate's budget for this data kind, or null to keep the configuration's (a budget given)
 * @param reason why this space, in words for the run's first lines
 */
public record DefaultSpace(String name, SpaceDefinition definition, Epochs budget, String reason) {
    /**
     * Checks that every part but the budget is there.
     *
     * @param name the built-in space's name
     * @param definition the built-in space
     * @param budget each candidate's budget, or null to keep the configuration's
     * @param reason why this space
     */
    public DefaultSpace {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * @param config the search's configuration, its space left to the default
     * @param input the shape of one sample of the loaded data
     * @return the space a search of that configuration on that data gets when it names none, or empty for the paper's
     *     DNN (the model a configuration has when none is set) when its choices are the paper preset's — also when
     *     they were spelled out as options over another preset
     */
    public static Optional<DefaultSpace> forData(SearchConfig config, Shape input) {
        if (Preset.of(config).orElse(null) == Preset.PAPER) {
            return Optional.empty();
        }
        String name = input.isImage() ? BuiltInSpaces.RESIDUAL_CNN : BuiltInSpaces.RESIDUAL_MLP;
        String kind = input.isImage() ? "images (" + input + ")" : "a table (" + input.size() + " feature columns)";
        // only the preset's own budget is replaced: steps or epochs given are the user's, and a time budget
        // (--max-time) plans from the preset's own, so the time given, not this cap, bounds the members (TimePlan
        // trains them past the preset's ceiling too where the time holds more)
        boolean presetBudget =
                Epochs.DATA_SCALED.equals(config.epochs()) && config.stopping().maxSeconds() == 0;
        Epochs budget = input.isImage() && presetBudget ? Epochs.IMAGES : null;
        String budgetNote = budget == null
                ? ""
                : "; at most " + budget.maxSteps() + " steps a candidate on images (--epochs, --steps or"
                        + " --max-time set another budget)";
        return Optional.of(new DefaultSpace(
                name,
                BuiltInSpaces.get(name),
                budget,
                "built-in " + name + ", the default for " + kind + " under preset " + Preset.describe(config)
                        + " (--preset paper searches the paper's dnn)" + budgetNote));
    }

    /**
     * @param config a configuration whose space was left to the default (the paper's DNN model, no file, no plug-in)
     * @return the configuration searching this space (with this data kind's budget, where it has one)
     */
    public SearchConfig applyTo(SearchConfig config) {
        SearchConfig.Builder b = config.toBuilder().space(definition);
        return (budget == null ? b : b.epochs(budget)).build();
    }

    /** @return the line a search prints after its first: which space, and why */
    public String describe() {
        return "search space: " + reason;
    }
}
