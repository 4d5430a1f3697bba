package org.saepj.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.saepj.pruning.AccuracyPerformance;
import org.saepj.pruning.KeepAll;
import org.saepj.search.IterationRecord;
import org.saepj.search.SearchResult;

/**
 * The "what happened" paragraph of a search's report, generated from its numbers: how the final ensemble fared
 * against the baselines the run itself holds (the single network of iteration 0, its best member alone), why the
 * criterion pruned or did not, and whether training and test accuracy show over- or under-fitting, with what to
 * try. Each sentence comes from {@link Facts}, so it can be checked on numbers made up for the purpose.
 */
public final class RunStory {
    /** Differences of accuracy below this (0.2 points) are called "about the same". */
    static final double SAME = 0.002;
    /** A training accuracy this far above the test accuracy (5 points) is over-fitting. */
    static final double OVERFIT_GAP = 0.05;
    /** A training accuracy this close to the test accuracy (2 points) leaves room to learn more ... */
    static final double CLOSE_GAP = 0.02;
    /** ... unless the training data is fitted almost completely already (98%). */
    static final double FITTED = 0.98;

    private RunStory() {}

    /**
     * One final member's own figures.
     *
     * @param id its id
     * @param testAccuracy its own test accuracy
     * @param trainAccuracy its own accuracy on the training partition
     */
    public record MemberFigures(int id, double testAccuracy, double trainAccuracy) {}

    /**
     * What the paragraph is written from.
     *
     * @param criterion the pruning criterion's id
     * @param testAccuracy the final ensemble's test figure of the task's headline (accuracy; a regression's RMSE)
     * @param trainAccuracy the same figure on the training partition, or null when unknown
     * @param ensembleSize the final ensemble's size
     * @param firstAccuracy the test figure after iteration 0 (one network), NaN when the run has one iteration
     * @param members the final members' own figures; empty when unknown
     * @param decisions the pruning decisions that considered the ensemble (it had three members or more)
     * @param removed the members pruned in all
     * @param pruningIterations the iterations whose decision removed a member
     * @param selectsOnTrain whether the criterion decided on the training data (no --selection holdout)
     * @param stepsPerCandidate the training steps of each candidate
     * @param score the headline metric the figures are of
     */
    public record Facts(
            String criterion,
            double testAccuracy,
            Double trainAccuracy,
            int ensembleSize,
            double firstAccuracy,
            List<MemberFigures> members,
            int decisions,
            int removed,
            List<Integer> pruningIterations,
            boolean selectsOnTrain,
            int stepsPerCandidate,
            Score score) {
        /**
         * Facts of a classification run: its figures are accuracies.
         *
         * @param criterion the pruning criterion's id
         * @param testAccuracy the final ensemble's test accuracy
         * @param trainAccuracy its accuracy on the training partition, or null when unknown
         * @param ensembleSize the final ensemble's size
         * @param firstAccuracy the test accuracy after iteration 0, NaN when the run has one iteration
         * @param members the final members' own figures; empty when unknown
         * @param decisions the pruning decisions that considered the ensemble
         * @param removed the members pruned in all
         * @param pruningIterations the iterations whose decision removed a member
         * @param selectsOnTrain whether the criterion decided on the training data
         * @param stepsPerCandidate the training steps of each candidate
         */
        public Facts(
                String criterion,
                double testAccuracy,
                Double trainAccuracy,
                int ensembleSize,
                double firstAccuracy,
                List<MemberFigures> members,
                int decisions,
                int removed,
                List<Integer> pruningIterations,
                boolean selectsOnTrain,
                int stepsPerCandidate) {
            this(
                    criterion,
                    testAccuracy,
                    trainAccuracy,
                    ensembleSize,
                    firstAccuracy,
                    members,
                    decisions,
                    removed,
                    pruningIterations,
                    selectsOnTrain,
                    stepsPerCandidate,
                    Score.ACCURACY);
        }

        /**
         * @param r a finished search
         * @return its facts
         */
        public static Facts of(SearchResult r) {
            List<IterationRecord> its = r.iterations();
            List<MemberFigures> members = new ArrayList<>();
            double[] test = r.metrics().memberTestAccuracies();
            double[] train = r.metrics().memberTrainAccuracies();
            if (test != null && train != null && test.length == r.ensemble().size()) {
                for (int j = 0; j < test.length; j++) {
                    members.add(new MemberFigures(r.ensemble().members().get(j).id(), test[j], train[j]));
                }
            }
            int decisions = 0;
            int removed = 0;
            List<Integer> pruning = new ArrayList<>();
            for (IterationRecord it : its) {
                Object considered = it.pruneDecision().details().values().get("considered");
                if (!Boolean.FALSE.equals(considered)) {
                    decisions++;
                }
                if (!it.pruned().isEmpty()) {
                    removed += it.pruned().size();
                    pruning.add(it.iteration());
                }
            }
            double first = its.size() > 1 ? its.get(0).headline() : Double.NaN;
            return new Facts(
                    r.config().criterion().id(),
                    r.metrics().headline(),
                    r.metrics().trainAccuracy(),
                    r.metrics().ensembleSize(),
                    first,
                    members,
                    decisions,
                    removed,
                    pruning,
                    r.config().selection().holdoutFraction() == 0,
                    r.config().stepsPerIteration(),
                    Score.of(r.dataset().learned()));
        }
    }

