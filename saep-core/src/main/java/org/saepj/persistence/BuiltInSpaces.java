package org.saepj.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.saepj.subnetwork.SpaceDefinition;

/**
 * The search spaces shipped inside the library, as space files ({@code org/saepj/spaces/NAME.json} resources, the
 * format of docs/SEARCH_SPACES.md): {@code residual-mlp}, the default for tables, and {@code residual-cnn}, the
 * default for images. {@code --space NAME} names one when no file of that name exists; a search stores the whole
 * definition, as it stores a file's, so that a run resumes with the space it started with.
 */
public final class BuiltInSpaces {
    /** The residual MLP family: the default space for tables. */
    public static final String RESIDUAL_MLP = "residual-mlp";

    /** The small ResNet family: the default space for images. */
    public static final String RESIDUAL_CNN = "residual-cnn";

    private static final List<String> NAMES = List.of(RESIDUAL_MLP, RESIDUAL_CNN);

    private BuiltInSpaces() {}

    /** @return the names of the built-in spaces */
    public static List<String> names() {
        return NAMES;
    }

    /**
     * @param name a space's name, as typed
     * @return the built-in space of that name, checked, or empty when none has it
     */
    public static Optional<SpaceDefinition> find(String name) {
        return NAMES.contains(name) ? Optional.of(get(name)) : Optional.empty();
    }

    /**
     * @param name one of {@link #names()}
     * @return its definition, checked
     * @throws IllegalArgumentException when no built-in space has that name
     */
    public static SpaceDefinition get(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException(
                    "no built-in search space is named '" + name + "': they are " + String.join(", ", NAMES));
        }
        String resource = "/org/saepj/spaces/" + name + ".json";
        try (InputStream in = BuiltInSpaces.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the library's jar lacks " + resource);
            }
            return JsonFormat.mapper().readValue(in, SpaceDefinition.class).validate();
        } catch (JsonProcessingException e) {
            // a shipped file that does not parse is the library's fault, found by BuiltInSpacesTest
            throw new IllegalStateException(resource + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(resource + ": cannot read", e);
        }
    }
}
