package org.saepj.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
     * @param testAccuracy its ensemble's test accuracy
     * @param ensembleSize its members
     * @param parameters its parameters
     * @param totalSeconds its wall time
     * @param bestMemberAccuracy the test accuracy of its best member alone, or null where the fold's report has no
     *     members' own accuracies (a regression, a report written before they were recorded)
     */
    public record Fold(
            int fold,
            String directory,
            double testAccuracy,
            int ensembleSize,
            long parameters,
            double totalSeconds,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double bestMemberAccuracy) {}

    /**
     * @param testAccuracyMean mean test accuracy over folds
     * @param testAccuracyStd its sample standard deviation
     * @param ensembleSizeMean mean members
     * @param ensembleSizeStd its sample standard deviation
     * @param totalSeconds all folds' wall time
     */
    public record Summary(
            double testAccuracyMean,
            double testAccuracyStd,
            double ensembleSizeMean,
            double ensembleSizeStd,
            double totalSeconds) {}

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
        for (int k = 0; k < results.size(); k++) {
            RunSummary r = results.get(k);
            folds.add(new Fold(
                    k + 1,
                    "fold-" + (k + 1),
                    r.testAccuracy(),
                    r.ensembleSize(),
                    r.parameters(),
                    r.totalSeconds(),
                    Double.isNaN(r.bestMemberAccuracy()) ? null : r.bestMemberAccuracy()));
            acc[k] = r.testAccuracy();
            size[k] = r.ensembleSize();
            total += r.totalSeconds();
        }
        return new FoldsReport(
                RunReport.SCHEMA_VERSION,
                config,
                folds,
                new Summary(Stats.mean(acc), Stats.std(acc), Stats.mean(size), Stats.std(size), total));
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
                "test accuracy",
                Decimals.of(summary.testAccuracyMean(), 4) + " ± " + Decimals.of(summary.testAccuracyStd(), 4));
        result.put(
                "ensemble size",
                Decimals.of(summary.ensembleSizeMean(), 2) + " ± " + Decimals.of(summary.ensembleSizeStd(), 2));
        result.put("time", Decimals.of(summary.totalSeconds(), 1) + " s in all");
        html.heading("Summary over the folds").keyValues(result);
        List<String> story = FoldsStory.sentences(folds);
        if (!story.isEmpty()) {
            html.heading("What happened").paragraph(String.join(" ", story));
        }
        html.heading("Folds")
                .table(
                        List.of(
                                "fold",
                                "test accuracy",
                                "best member alone",
                                "ensemble size",
                                "parameters",
                                "seconds",
                                "report"),
                        folds.stream()
                                .map(f -> List.<Object>of(
                                        Integer.toString(f.fold()),
                                        Decimals.of(f.testAccuracy(), 4),
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