    /**
     * @param f the run's facts
     * @return the paragraph's sentences, in order: the result, the pruning, the fit
     */
    public static List<String> sentences(Facts f) {
        List<String> out = new ArrayList<>();
        out.add(result(f));
        String best = bestMember(f);
        if (best != null) {
            out.add(best);
        }
        out.add(pruning(f));
        String fit = fit(f);
        if (fit != null) {
            out.add(fit);
        }
        return out;
    }

    /** The final ensemble against the single network of iteration 0. */
    static String result(Facts f) {
        String head = "The final ensemble of " + members(f.ensembleSize()) + " reaches "
                + f.score().label() + " " + acc(f.testAccuracy());
        if (Double.isNaN(f.firstAccuracy())) {
            return head + ".";
        }
        double d = f.testAccuracy() - f.firstAccuracy();
        String first = "the single network of iteration 0 (" + acc(f.firstAccuracy()) + ")";
        if (same(f, d, f.firstAccuracy())) {
            return head + ", about the same as " + first + ": the members added later did not change the result.";
        }
        String by = amount(f, d, f.firstAccuracy()) + (d > 0 ? " above " : " below ") + first;
        if (f.score().better(f.testAccuracy(), f.firstAccuracy())) {
            return head + ", " + by + ": growing the ensemble paid off.";
        }
        return head + ", " + by + ": the members added later did not pay off at this budget (" + f.stepsPerCandidate()
                + " steps per candidate).";
    }

    /** The ensemble against its best member alone, when the members' own accuracies are known. */
    static String bestMember(Facts f) {
        if (f.members().size() < 2) {
            return null;
        }
        MemberFigures best = f.members().get(0);
        for (MemberFigures m : f.members()) {
            if (m.testAccuracy() > best.testAccuracy()) {
                best = m;
            }
        }
        double d = f.testAccuracy() - best.testAccuracy();
        String alone = "its best member alone (#" + best.id() + ", " + acc(best.testAccuracy()) + ")";
        if (Math.abs(d) < SAME) {
            return "The ensemble is about as accurate as " + alone + ": its members mostly agree.";
        }
        if (d > 0) {
            return "The ensemble is " + points(d) + " more accurate than " + alone
                    + ": its members' errors partly cancel.";
        }
        return "The ensemble is " + points(-d) + " less accurate than " + alone + ": weaker members outvote it.";
    }

