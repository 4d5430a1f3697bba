package org.saepj.data.preprocess;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.saepj.Providers;
import org.saepj.Suggestion;
import org.saepj.UnknownNameException;

/**
 * The registry of {@link StepKind}s: every kind the jars on the class path declare in
 * {@code META-INF/services/org.saepj.data.preprocess.StepKind}, found once, by type name or by step class.
 */
public final class StepKinds {
    /** Type names are what files hold: lower case, digits, '-' and '_'. */
    private static final Pattern TYPE_NAME = Pattern.compile("[a-z][a-z0-9_-]*");
    private static final Map<String, StepKind<?>> BY_TYPE;
    private static final Map<Class<?>, StepKind<?>> BY_STEP;

    static {
        Map<String, StepKind<?>> byType = new TreeMap<>();
        Map<Class<?>, StepKind<?>> byStep = new HashMap<>();
        for (StepKind<?> kind : Providers.all(StepKind.class)) {
            String who = kind.getClass().getName();
            if (kind.type() == null || !TYPE_NAME.matcher(kind.type()).matches()) {
                throw new IllegalStateException(who + ": step type name '" + kind.type() + "' must match " + TYPE_NAME);
            }
            boolean twice = byType.containsKey(kind.type()) || byStep.containsKey(kind.stepClass());
            if (twice || !kind.stepClass().isRecord()) {
                throw new IllegalStateException(who + ": step type '" + kind.type() + "' and its record "
                        + kind.stepClass().getName() + " must be registered once, the record a record of its own");
            }
            byType.put(kind.type(), kind);
            byStep.put(kind.stepClass(), kind);
        }
        BY_TYPE = Collections.unmodifiableMap(byType);
        BY_STEP = Map.copyOf(byStep);
    }

    private StepKinds() {
    }

    /** @return the registered type names, sorted */
    public static List<String> types() {
        return List.copyOf(BY_TYPE.keySet());
    }

    /**
     * @param type a type name
     * @return the kind of that name, when one is registered
     */
    public static Optional<StepKind<?>> find(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    /**
     * @param type a type name, as a file holds it
     * @return the kind of that name
     * @throws UnknownNameException naming the type and listing the known ones
     */
    public static StepKind<?> require(String type) {
        return find(type).orElseThrow(() -> new UnknownNameException("preprocessing step type '" + type
                + "' unknown: expected " + String.join(", ", types()) + Suggestion.hint(type, types())));
    }

    /**
     * @param step a fitted step
     * @return its kind's type name, as files hold it
     * @throws IllegalStateException when its class belongs to no registered kind
     */
    public static String typeOf(PreprocessingStep step) {
        StepKind<?> kind = BY_STEP.get(step.getClass());
        if (kind == null) {
            throw new IllegalStateException(step.getClass().getName() + " is the step of no registered StepKind");
        }
        return kind.type();
    }
}
