package org.saepj.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The "what happened" paragraph of a K-fold search's page, generated from the folds' numbers as {@link RunStory}'s is
 * from one run's: how far the folds' test accuracies spread and what that says of the estimate, the best and the worst
 * fold, and in how many folds the ensemble beat its own best member alone.
 */
public final class FoldsStory {
    /** A standard deviation over folds below this (1 point) is a steady estimate. */
    static final double STEADY = 0.01;
    /** A standard deviation over folds from this (3 points) on makes the split decide much of the result. */
    static final double UNSTEADY = 0.03;

    private FoldsStory() {}

    /**
     * @param folds the folds' figures, in fold order
     * @return the paragraph's sentences, in order: the spread, the best and worst fold, the ensemble against its best
     *     member; none when no fold has a test accuracy (a regression's folds)
     */
    public static List<String> sentences(List<FoldsReport.Fold> folds) {
        List<FoldsReport.Fold> measured =
                folds.stream().filter(f -> !Double.isNaN(f.testScore())).toList();
        List<String> out = new ArrayList<>();
        if (measured.size() < 2) {
            return out;
        }
        out.add(spread(measured));
        out.add(extremes(measured));
        String members = againstBestMember(measured);
        if (members != null) {
            out.add(members);
        }
        return out;
    }

    /** The mean and spread of the folds' accuracies, and what the spread says of the estimate. */
    static String spread(List<FoldsReport.Fold> folds) {
        double[] acc = folds.stream().mapToDouble(FoldsReport.Fold::testScore).toArray();
        double std = Stats.std(acc);
        String head = "Over " + folds.size() + " folds the test accuracy is " + acc(Stats.mean(acc)) + " ± " + acc(std)
                + " (sample standard deviation)";
        if (std < STEADY) {
            return head + ": the folds agree, so the estimate hardly depends on which rows were held out.";
        }
        if (std < UNSTEADY) {
            return head + ": the folds differ by a few points, the usual variation between splits of this data.";
        }
        return head + ": the folds differ widely, so the split decides much of one run's accuracy; read the mean, not"
                + " a single fold, and more data per fold narrows the spread.";
    }

    /** The best and the worst fold, with the ensemble sizes they ended with. */
    static String extremes(List<FoldsReport.Fold> folds) {
        FoldsReport.Fold best = folds.stream()
                .max(Comparator.comparingDouble(FoldsReport.Fold::testScore))
                .orElseThrow();
        FoldsReport.Fold worst = folds.stream()
                .min(Comparator.comparingDouble(FoldsReport.Fold::testScore))
                .orElseThrow();
        return "The best fold is fold " + best.fold() + " (" + acc(best.testScore()) + ", " + members(best) + "),"
                + " the worst fold " + worst.fold() + " (" + acc(worst.testScore()) + ", " + members(worst) + "), "
                + points(best.testScore() - worst.testScore()) + " apart.";
    }

    /** In how many folds the ensemble beat, matched or fell below its best member alone, where the folds know it. */
    static String againstBestMember(List<FoldsReport.Fold> folds) {
        List<FoldsReport.Fold> known =
                folds.stream().filter(f -> f.bestMemberAccuracy() != null).toList();
        if (known.isEmpty()) {
            return null;
        }
        List<Integer> above = new ArrayList<>();
        List<Integer> same = new ArrayList<>();
        List<Integer> below = new ArrayList<>();
        double gain = 0;
        for (FoldsReport.Fold f : known) {
            double d = f.testScore() - f.bestMemberAccuracy();
            gain += d;
            if (Math.abs(d) < RunStory.SAME) {
                same.add(f.fold());
            } else if (d > 0) {
                above.add(f.fold());
            } else {
                below.add(f.fold());
            }
        }
        double mean = gain / known.size();
        String average = points(Math.abs(mean)) + " on average";
        if (above.size() == known.size()) {
            return "The ensemble beat its best member alone in every fold, by " + average + ": its members' errors"
                    + " partly cancel whichever rows are held out.";
        }
        if (below.size() == known.size()) {
            return "The ensemble fell below its best member alone in every fold, by " + average + ": weaker members"
                    + " outvote the best one; a criterion that keeps fewer members, or more steps per candidate, may"
                    + " help.";
        }
        List<String> parts = new ArrayList<>();
        if (!above.isEmpty()) {
            parts.add("beat its best member alone in " + above.size() + " of " + known.size() + " folds ("
                    + folds(above) + ")");
        }
        if (!same.isEmpty()) {
            parts.add((parts.isEmpty() ? "matched its best member alone" : "matched it") + " within "
                    + points(RunStory.SAME) + " in " + same.size() + (parts.isEmpty() ? " of " + known.size() : "")
                    + " (" + folds(same) + ")");
        }
        if (!below.isEmpty()) {
            parts.add("fell below it in " + below.size() + " (" + folds(below) + ")");
        }
        String joined = parts.size() == 1
                ? parts.get(0)
                : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
        return "The ensemble " + joined + "; on average it is " + points(Math.abs(mean))
                + (mean >= 0 ? " above" : " below")
                + " it: whether combining members pays off depends on the split here.";
    }

    private static String folds(List<Integer> folds) {
        return (folds.size() == 1 ? "fold " : "folds ")
                + folds.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static String members(FoldsReport.Fold f) {
        return f.ensembleSize() + " member" + (f.ensembleSize() == 1 ? "" : "s");
    }

    private static String acc(double a) {
        return Decimals.of(a, 4);
    }

    private static String points(double d) {
        return Decimals.of(100 * d, 2) + " points";
    }
}
