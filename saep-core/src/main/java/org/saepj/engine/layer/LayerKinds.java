package org.saepj.engine.layer;

import java.util.ArrayList;
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
 * The registry of {@link LayerKind}s: every kind the jars on the class path declare in
 * {@code META-INF/services/org.saepj.engine.layer.LayerKind}, found once, by type name or by spec class.
 */
public final class LayerKinds {
    /** Type names are what files hold: lower case, digits and underscores. */
    private static final Pattern TYPE_NAME = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Map<String, LayerKind<?>> BY_TYPE;
    private static final Map<Class<?>, LayerKind<?>> BY_SPEC;

    static {
        Map<String, LayerKind<?>> byType = new TreeMap<>();
        Map<Class<?>, LayerKind<?>> bySpec = new HashMap<>();
        for (LayerKind<?> kind : Providers.all(LayerKind.class)) {
            check(kind, byType.get(kind.type()), bySpec.get(kind.specClass()));
            byType.put(kind.type(), kind);
            bySpec.put(kind.specClass(), kind);
        }
        BY_TYPE = Collections.unmodifiableMap(byType);
        BY_SPEC = Map.copyOf(bySpec);
    }

    private LayerKinds() {
    }

    /** A kind that would make files ambiguous or unreadable stops SAEP-J at start-up rather than at the first file. */
    private static void check(LayerKind<?> kind, LayerKind<?> sameType, LayerKind<?> sameSpec) {
        String who = kind.getClass().getName();
        if (kind.type() == null || !TYPE_NAME.matcher(kind.type()).matches()) {
            throw new IllegalStateException(who + ": layer type name '" + kind.type() + "' must match " + TYPE_NAME);
        }
        if (sameType != null) {
            throw new IllegalStateException("layer type '" + kind.type() + "' is registered twice: by "
                    + sameType.getClass().getName()
                    + " and " + who);
        }
        if (!kind.specClass().isRecord() || sameSpec != null) {
            throw new IllegalStateException(who + ": the spec " + kind.specClass().getName()
                    + " must be a record of its own kind, not shared with another");
        }
    }

    /** @return the registered type names, sorted */
    public static List<String> types() {
        return List.copyOf(BY_TYPE.keySet());
    }

    /** @return every registered kind, sorted by type name */
    public static List<LayerKind<?>> all() {
        return new ArrayList<>(BY_TYPE.values());
    }

    /**
     * @param type a type name
     * @return the kind of that name, when one is registered
     */
    public static Optional<LayerKind<?>> find(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    /**
     * @param type a type name, as a file holds it
     * @return the kind of that name
     * @throws UnknownNameException naming the type and listing the known ones
     */
    public static LayerKind<?> require(String type) {
        LayerKind<?> kind = BY_TYPE.get(type);
        if (kind == null) {
            String hint = Suggestion.hint(type, BY_TYPE.keySet());
            // No near name: most likely a plug-in's type whose jar is missing, so say how plug-ins are added.
            String where = hint.isEmpty() ? " (not installed: add its plug-in with --plugins DIR or SAEP_PLUGINS)" : hint;
            throw new UnknownNameException("unknown layer type '" + type + "'" + where
                    + ": known types are " + String.join(", ", BY_TYPE.keySet()));
        }
        return kind;
    }

    /**
     * @param spec a layer's settings
     * @param <S> the spec's type
     * @return the kind that owns the spec's record
     * @throws IllegalArgumentException when no registered kind owns it
     */
    @SuppressWarnings("unchecked")
    public static <S extends LayerSpec> LayerKind<S> of(S spec) {
        LayerKind<?> kind = BY_SPEC.get(spec.getClass());
        if (kind == null) {
            throw new IllegalArgumentException("no registered layer kind owns " + spec.getClass().getName()
                    + ": declare its kind in META-INF/services/" + LayerKind.class.getName());
        }
        // Safe: the kind was found by the spec's own class.
        return (LayerKind<S>) kind;
    }

    /**
     * @param spec a layer's settings
     * @return the type name of its kind
     */
    public static String typeOf(LayerSpec spec) {
        return of(spec).type();
    }
}
