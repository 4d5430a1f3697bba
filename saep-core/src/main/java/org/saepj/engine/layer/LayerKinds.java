package org.saepj.engine.layer;

import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.saepj.KindRegistry;
import org.saepj.Suggestion;
import org.saepj.UnknownNameException;

/**
 * The registry of {@link LayerKind}s: every kind the jars on the class path declare in
 * {@code META-INF/services/org.saepj.engine.layer.LayerKind}, found once, by type name or by spec class.
 */
public final class LayerKinds {
    /** Type names are what files hold: lower case, digits and underscores. */
    private static final Pattern TYPE_NAME = Pattern.compile("[a-z][a-z0-9_]*");

    @SuppressWarnings({"unchecked", "rawtypes"}) // the service is the raw interface; its kinds are LayerKind<?>
    private static final KindRegistry<LayerKind<?>> KINDS = new KindRegistry<>(
            (Class<LayerKind<?>>) (Class) LayerKind.class, "layer", TYPE_NAME, k -> k.type(), k -> k.specClass());

    static {
        KINDS.all().forEach(LayerKinds::checkOptionalSettings);
    }

    private LayerKinds() {}

    /**
     * A kind's optional settings must name components of its record and give defaults of their types: a default that
     * could not be read back would make every file that leaves the setting out unreadable, so it stops SAEP-J at
     * start-up as the registry's own checks do.
     */
    static void checkOptionalSettings(LayerKind<?> kind) {
        kind.optionalSettings().forEach((name, value) -> {
            RecordComponent component = Arrays.stream(kind.specClass().getRecordComponents())
                    .filter(c -> c.getName().equals(name))
                    .findFirst()
                    .orElse(null);
            if (component == null
                    || value == null
                    || !MethodType.methodType(component.getType())
                            .wrap()
                            .returnType()
                            .isInstance(value)) {
                throw new IllegalStateException(kind.getClass().getName() + ": optional setting '" + name
                        + "' must name a component of " + kind.specClass().getName()
                        + " and give a default of its type");
            }
        });
    }

    /** @return the registered type names, sorted */
    public static List<String> types() {
        return KINDS.types();
    }

    /** @return every registered kind, sorted by type name */
    public static List<LayerKind<?>> all() {
        return KINDS.all();
    }

    /**
     * @param type a type name
     * @return the kind of that name, when one is registered
     */
    public static Optional<LayerKind<?>> find(String type) {
        return KINDS.find(type);
    }

    /**
     * @param type a type name, as a file holds it
     * @return the kind of that name
     * @throws UnknownNameException naming the type and listing the known ones
     */
    public static LayerKind<?> require(String type) {
        LayerKind<?> kind = KINDS.find(type).orElse(null);
        if (kind == null) {
            String hint = Suggestion.hint(type, KINDS.types());
            // No near name: most likely a plug-in's type whose jar is missing, so say how plug-ins are added.
            String where =
                    hint.isEmpty() ? " (not installed: add its plug-in with --plugins DIR or SAEP_PLUGINS)" : hint;
            throw new UnknownNameException("unknown layer type '" + type + "'" + where + ": known types are "
                    + String.join(", ", KINDS.types()));
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
        // Safe: the kind was found by the spec's own class.
        return (LayerKind<S>) KINDS.owner(spec.getClass());
    }

    /**
     * @param spec a layer's settings
     * @return the type name of its kind
     */
    public static String typeOf(LayerSpec spec) {
        return of(spec).type();
    }
}