    /** Why the criterion pruned, or did not. */
    static String pruning(Facts f) {
        String c = f.criterion().toUpperCase(Locale.ROOT);
        if (f.criterion().equals(KeepAll.ID)) {
            return "AdaNet prunes nothing: every member it selected stays.";
        }
        if (f.decisions() == 0) {
            return c + " never decided: it decides at the start of an iteration whose ensemble has at least three"
                    + " members, and this ensemble never had them.";
        }
        if (f.removed() > 0) {
            String at = String.join(
                    ", ", f.pruningIterations().stream().map(String::valueOf).toList());
            return c + " removed " + members(f.removed()) + " in " + decisions(f) + " (at iteration"
                    + (f.pruningIterations().size() == 1 ? " " : "s ") + at + "), leaving " + members(f.ensembleSize())
                    + ".";
        }
        boolean fitted = !f.members().isEmpty() && f.members().stream().allMatch(m -> m.trainAccuracy() >= 1.0);
        if (f.criterion().equals(AccuracyPerformance.ID)) {
            if (fitted && f.selectsOnTrain()) {
                return "PAP pruned nothing in its " + decisions(f) + ": every member fits the training data perfectly"
                        + " (training accuracies 1.0), so on the training data, where PAP decides, no member's removal"
                        + " lowers the vote's error; decide on held-out data (--selection holdout:0.1) to let PAP"
                        + " tell the members apart.";
            }
            return "PAP pruned nothing in its " + decisions(f) + ": removing any one member never lowered the vote's"
                    + " error on the selection data (every leave-one-out error is at least the ensemble's).";
        }
        return c + " pruned nothing in its " + decisions(f) + ".";
    }

    /** Over- or under-fitting, from the training and test accuracy of the final ensemble. */
    static String fit(Facts f) {
        if (f.trainAccuracy() == null) {
            return null;
        }
        if (!f.score().isProportion()) {
            return errorFit(f);
        }
        double train = f.trainAccuracy();
        double gap = train - f.testAccuracy();
        String both = "Training accuracy " + acc(train) + " against test " + acc(f.testAccuracy());
        if (gap >= OVERFIT_GAP) {
            return both + " (" + points(gap) + " apart): the members fit the training data much better than new"
                    + " data (over-fitting); fewer steps (--steps), smaller members (--width) or more training data"
                    + " narrow the gap.";
        }
        if (gap < CLOSE_GAP && train < FITTED) {
            return both + ": close, and the training data is not fitted yet (under-fitting); there is room to learn"
                    + " more: try more steps (--steps; now " + f.stepsPerCandidate()
                    + " per candidate) or wider members"
                    + " (--width).";
        }
        return both + ": no sign of strong over- or under-fitting.";
    }

    /** A test error this many times the training error is over-fitting (a quarter above). */
    static final double OVERFIT_RATIO = 1.25;

    /** Over-fitting from an error (RMSE): the test error well above the training error; under-fitting needs a noise
     * level the data does not tell, so it is not judged. */
    private static String errorFit(Facts f) {
        double train = f.trainAccuracy();
        String both = "Training " + f.score().metric() + " " + acc(train) + " against test " + acc(f.testAccuracy());
        if (f.testAccuracy() >= OVERFIT_RATIO * train) {
            return both + ": the members fit the training data much better than new data (over-fitting); fewer steps"
                    + " (--steps), smaller members (--width) or more training data narrow the gap.";
        }
        return both + ": no sign of strong over-fitting.";
    }

    /** Whether a change is too small to speak of: 0.2 points of accuracy, 0.5% of an error. */
    private static boolean same(Facts f, double d, double reference) {
        return f.score().isProportion() ? Math.abs(d) < SAME : Math.abs(d) < 0.005 * Math.abs(reference);
    }

    /** A change in words: points of accuracy, or the percentage of an error it changed. */
    private static String amount(Facts f, double d, double reference) {
        return f.score().isProportion() ? points(Math.abs(d)) : Decimals.of(100 * Math.abs(d) / reference, 1) + "%";
    }

    private static String decisions(Facts f) {
        return f.decisions() + " decision" + (f.decisions() == 1 ? "" : "s");
    }

    private static String members(int n) {
        return n + " member" + (n == 1 ? "" : "s");
    }

    private static String acc(double a) {
        return Decimals.of(a, 4);
    }

    private static String points(double d) {
        return Decimals.of(100 * d, 2) + " points";
    }
}
