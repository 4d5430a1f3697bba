package org.saepj.spark;

import java.io.Serializable;
import org.saepj.data.Dataset;
import org.saepj.search.Partitions;
import org.saepj.search.PartitionsRecipe;

/**
 * A search's partitions as a broadcast value: the recipe travels (a few hundred bytes); each executor prepares the
 * partitions from it the first time one of its tasks asks, and keeps them while Spark keeps the broadcast value, so
 * the data is read once per executor, not once per candidate.
 */
final class SearchData implements Serializable {
    private static final long serialVersionUID = 1L;

    /** A partition of the search, named on the wire instead of sent. */
    enum Role {
        TRAIN,
        SELECTION,
        TEST;

        /**
         * @param p the search's partitions
         * @param d one of them
         * @return its role
         * @throws IllegalArgumentException when {@code d} is none of them
         */
        static Role of(Partitions p, Dataset d) {
            if (d == p.train()) {
                return TRAIN;
            }
            if (d == p.selection()) {
                return SELECTION;
            }
            if (d == p.test()) {
                return TEST;
            }
            throw new IllegalArgumentException(
                    d.name() + " is not a partition of the search (" + p.description() + ")");
        }

        Dataset in(Partitions p) {
            return switch (this) {
                case TRAIN -> p.train();
                case SELECTION -> p.selection();
                case TEST -> p.test();
            };
        }
    }

    private final PartitionsRecipe recipe;
    private transient Partitions partitions;

    SearchData(PartitionsRecipe recipe) {
        this.recipe = recipe;
    }

    /** @return the partitions, prepared on first use in this JVM */
    synchronized Partitions partitions() {
        if (partitions == null) {
            partitions = recipe.prepare(recipe.load());
        }
        return partitions;
    }
}
