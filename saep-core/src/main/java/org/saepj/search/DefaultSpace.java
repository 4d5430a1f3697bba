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
 * line and the Java facade both ask this one rule, once the data is loaded (its shape is the data kind).
 *
 * @param name the built-in space's name
 * @param definition the built-in space
 * @param reason why this space, in words for the run's first lines
 */
public record DefaultSpace(String name, SpaceDefinition definition, String reason) {
    /**
     * Checks that every part is there.
     *
     * @param name the built-in space's name
     * @param definition the built-in space
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
        return Optional.of(new DefaultSpace(
                name,
                BuiltInSpaces.get(name),
                "built-in " + name + ", the default for " + kind + " under preset " + Preset.describe(config)
                        + " (--preset paper searches the paper's dnn)"));
    }

    /**
     * @param config a configuration whose space was left to the default (the paper's DNN model, no file, no plug-in)
     * @return the configuration searching this space
     */
    public SearchConfig applyTo(SearchConfig config) {
        return config.toBuilder().space(definition).build();
    }

    /** @return the line a search prints after its first: which space, and why */
    public String describe() {
        return "search space: " + reason;
    }
}
