package org.saepj.pruning;

import java.util.Map;
import java.util.TreeMap;

/**
 * Which criterion a search prunes with and its parameters: the configuration's form of a criterion, stored
 * in run.json, reports and comparisons. {@link Criteria#resolve} fills in the defaults, so a stored spec
 * names every value the run used.
 *
 * @param id the criterion's id ("adanet", "prs", "pap", "pie" or a plug-in's)
 * @param parameters its parameter values by name
 */
public record CriterionSpec(String id, Map<String, Double> parameters) {
    /**
     * Copies the parameters in name order.
     *
     * @param id the criterion's id ("adanet", "prs", "pap", "pie" or a plug-in's)
     * @param parameters its parameter values by name
     */
    public CriterionSpec {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a criterion needs an id");
        }
        id = id.strip().toLowerCase(java.util.Locale.ROOT);
        parameters = parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(parameters));
    }

    /**
     * @param id a criterion id
     * @return the criterion with default parameters
     */
    public static CriterionSpec of(String id) {
        return new CriterionSpec(id, Map.of());
    }

    /**
     * @param id a criterion id
     * @param parameters some of its parameters
     * @return the spec
     */
    public static CriterionSpec of(String id, Map<String, Double> parameters) {
        return new CriterionSpec(id, parameters);
    }

    /** @return "pie(alpha=0.5)", or the id alone without parameters */
    @Override
    public String toString() {
        if (parameters.isEmpty()) {
            return id;
        }
        StringBuilder sb = new StringBuilder(id).append('(');
        // whole numbers (keep, rounds) as they are typed: keep=3, not keep=3.0
        parameters.forEach((k, v) -> sb.append(sb.charAt(sb.length() - 1) == '(' ? "" : ", ")
                .append(k)
                .append('=')
                .append(v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString(v.longValue()) : v.toString()));
        return sb.append(')').toString();
    }
}
