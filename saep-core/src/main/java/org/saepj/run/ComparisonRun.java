package org.saepj.run;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One finished run of a comparison, as comparison.json lists it: where it stands in the plan, and its figures
 * (read from the run's {@link RunSummary}, which also feeds the plots).
 *
 * @param method the method
 * @param mixture the mixture's id, or {@code -} for the baseline
 * @param seed the run's seed
 * @param fold the fold from 1, or 0 for seed runs
 * @param directory the run's directory, relative to the comparison's
 * @param figures everything the run's report says (written into comparison.json only as the figures below)
 */
@JsonPropertyOrder({
    "method",
    "mixture",
    "seed",
    "fold",
    "directory",
    "testAccuracy",
    "testScore",
    "metric",
    "ensembleSize",
    "parameters",
    "totalSeconds",
    "trainSeconds",
    "meanDepth",
    "maxDepth",
    "diversity",
    "ece",
    "nll",
    "eceScaled"
})
public record ComparisonRun(
        ComparedMethod method,
        String mixture,
        long seed,
        int fold,
        String directory,
        @JsonIgnore RunSummary figures) {
    /**
     * @param method the method
     * @param mixture the mixture as reported
     * @param seed the seed
     * @param fold the fold from 1, or 0
     * @param directory the run's directory, relative to the comparison's
     * @param s the run's figures
     * @return the run
     */
    public static ComparisonRun of(
            ComparedMethod method, String mixture, long seed, int fold, String directory, RunSummary s) {
        return new ComparisonRun(method, mixture, seed, fold, directory, s);
    }

    /** @return the final ensemble's test accuracy; absent for a task without accuracy (regression) */
    @JsonProperty
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public Double testAccuracy() {
        return figures.score().isProportion() ? figures.testScore() : null;
    }

    /** @return the final ensemble's test RMSE, or other headline of a task without accuracy; absent for accuracy */
    @JsonProperty
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public Double testScore() {
        return figures.score().isProportion() ? null : figures.testScore();
    }

    /** @return the metric of {@link #testScore}, absent for accuracy */
    @JsonProperty
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public String metric() {
        return figures.score().isProportion() ? null : figures.score().metric();
    }

    /** @return its members */
    @JsonProperty
    public int ensembleSize() {
        return figures.ensembleSize();
    }

    /** @return its parameters */
    @JsonProperty
    public long parameters() {
        return figures.parameters();
    }

    /** @return the run's wall time */
    @JsonProperty
    public double totalSeconds() {
        return figures.totalSeconds();
    }

    /** @return of which candidate training */
    @JsonProperty
    public double trainSeconds() {
        return figures.trainSeconds();
    }

    /** @return the final members' mean depth */
    @JsonProperty
    public double meanDepth() {
        return figures.meanDepth();
    }

    /** @return the final members' greatest depth */
    @JsonProperty
    public int maxDepth() {
        return figures.maxDepth();
    }

    /** @return the final ensemble's mean pairwise disagreement on the test data */
    @JsonProperty
    public double diversity() {
        return figures.finalDiversity();
    }

    /** @return the final ensemble's expected calibration error on the test data, NaN when not measured */
    @JsonProperty
    public double ece() {
        return figures.ece();
    }

    /** @return its mean negative log-likelihood on the test data, NaN when not measured */
    @JsonProperty
    public double nll() {
        return figures.nll();
    }

    /** @return its ECE after temperature scaling, NaN when no temperature was fitted */
    @JsonProperty
    public double eceScaled() {
        return figures.eceScaled();
    }

    /** @return method/mixture, the group its summary row and plot lines are made over */
    public String group() {
        return method.id() + "/" + mixture;
    }

    static List<String> groups(List<ComparisonRun> runs) {
        return runs.stream().map(ComparisonRun::group).distinct().toList();
    }
}
