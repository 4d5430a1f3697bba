package org.saepj.search;

import java.util.List;

/**
 * What one bag of a bagged search ({@link BaggedSearch}) chose: its search trained on every part of the training data
 * but one and made its choices on that one.
 *
 * @param bag the bag, from 1
 * @param trainRows the rows its candidates trained on
 * @param validationRows the rows its choices were made on (its validation part; every training row validates one bag)
 * @param finalIteration the iteration whose ensemble it contributes (the best on its validation part, or the last)
 * @param memberIds the union's ids of the members it contributes
 * @param validationHeadline its ensemble's accuracy on its validation part (a regression's RMSE, in the data's unit
 *     when standardised targets are undone by the task)
 * @param stoppedEarly why its search ended before its last iteration, or null
 * @param seconds its search's wall time
 */
public record BagRecord(
        int bag,
        int trainRows,
        int validationRows,
        int finalIteration,
        List<Integer> memberIds,
        double validationHeadline,
        String stoppedEarly,
        double seconds) {
    /** Copies the ids. */
    public BagRecord {
        memberIds = List.copyOf(memberIds);
    }
}
