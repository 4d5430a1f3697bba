package org.saepj.run;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * One finished run of a comparison, as comparison.json lists it; its per-iteration figures feed the plots.
 *
 * @param method the method
 * @param mixture the mixture's id, or {@code -} for the baseline
 * @param seed the run's seed
 * @param fold the fold from 1, or 0 for seed runs
 * @param directory the run's directory, relative to the comparison's
 * @param testAccuracy the final ensemble's test accuracy
 * @param ensembleSize its members
 * @param parameters its parameters
 * @param totalSeconds the run's wall time
 * @param trainSeconds of which candidate training
 * @param figures everything the run's report says (not written into comparison.json)
 */
public record ComparisonRun(ComparedMethod method, String mixture, long seed, int fold, String directory, double testAccuracy, int ensembleSize,
                            long parameters, double totalSeconds, double trainSeconds, @JsonIgnore RunSummary figures) {
    /**
     * @param method the method
     * @param mixture the mixture as reported
     * @param seed the seed
     * @param fold the fold from 1, or 0
     * @param directory the run's directory, relative to the comparison's
     * @param s the run's figures
     * @return the run
     */
    public static ComparisonRun of(ComparedMethod method, String mixture, long seed, int fold, String directory, RunSummary s) {
        return new ComparisonRun(method, mixture, seed, fold, directory, s.testAccuracy(), s.ensembleSize(), s.parameters(),
                s.totalSeconds(), s.trainSeconds(), s);
    }

    /** @return method/mixture, the group its summary row and plot lines are made over */
    public String group() {
        return method.id() + "/" + mixture;
    }

    static List<String> groups(List<ComparisonRun> runs) {
        return runs.stream().map(ComparisonRun::group).distinct().toList();
    }
}
