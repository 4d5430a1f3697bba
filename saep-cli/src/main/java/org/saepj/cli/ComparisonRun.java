package org.saepj.cli;

import java.util.List;
import org.saepj.search.IterationRecord;
import org.saepj.search.SearchResult;

/**
 * One run of a comparison: which method, mixture and seed or fold, and what it measured.
 *
 * @param method "adanet", "prs", "pap", "pie" or "single"
 * @param mixture "uniform", "learned", or "-" for the single-network baseline
 * @param seed the run seed
 * @param fold the fold from 1, or 0 without folds
 * @param directory the run's directory, relative to the comparison's
 * @param result the search result
 */
record ComparisonRun(String method, String mixture, long seed, int fold, String directory, SearchResult result) {
    /** @return "method/mixture", the group a summary row describes */
    String group() {
        return method + "/" + mixture;
    }

    double[] accuracyByIteration() {
        return result.iterations().stream().mapToDouble(IterationRecord::testAccuracy).toArray();
    }

    double[] sizeByIteration() {
        return result.iterations().stream().mapToDouble(IterationRecord::ensembleSize).toArray();
    }

    double[] diversityByIteration() {
        return result.iterations().stream().mapToDouble(i -> i.diversity().disagreement()).toArray();
    }

    static List<String> groups(List<ComparisonRun> runs) {
        return runs.stream().map(ComparisonRun::group).distinct().toList();
    }
}
