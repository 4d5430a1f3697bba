package org.saepj.data.source;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.saepj.Providers;
import org.saepj.Suggestion;
import org.saepj.UnknownNameException;

/**
 * The registry of {@link SourceKind}s: every kind the jars on the class path declare in
 * {@code META-INF/services/org.saepj.data.source.SourceKind}, in class-path order (the built-in ones as their
 * services file lists them). Looked up on each call rather than once, so a class loader that brings a kind of its
 * own (a plug-in's, a test's) sees it.
 */
public final class SourceKinds {
    /** Ids are what source strings and stored runs hold: lower case, digits, '-' and '_'. */
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_-]*");

    private SourceKinds() {}

    /**
     * A source string split at its kind.
     *
     * @param kind the registered kind its prefix names
     * @param location what follows the colon
     */
    public record Located(SourceKind kind, String location) {}

    /**
     * @return every registered kind, by id, in class-path order
     * @throws IllegalStateException when a kind's id is malformed or registered twice: a packaging error
     */
    public static List<SourceKind> all() {
        Map<String, SourceKind> byId = new LinkedHashMap<>();
        for (SourceKind kind : Providers.all(SourceKind.class)) {
            String who = kind.getClass().getName();
            if (kind.id() == null || !ID.matcher(kind.id()).matches()) {
                throw new IllegalStateException(who + ": source kind id '" + kind.id() + "' must match " + ID);
            }
            SourceKind same = byId.putIfAbsent(kind.id(), kind);
            if (same != null && same.getClass() != kind.getClass()) {
                throw new IllegalStateException("source kind '" + kind.id() + "' is registered twice: by "
                        + same.getClass().getName() + " and " + who);
            }
        }
        return List.copyOf(byId.values());
    }

    /** @return the registered ids, in class-path order */
    public static List<String> ids() {
        return all().stream().map(SourceKind::id).toList();
    }

    /**
     * @param id a kind's id
     * @return the kind of that id, when one is registered
     */
    public static Optional<SourceKind> find(String id) {
        return all().stream().filter(k -> k.id().equals(id)).findFirst();
    }

    /**
     * @param id the kind the user wrote
     * @param location what followed the colon, for the suggestion
     * @return the kind of that id
     * @throws UnknownNameException one line naming the kind, listing the known ones and suggesting a close one
     */
    public static SourceKind require(String id, String location) {
        return find(id).orElseThrow(() -> new UnknownNameException("data source kind '" + id + "' unknown: expected "
                + or(ids().stream().map(k -> k + ":").toList())
                + Suggestion.closest(id, ids())
                        .map(k -> " (did you mean " + k + ":" + location + "?)")
                        .orElse("")));
    }

    /**
     * @param source a source string
     * @return its kind and location when it starts with a registered kind's id and a colon
     */
    public static Optional<Located> locate(String source) {
        int colon = source == null ? -1 : source.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        return find(source.substring(0, colon)).map(k -> new Located(k, source.substring(colon + 1)));
    }

    /** @return every kind's form for help and messages: "idx:DIR, cifar10:DIR_OR_TARGZ, csv:FILE" as a list */
    public static List<String> forms() {
        return all().stream().map(k -> k.id() + ":" + k.location()).toList();
    }

    /**
     * The kinds a location written without one may be meant as, most likely first.
     *
     * @param location the location as written
     * @param directory whether it names a directory
     * @param all true to list every kind (the likely ones first), false for the likely ones only
     * @return the kinds' ids
     */
    public static List<String> likely(String location, boolean directory, boolean all) {
        List<String> likely = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (SourceKind k : all()) {
            (k.mayRead(location, directory) ? likely : rest).add(k.id());
        }
        if (all) {
            likely.addAll(rest);
        }
        return likely;
    }

    /**
     * @param items the alternatives
     * @return "a, b or c"
     */
    public static String or(List<String> items) {
        if (items.size() < 2) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " or " + items.get(items.size() - 1);
    }
}
