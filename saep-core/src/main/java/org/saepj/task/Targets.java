package org.saepj.task;

/**
 * What a dataset's samples are labelled with — class indices, real values — one entry per sample. Immutable; the
 * {@link Task} that learns them is named by {@link #task()}.
 */
public interface Targets {
    /** @return the number of samples */
    int size();

    /** @return the task that learns these targets */
    Task task();

    /**
     * Selects samples by index, in the given order.
     *
     * @param rows sample indices (may repeat)
     * @return the targets of those samples
     */
    Targets select(int[] rows);

    /**
     * Joins two sets of targets of the same kind (train and test, pooled for K-fold).
     *
     * @param other targets of the same kind and meaning
     * @return these targets followed by the other's
     * @throws IllegalArgumentException when the two do not describe the same outputs (other classes, another task)
     */
    Targets append(Targets other);

    /**
     * @return the targets in one line for the start of a search: the classes by index ("classes: 0 setosa, …"; empty
     *     when they are just 0, 1, …), or the values' range and mean
     */
    String describe();
}
