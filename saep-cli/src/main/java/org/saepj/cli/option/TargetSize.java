package org.saepj.cli.option;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.saepj.cli.UsageError;
import org.saepj.pruning.Criteria;
import org.saepj.pruning.CriterionProvider;
import org.saepj.pruning.CriterionSpec;

/**
 * A target size as the {@code keep} parameter of the criteria that declare one: {@code prune --keep K} (keep K of the
 * given ensemble) and {@code search}/{@code compare --max-members K} (whenever the ensemble exceeds K, prune it to K).
 * A criterion that decides its own size (PAP, PRS, ES) refuses it, naming the criteria that take one.
 *
 * @param members K
 * @param option the option that gave it, for messages
 * @param least the smallest K the option accepts
 */
public record TargetSize(int members, String option, int least) {
    /** The parameter the target size sets. */
    public static final String KEEP = "keep";

    /** Checks K. */
    public TargetSize {
        if (members < least) {
            throw new UsageError(option + " must be at least " + least
                    + (least == 2 ? " (ensembles of two are never pruned)" : "") + ", got " + members);
        }
    }

    /**
     * @param criteria the known criteria
     * @return the ids of those with a target size
     */
    public static List<String> takers(Criteria criteria) {
        return criteria.providers().stream()
                .filter(p -> p.parameters().stream().anyMatch(q -> q.name().equals(KEEP)))
                .map(CriterionProvider::id)
                .toList();
    }

    /**
     * @param spec a resolved criterion
     * @param criteria the known criteria
     * @param given the parameters given with {@code --param}, so that {@code --param keep} beside this is refused
     * @return the criterion with keep = K
     */
    public CriterionSpec applyTo(CriterionSpec spec, Criteria criteria, Map<String, Double> given) {
        refuseTwice(given);
        List<String> takers = takers(criteria);
        if (!takers.contains(spec.id())) {
            throw new UsageError(option + ": " + spec.id()
                    + " decides its own size; the criteria with a target size are " + String.join(", ", takers));
        }
        Map<String, Double> parameters = new HashMap<>(spec.parameters());
        parameters.put(KEEP, (double) members);
        try {
            return criteria.resolve(CriterionSpec.of(spec.id(), parameters));
        } catch (IllegalArgumentException e) {
            throw new UsageError(option + ": " + e.getMessage());
        }
    }

    /**
     * For a comparison: every pruning method must take the target size.
     *
     * @param methods the ids of the compared criteria (baselines left out)
     * @param criteria the known criteria
     * @param given the parameters given with {@code --param}
     * @return the given parameters with keep = K
     */
    public Map<String, Double> addTo(List<String> methods, Criteria criteria, Map<String, Double> given) {
        refuseTwice(given);
        List<String> takers = takers(criteria);
        List<String> own = methods.stream()
                .filter(m -> criteria.create(CriterionSpec.of(m)).prunes() && !takers.contains(m))
                .toList();
        if (!own.isEmpty()) {
            throw new UsageError(
                    option + ": " + String.join(", ", own) + (own.size() == 1 ? " decides its" : " decide their")
                            + " own size; the criteria with a target size are " + String.join(", ", takers));
        }
        Map<String, Double> all = new java.util.LinkedHashMap<>(given);
        all.put(KEEP, (double) members);
        return all;
    }

    private void refuseTwice(Map<String, Double> given) {
        if (given.containsKey(KEEP)) {
            throw new UsageError(option + " and --param keep=… name the same setting: give one");
        }
    }
}
