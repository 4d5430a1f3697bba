package org.saepj.data.preprocess;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.saepj.KindRegistry;
import org.saepj.Suggestion;
import org.saepj.UnknownNameException;

/**
 * The registry of {@link StepKind}s: every kind the jars on the class path declare in
 * {@code META-INF/services/org.saepj.data.preprocess.StepKind}, found once, by type name or by step class.
 */
public final class StepKinds {
    /** Type names are what files hold: lower case, digits, '-' and '_'. */
    private static final Pattern TYPE_NAME = Pattern.compile("[a-z][a-z0-9_-]*");

    @SuppressWarnings({"unchecked", "rawtypes"}) // the service is the raw interface; its kinds are StepKind<?>
    private static final KindRegistry<StepKind<?>> KINDS = new KindRegistry<>(
            (Class<StepKind<?>>) (Class) StepKind.class, "step", TYPE_NAME, k -> k.type(), k -> k.stepClass());

    private StepKinds() {}

    /** @return the registered type names, sorted */
    public static List<String> types() {
        return KINDS.types();
    }

    /**
     * @param type a type name
     * @return the kind of that name, when one is registered
     */
    public static Optional<StepKind<?>> find(String type) {
        return KINDS.find(type);
    }

    /**
     * @param type a type name, as a file holds it
     * @return the kind of that name
     * @throws UnknownNameException naming the type and listing the known ones
     */
    public static StepKind<?> require(String type) {
        return find(type)
                .orElseThrow(() -> new UnknownNameException("preprocessing step type '" + type + "' unknown: expected "
                        + String.join(", ", types()) + Suggestion.hint(type, types())));
    }

    /**
     * @param step a fitted step
     * @return its kind's type name, as files hold it
     * @throws IllegalArgumentException when its class belongs to no registered kind
     */
    public static String typeOf(PreprocessingStep step) {
        return KINDS.owner(step.getClass()).type();
    }
}
