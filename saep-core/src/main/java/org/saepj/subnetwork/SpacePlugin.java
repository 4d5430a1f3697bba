package org.saepj.subnetwork;

import java.util.Map;
import java.util.TreeMap;

/**
 * A search space plug-in as a configuration names it: its id and parameters (stored in run.json and reports).
 *
 * @param id the provider's id
 * @param parameters its parameters by name
 */
public record SpacePlugin(String id, Map<String, Double> parameters) {
    /**
     * Checks the id and copies the parameters in name order.
     *
     * @param id the provider's id
     * @param parameters its parameters by name
     */
    public SpacePlugin {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a search-space plug-in needs an id");
        }
        parameters = parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(parameters));
    }

    @Override
    public String toString() {
        return parameters.isEmpty() ? id : id + parameters;
    }
}
