package org.saepj.data;

import java.util.List;
import java.util.Objects;
import org.saepj.task.ClassLabels;
import org.saepj.task.Targets;

/**
 * A labelled dataset: features held as one contiguous row-major float array ({@code size × featureSize}) and
 * {@link Targets} (class labels, or the values of another task).
 *
 * <p>Images are stored height × width × channels (HWC) per sample, scaled to [0,1]. Instances are
 * immutable by convention: the arrays are never modified after construction, and every transform returns a
 * new dataset.
 */
public final class Dataset {
    /**
     * Image pixels (0–255 in the files) are stored divided by this,
     * as in the paper; exports and raw-row prediction divide alike.
     */
    public static final float PIXEL_MAX = 255f;

    private final String name;
    private final float[] features;
    private final Targets targets;
    private final Shape shape;

    /**
     * Creates a classification dataset; the arrays are taken as they are, not copied.
     *
     * @param name a short human-readable name ("fashion-mnist/train")
     * @param features {@code labels.length × shape.size()} values, row-major
     * @param labels class indices in {@code [0, classNames.size())}
     * @param shape the shape of one sample
     * @param classNames the name of each class index
     */
    public Dataset(String name, float[] features, int[] labels, Shape shape, List<String> classNames) {
        this(name, features, new ClassLabels(labels, classNames), shape);
    }

    /**
     * Creates a dataset; the features are taken as they are, not copied.
     *
     * @param name a short human-readable name ("fashion-mnist/train")
     * @param features {@code targets.size() × shape.size()} values, row-major
     * @param targets one target per sample
     * @param shape the shape of one sample
     */
    public Dataset(String name, float[] features, Targets targets, Shape shape) {
        this.name = Objects.requireNonNull(name);
        this.features = Objects.requireNonNull(features);
        this.targets = Objects.requireNonNull(targets);
        this.shape = Objects.requireNonNull(shape);
        if ((long) targets.size() * shape.size() != features.length) {
            throw new IllegalArgumentException("features hold " + features.length + " values, expected "
                    + targets.size() + " samples × " + shape.size());
        }
    }

    /** @return the dataset's name */
    public String name() {
        return name;
    }

    /** @return the number of samples */
    public int size() {
        return targets.size();
    }

    /** @return the number of values per sample */
    public int featureSize() {
        return shape.size();
    }

    /** @return the shape of one sample */
    public Shape shape() {
        return shape;
    }

    /** @return one target per sample */
    public Targets targets() {
        return targets;
    }

    /** @return how many outputs per sample a network needs for these targets (the class count, 1 for a value) */
    public int outputWidth() {
        return targets.task().outputWidth(targets);
    }

    /** @return the number of classes */
    public int classCount() {
        return classLabels().classCount();
    }

    /** @return the class names, indexed by label */
    public List<String> classNames() {
        return classLabels().classNames();
    }

    /**
     * The backing feature array, shared for speed: callers must not modify it.
     *
     * @return {@code size × featureSize} values, row-major
     */
    public float[] features() {
        return features;
    }

    /**
     * The backing label array of a classification dataset, shared for speed: callers must not modify it.
     *
     * @return one class index per sample
     */
    public int[] labels() {
        return classLabels().labels();
    }

    /** @return the number of samples of each class */
    public int[] classCounts() {
        return classLabels().classCounts();
    }

    /** The targets as class labels; code that reaches here runs only for classification. */
    private ClassLabels classLabels() {
        if (targets instanceof ClassLabels y) {
            return y;
        }
        throw new IllegalStateException(
                name + " holds targets of the task " + targets.task().id() + ", not class labels");
    }

    /**
     * Selects samples by index, in the given order.
     *
     * @param indices sample indices (may repeat)
     * @param newName name of the result
     * @return a new dataset holding copies of the selected samples
     */
    public Dataset subset(int[] indices, String newName) {
        int d = featureSize();
        float[] x = new float[indices.length * d];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(features, indices[i] * d, x, i * d, d);
        }
        return new Dataset(newName, x, targets.select(indices), shape);
    }

    /**
     * Appends another dataset with the same shape and classes (used to pool train and test for K-fold).
     *
     * @param other the samples to append
     * @param newName name of the result
     * @return a new dataset with this dataset's samples followed by the other's
     */
    public Dataset concat(Dataset other, String newName) {
        if (!other.shape.equals(shape)) {
            throw new IllegalArgumentException("cannot join " + name + " and " + other.name + ": shapes differ");
        }
        Targets joined;
        try {
            joined = targets.append(other.targets);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot join " + name + " and " + other.name + ": " + e.getMessage(), e);
        }
        float[] x = java.util.Arrays.copyOf(features, features.length + other.features.length);
        System.arraycopy(other.features, 0, x, features.length, other.features.length);
        return new Dataset(newName, x, joined, shape);
    }

    @Override
    public String toString() {
        return name + " (" + size() + " × " + shape + ", " + targets + ")";
    }
}
