package org.saepj.spark;

import java.io.Serializable;

/**
 * What crosses the wire to an executor for one candidate: the candidate and its training recipe as their stored JSON
 * forms, the batches it trains on, and which of the search's partitions it trains on and is evaluated on — never the
 * data itself, which the executor prepares once from the search's {@link SearchData}. A final class rather than a
 * record: Spark's Kryo cannot serialise records, and Java serialisation of these fields is all a task needs.
 */
final class CandidateTask implements Serializable {
    private static final long serialVersionUID = 3L;
    final int index;
    final String candidateJson;
    final int[] batches;
    final int batchSize;
    final SearchData.Role train;
    final SearchData.Role[] outputsOn;
    /** The driver's backend: an executor computing with another would give other numbers. */
    final String backend;
    /** The partition early stopping measures on, or null without early stopping. */
    final SearchData.Role validation;
    /** Early stopping's steps between measurements (0: automatic) and patience (0: none). */
    final int checkEvery;

    final int patience;

    /**
     * The schedule, label smoothing, augmentation (with its seed) and gradient clipping, as the stored JSON form of
     * the driver's {@link org.saepj.execution.TrainingRecipe}.
     */
    final String recipeJson;

    CandidateTask(
            int index,
            String candidateJson,
            int[] batches,
            int batchSize,
            SearchData.Role train,
            SearchData.Role[] outputsOn,
            String backend,
            SearchData.Role validation,
            int checkEvery,
            int patience,
            String recipeJson) {
        this.recipeJson = recipeJson;
        this.validation = validation;
        this.checkEvery = checkEvery;
        this.patience = patience;
        this.index = index;
        this.candidateJson = candidateJson;
        this.batches = batches;
        this.batchSize = batchSize;
        this.train = train;
        this.outputsOn = outputsOn;
        this.backend = backend;
    }
}
