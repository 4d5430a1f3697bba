package org.saepj.cli;

import java.util.List;
import org.saepj.search.IterationRecord;
import org.saepj.search.Provenance;
import org.saepj.search.SearchResult;

/**
 * One run of a comparison and the figures the summary, the plots and the report need. It keeps figures,
 * not the result itself, so a long comparison does not hold every run's networks in memory.
 *
 * @param method "adanet", "prs", "pap", "pie" or "single"
 * @param mixture "uniform", "learned", or "-" for the single-network baseline
 * @param seed the run seed
 * @param fold the fold from 1, or 0 without folds
 * @param directory the run's directory, relative to the comparison's
 * @param testAccuracy final test accuracy
 * @param ensembleSize final ensemble size
 * @param parameters final parameter count
 * @param totalSeconds search time
 * @param trainSeconds candidate-training time
 * @param accuracyByIteration test accuracy after each iteration
 * @param sizeByIteration ensemble size after each iteration
 * @param diversityByIteration disagreement after each iteration
 * @param provenance versions and engine
 */
record ComparisonRun(String method, String mixture, long seed, int fold, String directory, double testAccuracy, int ensembleSize,
                     long parameters, double totalSeconds, double trainSeconds, double[] accuracyByIteration,
                     double[] sizeByIteration, double[] diversityByIteration, Provenance provenance) {
    static ComparisonRun of(String method, String mixture, long seed, int fold, String directory, SearchResult r) {
        List<IterationRecord> its = r.iterations();
        return new ComparisonRun(method, mixture, seed, fold, directory, r.metrics().testAccuracy(), r.metrics().ensembleSize(),
                r.metrics().parameters(), r.timing().totalSeconds(), r.timing().trainSeconds(),
                its.stream().mapToDouble(IterationRecord::testAccuracy).toArray(),
                its.stream().mapToDouble(IterationRecord::ensembleSize).toArray(),
                its.stream().mapToDouble(i -> i.diversity().disagreement()).toArray(), r.provenance());
    }

    /** @return "method/mixture", the group a summary row describes */
    String group() {
        return method + "/" + mixture;
    }

    static List<String> groups(List<ComparisonRun> runs) {
        return runs.stream().map(ComparisonRun::group).distinct().toList();
    }
}
