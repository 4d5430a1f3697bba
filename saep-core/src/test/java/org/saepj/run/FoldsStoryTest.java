package org.saepj.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.search.SearchConfig;

/** The folds page's "what happened" paragraph, on folds made up to call for each sentence. */
class FoldsStoryTest {
    @TempDir
    Path dir;

    /** Folds numbered from 1 with these test accuracies, best-member accuracies (null: unknown) and sizes of 3. */
    private static List<FoldsReport.Fold> folds(double[] accuracies, Double... best) {
        List<FoldsReport.Fold> out = new ArrayList<>();
        for (int k = 0; k < accuracies.length; k++) {
            out.add(new FoldsReport.Fold(
                    k + 1,
                    "fold-" + (k + 1),
                    Score.ACCURACY,
                    accuracies[k],
                    3,
                    1000,
                    1.0,
                    best.length == 0 ? null : best[k]));
        }
        return out;
    }

    @Test
    void theSpreadIsMeasuredAndReadAsSteadyOrNot() {
        // mean 0.85, sample standard deviation 0.005
        assertThat(FoldsStory.spread(folds(new double[] {0.845, 0.85, 0.855})))
                .isEqualTo("Over 3 folds the test accuracy is 0.8500 ± 0.0050 (sample standard deviation): the folds"
                        + " agree, so the estimate hardly depends on which rows were held out.");
        assertThat(FoldsStory.spread(folds(new double[] {0.82, 0.85, 0.86})))
                .contains("± 0.0208")
                .endsWith("the folds differ by a few points, the usual variation between splits of this data.");
        assertThat(FoldsStory.spread(folds(new double[] {0.70, 0.85, 0.90})))
                .contains("0.8167 ± 0.1041")
                .contains("the folds differ widely, so the split decides much of one run's accuracy");
    }

    @Test
    void theBestAndWorstFoldAreNamed() {
        List<FoldsReport.Fold> f = folds(new double[] {0.84, 0.91, 0.79, 0.88});
        assertThat(FoldsStory.extremes(f))
                .isEqualTo("The best fold is fold 2 (0.9100, 3 members), the worst fold 3 (0.7900, 3 members), 12.00"
                        + " points apart.");
    }

    @Test
    void theEnsembleAgainstItsBestMemberFoldByFold() {
        assertThat(FoldsStory.againstBestMember(folds(new double[] {0.86, 0.88}, 0.85, 0.86)))
                .isEqualTo("The ensemble beat its best member alone in every fold, by 1.50 points on average: its"
                        + " members' errors partly cancel whichever rows are held out.");
        assertThat(FoldsStory.againstBestMember(folds(new double[] {0.80, 0.82}, 0.85, 0.84)))
                .startsWith("The ensemble fell below its best member alone in every fold, by 3.50 points on average:");
        // fold 1 above by 3 points, fold 2 the same, folds 3 and 4 below by 1 point
        assertThat(FoldsStory.againstBestMember(folds(new double[] {0.88, 0.85, 0.80, 0.80}, 0.85, 0.85, 0.81, 0.81)))
                .isEqualTo("The ensemble beat its best member alone in 1 of 4 folds (fold 1), matched it within 0.20"
                        + " points in 1 (fold 2) and fell below it in 2 (folds 3, 4); on average it is 0.25 points"
                        + " above it: whether combining members pays off depends on the split here.");
        // unknown in every fold (reports without members' own accuracies): no sentence
        assertThat(FoldsStory.againstBestMember(folds(new double[] {0.87, 0.85})))
                .isNull();
    }

    @Test
    void noParagraphWithoutAccuracies() {
        assertThat(FoldsStory.sentences(folds(new double[] {Double.NaN, Double.NaN})))
                .isEmpty();
        assertThat(FoldsStory.sentences(folds(new double[] {0.8, 0.9}, 0.8, 0.85)))
                .hasSize(3);
    }

    @Test
    void theFoldsPageTellsWhatHappenedFromTheRunsFigures() throws Exception {
        FoldsReport report = new FoldsReport(
                RunReport.SCHEMA_VERSION,
                SearchConfig.builder().build(),
                folds(new double[] {0.86, 0.88, 0.83}, 0.85, 0.86, 0.831),
                new FoldsReport.Summary(Score.ACCURACY, 0.8567, 0.0252, 3, 0, 3.0));
        Path page = dir.resolve("report.html");
        report.writeHtml(page);
        String html = Files.readString(page);
        assertThat(html)
                .contains("<h2>What happened</h2>")
                .contains("Over 3 folds the test accuracy is 0.8567 ± 0.0252")
                .contains("The best fold is fold 2 (0.8800, 3 members), the worst fold 3 (0.8300, 3 members)")
                .contains("matched it within 0.20 points in 1 (fold 3)")
                .contains("best member alone");
        assertThat(html.indexOf("What happened")).isLessThan(html.indexOf("<h2>Folds</h2>"));
    }
}
