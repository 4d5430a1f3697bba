package org.saepj.search;

import java.util.List;
import java.util.Locale;

/**
 * What data each choice of a search was made on, for its report: the test data is only ever measured, never used to
 * choose.
 *
 * @param candidateTraining what candidates train on
 * @param earlyStopping what stops a candidate before its last step, or that nothing does
 * @param objective what AdaNet's objective, which picks each iteration's option, is computed on
 * @param mixtureWeights what the mixture weights are fitted on
 * @param pruning what the pruning criterion scores members on
 * @param finalEnsemble which iteration's ensemble is the result, and why
 * @param test what the test data is used for
 * @param temperature what the final ensemble's temperature (temperature scaling) is fitted on, or why there is none
 * @param finalTraining what the final members' parameters were last trained on when they were retrained after the
 *     choices ({@code --refit}); absent when they were not, and in reports written before it existed
 * @param encoding what picked the encoding of the features, with scaling {@code auto} ({@link EncodingChoice}); absent
 *     otherwise, and in reports written before it existed
 */
public record DataUse(
        String candidateTraining,
        String earlyStopping,
        String objective,
        String mixtureWeights,
        String pruning,
        String finalEnsemble,
        String test,
        String temperature,

        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        String finalTraining,

        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        String encoding) {
    private static final String TRAINING = "the training data";
    private static final String VALIDATION = "the validation part";

    /**
     * @param r a finished search
     * @return what it used for what
     */
    public static DataUse of(SearchResult r) {
        DataUse use = of(r.config(), r.finalIteration(), r.dataset().trainSize(), r.refit(), r.bags());
        return r.encoding() == null ? use : use.withEncoding(r.encoding());
    }

    /** @return this, with what picked the encoding of the features */
    private DataUse withEncoding(EncodingChoice choice) {
        return new DataUse(
                candidateTraining,
                earlyStopping,
                objective,
                mixtureWeights,
                pruning,
                finalEnsemble,
                test,
                temperature,
                finalTraining,
                "the validation data: the search ran on each encoding and kept "
                        + choice.chosen().id() + ", of the lower " + choice.basis() + " (" + choice.losses() + ")");
    }

    /**
     * What a search whose members were not retrained after the choices used for what.
     *
     * @param config the search's configuration
     * @param finalIteration the iteration whose ensemble is the result
     * @param trainRows the rows candidates trained on
     * @return what the search used for what
     */
    public static DataUse of(SearchConfig config, int finalIteration, int trainRows) {
        return of(config, finalIteration, trainRows, null);
    }

    /**
     * @param config the search's configuration
     * @param finalIteration the iteration whose ensemble is the result
     * @param trainRows the rows candidates trained on, which decide their steps and so the early-stopping interval
     * @param refit how the final members were retrained after the choices, or null when they were not
     * @return what the search used for what
     */
    public static DataUse of(SearchConfig config, int finalIteration, int trainRows, Refit refit) {
        return of(config, finalIteration, trainRows, refit, null);
    }

    /**
     * @param config the search's configuration
     * @param finalIteration the iteration whose ensemble is the result (-1 for a bagged search)
     * @param trainRows the rows candidates trained on (all the training rows, for a bagged search)
     * @param refit how the final members were retrained after the choices, or null when they were not
     * @param bags what each bag chose, in a bagged search; null for one search
     * @return what the search used for what
     */
    public static DataUse of(
            SearchConfig config, int finalIteration, int trainRows, Refit refit, List<BagRecord> bags) {
        if (bags != null && !bags.isEmpty()) {
            return bagged(config, bags);
        }
        SelectionSet selection = config.selection();
        ValidationPlan plan = config.validation();
        String selectionData = selection.isTrain() ? TRAINING : VALIDATION;
        String training = selection.isTrain()
                ? TRAINING
                : TRAINING + " less the validation part (a stratified " + Math.round(selection.holdoutFraction() * 100)
                        + "% of it, which no candidate trains on)";
        String stopping = stopping(config, trainRows, VALIDATION);
        String objective = plan.objectiveOn() == ValidationPlan.ObjectiveData.TRAIN ? TRAINING : selectionData;
        String weights = config.mixture() == Mixture.LEARNED ? TRAINING : "none fitted: uniform";
        String last = plan.finalEnsemble() == ValidationPlan.FinalEnsemble.BEST
                ? "iteration " + finalIteration + ": the lowest ensemble loss on " + VALIDATION
                : "iteration " + finalIteration + ": the last";
        String temperature = plan.temperature() == ValidationPlan.Temperature.OFF
                ? "none: temperature scaling is off"
                : selection.isTrain()
                        ? "none: there is no validation part to fit one on"
                        : VALIDATION + " (the temperature of lowest NLL; classification only)"
                                + (refit == null ? "" : ", with the members as chosen, before their retraining");
        return new DataUse(
                training,
                stopping,
                objective,
                weights,
                selectionData,
                last,
                "measured only: no choice is made on it",
                temperature,
                refit == null ? null : refit.describe(),
                null);
    }

    /** A bagged search's: each bag's choices on its own validation part, the union of their ensembles. */
    private static DataUse bagged(SearchConfig config, List<BagRecord> bags) {
        ValidationPlan plan = config.validation();
        int k = bags.size();
        String own = "each bag's own validation part";
        String training = "in each of the " + k + " bags, " + TRAINING + " less that bag's own validation part (a"
                + " stratified " + Math.round(config.selection().holdoutFraction() * 100) + "% of it drawn for the"
                + " bag, which its candidates never train on): a row held out by one bag trains the others' members";
        String stopping = stopping(config, bags.get(0).trainRows(), own);
        String objective = plan.objectiveOn() == ValidationPlan.ObjectiveData.TRAIN ? TRAINING : own;
        String weights = config.mixture() == Mixture.LEARNED ? TRAINING + " of each bag" : "none fitted: uniform";
        String which = plan.finalEnsemble() == ValidationPlan.FinalEnsemble.BEST
                ? "each bag's iteration of lowest ensemble loss on its validation part"
                : "each bag's last iteration";
        String last = "the union of the " + k + " bags' ensembles, each member's weight divided by " + k + " ("
                + which + ": "
                + bags.stream().map(b -> String.valueOf(b.finalIteration())).toList()
                + "); each bag's ensemble on its own validation part: "
                + bags.stream()
                        .map(b -> String.format(Locale.ROOT, "%.4f", b.validationHeadline()))
                        .toList();
        String temperature = plan.temperature() == ValidationPlan.Temperature.OFF
                ? "none: temperature scaling is off"
                : "the out-of-bag outputs: each training row some bag held out, scored by the mean of those bags'"
                        + " ensembles (the temperature of lowest NLL; classification only)";
        return new DataUse(
                training,
                stopping,
                objective,
                weights,
                own,
                last,
                "measured only: no choice is made on it",
                temperature,
                null,
                null);
    }

    /** What stops a candidate early: the loss on {@code on}, how often and how patiently, or that nothing does. */
    private static String stopping(SearchConfig config, int trainRows, String on) {
        ValidationPlan plan = config.validation();
        return plan.earlyStopping().enabled()
                ? "the loss on " + on + ", measured " + interval(config, trainRows)
                        + ", patience " + plan.earlyStopping().patience()
                        + "; the parameters and layer state of the lowest"
                        + " measurement are kept"
                : "none: every candidate trains all its steps and keeps its last parameters";
    }

    /** How often early stopping measured, in steps, and what the interval is a twentieth of. */
    private static String interval(SearchConfig config, int trainRows) {
        ValidationPlan plan = config.validation();
        int every = plan.earlyStopping().every();
        CheckBasis basis = plan.checkBasis();
        if (basis != null && !plan.checksUnresolved()) {
            String share = basis.networks() == 1
                    ? String.valueOf(basis.iterations())
                    : basis.iterations() + "/" + basis.networks();
            return "every " + every + " steps, the search's candidates' interval (a twentieth of their " + basis.steps()
                    + " steps; this network trains the budget of " + share + " candidates)";
        }
        if (every > 0) {
            return "every " + every + " steps";
        }
        int steps = config.stepsPerIteration(trainRows);
        return "every twentieth of a candidate's steps (every "
                + plan.earlyStopping().interval(steps) + " of its " + steps + ")";
    }
}
