package org.saepj.run;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.saepj.persistence.JsonFormat;
import org.saepj.search.SearchConfig;

/**
 * The top-level report.json of a K-fold search (schema 3): the configuration, one entry per fold (its own
 * run directory holds the full report) and the summary over folds.
 *
 * @param schemaVersion {@link RunReport#SCHEMA_VERSION}
 * @param config the search's configuration
 * @param folds each fold's figures
 * @param summary mean and standard deviation over folds
 */
public record FoldsReport(int schemaVersion, SearchConfig config, List<Fold> folds, Summary summary) {
    /**
     * @param fold from 1
     * @param directory the fold's run directory, relative to this report
     * @param score the metric of {@code testScore}: the task's headline
     * @param testScore its ensemble's test figure (written as {@code testAccuracy}, {@code testRmse}, …)
     * @param ensembleSize its members
     * @param parameters its parameters
     * @param totalSeconds its wall time
     * @param bestMemberAccuracy the test accuracy of its best member alone, or null where the fold's report has no
     *     members' own accuracies (a regression, a report written before they were recorded)
     */
    public record Fold(
            int fold,
            String directory,
            @JsonIgnore Score score,
            @JsonIgnore double testScore,
            int ensembleSize,
            long parameters,
            double totalSeconds,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double bestMemberAccuracy) {
        /** @return the test figure under a name that says which metric it is */
        @JsonAnyGetter
        public Map<String, Double> scoreFields() {
            return Map.of("test" + score.key(), testScore);
        }
    }

    /**
     * @param score the metric summarised: the task's headline
     * @param testMean its mean over folds (written as {@code testAccuracyMean}, {@code testRmseMean}, …)
     * @param testStd its sample standard deviation (written as {@code testAccuracyStd}, …)
     * @param ensembleSizeMean mean members
     * @param ensembleSizeStd its sample standard deviation
     * @param totalSeconds all folds' wall time
     */
    public record Summary(
            @JsonIgnore Score score,
            @JsonIgnore double testMean,
            @JsonIgnore double testStd,
            double ensembleSizeMean,
            double ensembleSizeStd,
            double totalSeconds) {
        /** @return the mean and standard deviation under names that say which metric they are */
        @JsonAnyGetter
        public Map<String, Double> scoreFields() {
            Map<String, Double> fields = new LinkedHashMap<>();
            fields.put("test" + score.key() + "Mean", testMean);
            fields.put("test" + score.key() + "Std", testStd);
            return fields;
        }
    }

    /**
     * @param config the search's configuration
     * @param results each fold's figures, in fold order
     * @return the report
     */
    public static FoldsReport of(SearchConfig config, List<RunSummary> results) {
        List<Fold> folds = new ArrayList<>();
        double[] acc = new double[results.size()];
        double[] size = new double[results.size()];
        double total = 0;
        Score score = results.isEmpty() ? Score.ACCURACY : results.get(0).score();
        for (int k = 0; k < results.size(); k++) {
            RunSummary r = results.get(k);
            folds.add(new Fold(
                    k + 1,
                    "fold-" + (k + 1),
                    score,
                    r.testScore(),
                    r.ensembleSize(),
                    r.parameters(),
                    r.totalSeconds(),
                    Double.isNaN(r.bestMemberAccuracy()) ? null : r.bestMemberAccuracy()));
            acc[k] = r.testScore();
            size[k] = r.ensembleSize();
            total += r.totalSeconds();
        }
        return new FoldsReport(
                RunReport.SCHEMA_VERSION,
                config,
                folds,
                new Summary(score, Stats.mean(acc), Stats.std(acc), Stats.mean(size), Stats.std(size), total));
    }

    /**
     * Writes the report atomically.
     *
     * @param file where
     */
    public void write(Path file) {
        JsonFormat.write(file, this, "the report");
    }

    /**
     * Writes the folds' page: the summary, what happened ({@link FoldsStory}) and one row per fold, linking to the
     * fold's own report.
     *
     * @param file where report.html goes (beside the fold directories)
     */
    public void writeHtml(Path file) {
        HtmlReport html =
                new HtmlReport("SAEP-J search: " + folds.size() + "-fold cross-validation, " + config.criterion());
        java.util.Map<String, String> result = HtmlReport.map();
        result.put(
                summary.score().label(),
                Decimals.of(summary.testMean(), 4) + " ± " + Decimals.of(summary.testStd(), 4));
        result.put(
                "ensemble size",
                Decimals.of(summary.ensembleSizeMean(), 2) + " ± " + Decimals.of(summary.ensembleSizeStd(), 2));
        result.put("time", Decimals.of(summary.totalSeconds(), 1) + " s in all");
        html.heading("Summary over the folds").keyValues(result);
        // the story speaks of accuracy points; a regression's folds are summarised by the table alone
        List<String> story = summary.score().isProportion() ? FoldsStory.sentences(folds) : List.of();
        if (!story.isEmpty()) {
            html.heading("What happened").paragraph(String.join(" ", story));
        }
        html.heading("Folds")
                .table(
                        List.of(
                                "fold",
                                summary.score().label(),
                                "best member alone",
                                "ensemble size",
                                "parameters",
                                "seconds",
                                "report"),
                        folds.stream()
                                .map(f -> List.<Object>of(
                                        Integer.toString(f.fold()),
                                        Decimals.of(f.testScore(), 4),
                                        f.bestMemberAccuracy() == null ? "" : Decimals.of(f.bestMemberAccuracy(), 4),
                                        Integer.toString(f.ensembleSize()),
                                        Long.toString(f.parameters()),
                                        Decimals.of(f.totalSeconds(), 1),
                                        new HtmlReport.Link(f.directory(), f.directory() + "/report.html")))
                                .toList());
        java.util.Map<String, String> cfg = HtmlReport.map();
        ConfigRows.add(config, cfg);
        html.heading("Configuration").keyValues(cfg);
        org.saepj.persistence.AtomicFiles.writeString(file, html.render());
    }
}
