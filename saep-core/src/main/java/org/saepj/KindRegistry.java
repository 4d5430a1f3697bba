package org.saepj;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The plug-in kinds of one sort (layer kinds, preprocessing step kinds) that the jars on the class path declare in
 * {@code META-INF/services}, found once and kept by their type name — what files hold — and by the record class of
 * their settings, so a record is written under its kind's name. A kind that would make files ambiguous or unreadable
 * (a bad or repeated name, a record that is not one or is shared) stops SAEP-J at start-up rather than at the first
 * file.
 *
 * @param <K> the sort of kind
 */
public final class KindRegistry<K> {
    private final Class<K> service;
    private final String sort;
    private final Map<String, K> byType;
    private final Map<Class<?>, K> byRecord;

    /**
     * @param service the plug-in interface
     * @param sort what the kinds are, for messages ("layer", "step")
     * @param typeName the pattern a type name must match
     * @param typeOf a kind's type name
     * @param recordOf the record class of a kind's settings
     */
    public KindRegistry(
            Class<K> service,
            String sort,
            Pattern typeName,
            Function<K, String> typeOf,
            Function<K, Class<?>> recordOf) {
        this.service = service;
        this.sort = sort;
        Map<String, K> types = new TreeMap<>();
        Map<Class<?>, K> records = new HashMap<>();
        for (K kind : Providers.all(service)) {
            String who = kind.getClass().getName();
            String type = typeOf.apply(kind);
            Class<?> record = recordOf.apply(kind);
            if (type == null || !typeName.matcher(type).matches()) {
                throw new IllegalStateException(who + ": " + sort + " type name '" + type + "' must match " + typeName);
            }
            if (types.containsKey(type)) {
                throw new IllegalStateException(sort + " type '" + type + "' is registered twice: by "
                        + types.get(type).getClass().getName() + " and " + who);
            }
            if (!record.isRecord() || records.containsKey(record)) {
                throw new IllegalStateException(who + ": the settings " + record.getName()
                        + " must be a record of its own kind, not shared with another");
            }
            types.put(type, kind);
            records.put(record, kind);
        }
        this.byType = Collections.unmodifiableMap(types);
        this.byRecord = Map.copyOf(records);
    }

    /** @return the registered type names, sorted */
    public List<String> types() {
        return List.copyOf(byType.keySet());
    }

    /** @return every registered kind, sorted by type name */
    public List<K> all() {
        return new ArrayList<>(byType.values());
    }

    /**
     * @param type a type name
     * @return the kind of that name, when one is registered
     */
    public Optional<K> find(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    /**
     * @param record a settings record's class
     * @return the kind that owns it
     * @throws IllegalArgumentException when no registered kind owns it
     */
    public K owner(Class<?> record) {
        K kind = byRecord.get(record);
        if (kind == null) {
            throw new IllegalArgumentException("no registered " + sort + " kind owns " + record.getName()
                    + ": declare its kind in META-INF/services/" + service.getName());
        }
        return kind;
    }
}
