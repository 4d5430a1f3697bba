package org.saepj.cli.option;

import java.util.LinkedHashMap;
import java.util.Map;
import org.saepj.cli.UsageError;
import org.saepj.pruning.Criteria;
import org.saepj.pruning.CriterionProvider;
import org.saepj.pruning.CriterionSpec;
import picocli.CommandLine.Option;

/**
 * The options that give a pruning criterion its parameters, shared by {@code search}, {@code compare} and
 * {@code prune}: {@code --param NAME=VALUE} for any criterion, and {@code --alpha} as PIE's shorthand.
 */
public final class CriterionOptions {
    @Option(
            names = "--alpha",
            paramLabel = "A",
            description =
                    "PIE's diversity–relevance trade-off in [0,1] (default: 0.5);" + " short for --param alpha=A.")
    Double alpha;

    @Option(
            names = "--param",
            paramLabel = "NAME=VALUE",
            description = "A parameter of the pruning criterion (repeatable; the"
                    + " criteria and their parameters are listed below).")
    Map<String, Double> params = new LinkedHashMap<>();

    /** @return the criterion parameters given: --param NAME=VALUE, and --alpha as PIE's */
    public Map<String, Double> values() {
        check(alpha == null || alpha >= 0 && alpha <= 1, "--alpha must be in [0, 1], got " + alpha);
        Map<String, Double> all = new LinkedHashMap<>(params);
        if (alpha != null) {
            all.put("alpha", alpha);
        }
        for (Map.Entry<String, Double> e : all.entrySet()) {
            check(
                    e.getValue() != null && Double.isFinite(e.getValue()),
                    "--param " + e.getKey() + " must be a finite number");
        }
        return all;
    }

    /** @return the option a message about a parameter names: --alpha when it alone was given */
    public String option() {
        return alpha != null && params.isEmpty() ? "--alpha" : "--param";
    }

    /**
     * @param method a criterion id as typed after {@code option}
     * @param option the option that named it, for messages
     * @param criteria the known criteria
     * @param withParameters whether every given parameter belongs to this criterion (else it takes those it declares)
     * @return the criterion with its parameters checked and completed
     */
    public CriterionSpec criterion(String method, String option, Criteria criteria, boolean withParameters) {
        CriterionProvider provider;
        try {
            provider = criteria.provider(method);
        } catch (IllegalArgumentException e) {
            throw new UsageError(option + ": " + e.getMessage());
        }
        try {
            return withParameters
                    ? criteria.resolve(CriterionSpec.of(provider.id(), values()))
                    : criteria.resolveOwn(provider.id(), values());
        } catch (IllegalArgumentException e) {
            throw new UsageError(option() + ": " + e.getMessage());
        }
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new UsageError(message);
        }
    }
}
