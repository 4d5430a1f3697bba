package org.saepj;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * Finds one plug-in of a kind by its id among those the jars on the class path declare in {@code META-INF/services}:
 * the grid and candidate executors and the remote file systems a module such as saep-spark brings. {@link #all} lists
 * every plug-in of a kind, for registries such as the layer kinds.
 */
public final class Providers {
    private Providers() {}

    /**
     * @param type the kind of plug-in
     * @param idOf a plug-in's id
     * @param id the id wanted ("spark")
     * @param <T> the kind
     * @return the first plug-in with that id, when a jar declares one
     */
    public static <T> Optional<T> find(Class<T> type, Function<? super T, String> idOf, String id) {
        for (T p : ServiceLoader.load(type)) {
            if (idOf.apply(p).equals(id)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * @param type the kind of plug-in
     * @param <T> the kind
     * @return every plug-in of that kind the jars declare, in class-path order
     */
    public static <T> List<T> all(Class<T> type) {
        List<T> out = new ArrayList<>();
        ServiceLoader.load(type).forEach(out::add);
        return out;
    }
}
