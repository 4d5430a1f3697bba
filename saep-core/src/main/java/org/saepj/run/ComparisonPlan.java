package org.saepj.run;

import java.util.List;
import java.util.Map;
import org.saepj.search.Mixture;
import org.saepj.search.SearchConfig;

/**
 * What a comparison runs: every method × mixture × seed (or fold) on the same data. Stored in compare.json so a
 * comparison can be resumed, and in comparison.json beside its results.
 *
 * @param base the shared settings (its criterion, mixture and seed are replaced per run)
 * @param methods the methods, the single-network baseline among them if wanted
 * @param mixtures uniform and/or learned
 * @param seeds the seeds (one run each), used when folds is 0
 * @param folds K folds (one run per fold, with the first seed), or 0
 * @param criterionParameters criterion parameters by name, each given to the methods that take it
 */
public record ComparisonPlan(
        SearchConfig base,
        List<ComparedMethod> methods,
        List<Mixture> mixtures,
        List<Long> seeds,
        int folds,
        Map<String, Double> criterionParameters) {
    /** The file that stores a comparison's plan for {@code --resume}. */
    public static final String FILE = "compare.json";

    /**
     * Copies the lists and checks that the plan has something to run.
     *
     * @param base the shared settings (its criterion, mixture and seed are replaced per run)
     * @param methods the methods, the single-network baseline among them if wanted
     * @param mixtures uniform and/or learned
     * @param seeds the seeds (one run each), used when folds is 0
     * @param folds K folds (one run per fold, with the first seed), or 0
     * @param criterionParameters criterion parameters by name, each given to the methods that take it
     */
    public ComparisonPlan {
        if (base == null
                || methods == null
                || methods.isEmpty()
                || mixtures == null
                || mixtures.isEmpty()
                || seeds == null
                || seeds.isEmpty()
                || hasNull(methods)
                || hasNull(mixtures)
                || hasNull(seeds)) {
            throw new IllegalArgumentException(
                    "a comparison needs its base settings and at least one method, mixture and seed");
        }
        if (folds != 0 && folds < 2) {
            throw new IllegalArgumentException("folds must be at least 2 (or 0 for seeds), got " + folds);
        }
        // Each method × mixture × seed is one run in a directory of its own: the same one twice would be counted twice.
        once(methods, "method");
        once(mixtures, "mixture");
        once(seeds, "seed");
        methods = List.copyOf(methods);
        mixtures = List.copyOf(mixtures);
        seeds = List.copyOf(seeds);
        criterionParameters = criterionParameters == null ? Map.of() : Map.copyOf(criterionParameters);
    }

    private static void once(List<?> values, String what) {
        java.util.Set<Object> seen = new java.util.HashSet<>();
        for (Object v : values) {
            if (!seen.add(v)) {
                throw new IllegalArgumentException(
                        "the " + what + " " + v + " appears twice: a comparison runs each" + " once");
            }
        }
    }

    private static boolean hasNull(List<?> values) {
        return values.stream().anyMatch(java.util.Objects::isNull); // List.of's contains(null) throws
    }

    /** @return how many searches the plan runs */
    public int runs() {
        int groups = 0;
        for (ComparedMethod m : methods) {
            groups += m.mixtures(mixtures).size();
        }
        return groups * (folds > 0 ? folds : seeds.size());
    }

    /** @return the seeds runs are made with: all of them, or the first one for every fold */
    public List<Long> runSeeds() {
        return folds > 0 ? List.of(seeds.get(0)) : seeds;
    }
}
