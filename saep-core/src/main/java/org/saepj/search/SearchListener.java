package org.saepj.search;

/**
 * Hears a search as it runs (progress bars, logs). Every method has an empty default. Candidate progress is
 * reported from worker threads; the other events come from the thread running the search.
 */
public interface SearchListener {
    /** A listener that ignores everything. */
    SearchListener NONE = new SearchListener() {};

    /**
     * A time budget was planned, before the first iteration ({@link TimePlan}).
     *
     * @param plan the steps and iterations that fit, and the throughput they came from
     */
    default void planned(TimePlan plan) {}

    /**
     * A bagged search ({@link BaggedSearch}) starts a bag's search; that search's events follow, its records tagged
     * with the bag ({@link IterationRecord#bag}). Only the whole search's end is heard ({@link #searchFinished}).
     *
     * @param bag the bag, from 1
     * @param bags K
     * @param trainRows the rows its candidates train on
     * @param validationRows the rows its choices are made on
     */
    default void bagStarted(int bag, int bags, int trainRows, int validationRows) {}

    /**
     * A search with {@code --scaling auto} ({@link EncodingSearch}) starts its run on one encoding of the features;
     * that run's events follow (a bagged one's bags included). Only the whole search's end is heard.
     *
     * @param run the run, from 1
     * @param runs how many encodings the search tries
     * @param encoding the encoding this run reads
     */
    default void encodingStarted(int run, int runs, org.saepj.data.preprocess.Scaling encoding) {}

    /**
     * @param iteration t, from 0
     * @param iterations T
     * @param ensembleSize members before pruning
     */
    default void iterationStarted(int iteration, int iterations, int ensembleSize) {}

    /**
     * @param iteration t
     * @param candidate the candidate's name
     * @param step steps done
     * @param steps steps in total
     */
    default void candidateProgress(int iteration, String candidate, int step, int steps) {}

    /**
     * The final members are retrained on the training rows and the validation part together ({@code --refit});
     * their progress follows as {@link #candidateProgress} of an iteration after the last.
     *
     * @param members how many members are retrained
     * @param rows the rows they are retrained on
     */
    default void refitStarted(int members, int rows) {}

    /**
     * @param iteration t
     * @param memberId the pruned member
     * @param criterion the pruning criterion
     */
    default void memberPruned(int iteration, int memberId, String criterion) {}

    /**
     * @param record what the iteration did
     */
    default void iterationFinished(IterationRecord record) {}

    /**
     * Something went wrong but the search goes on (every candidate of an iteration diverged, say).
     *
     * @param iteration t
     * @param message what happened
     */
    default void warning(int iteration, String message) {}

    /**
     * The search ends before its last iteration ({@link StoppingRule}).
     *
     * @param iterationsRun how many iterations ran
     * @param reason why it stops
     */
    default void stopped(int iterationsRun, String reason) {}

    /**
     * The search is complete: its final ensemble measured on the test data.
     *
     * @param result what it found
     */
    default void searchFinished(SearchResult result) {}

    /**
     * Passes every event of a search that is part of a larger one (a bag, an encoding's run) on to the larger search's
     * listener, but not its end: the larger search reports its own once. Override what the part changes on the way.
     */
    interface Forwarding extends SearchListener {
        /** @return the larger search's listener */
        SearchListener to();

        @Override
        default void planned(TimePlan plan) {
            to().planned(plan);
        }

        @Override
        default void bagStarted(int bag, int bags, int trainRows, int validationRows) {
            to().bagStarted(bag, bags, trainRows, validationRows);
        }

        @Override
        default void iterationStarted(int iteration, int iterations, int ensembleSize) {
            to().iterationStarted(iteration, iterations, ensembleSize);
        }

        @Override
        default void candidateProgress(int iteration, String candidate, int step, int steps) {
            to().candidateProgress(iteration, candidate, step, steps);
        }

        @Override
        default void refitStarted(int members, int rows) {
            to().refitStarted(members, rows);
        }

        @Override
        default void memberPruned(int iteration, int memberId, String criterion) {
            to().memberPruned(iteration, memberId, criterion);
        }

        @Override
        default void iterationFinished(IterationRecord record) {
            to().iterationFinished(record);
        }

        @Override
        default void warning(int iteration, String message) {
            to().warning(iteration, message);
        }

        @Override
        default void stopped(int iterationsRun, String reason) {
            to().stopped(iterationsRun, reason);
        }
    }
}
