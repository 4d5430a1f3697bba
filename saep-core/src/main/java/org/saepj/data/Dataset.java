package org.saepj.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A labelled dataset held as one contiguous row-major float array ({@code size × featureSize}).
 *
 * <p>Images are stored height × width × channels (HWC) per sample, scaled to [0,1]. Instances are
 * immutable by convention: the arrays are never modified after construction, and every transform returns a
 * new dataset.
 */
public final class Dataset {
    /** Image pixels (0–255 in the files) are stored divided by this, as in the paper; exports and raw-row prediction divide alike. */
    public static final float PIXEL_MAX = 255f;

    private final String name;
    private final float[] features;
    private final int[] labels;
    private final Shape shape;
    private final List<String> classNames;

    /**
     * Creates a dataset; the arrays are taken as they are, not copied.
     *
     * @param name a short human-readable name ("fashion-mnist/train")
     * @param features {@code labels.length × shape.size()} values, row-major
     * @param labels class indices in {@code [0, classNames.size())}
     * @param shape the shape of one sample
     * @param classNames the name of each class index
     */
    public Dataset(String name, float[] features, int[] labels, Shape shape, List<String> classNames) {
        this.name = Objects.requireNonNull(name);
        this.features = Objects.requireNonNull(features);
        this.labels = Objects.requireNonNull(labels);
        this.shape = Objects.requireNonNull(shape);
        this.classNames = List.copyOf(classNames);
        if ((long) labels.length * shape.size() != features.length) {
            throw new IllegalArgumentException("features hold " + features.length + " values, expected "
                    + labels.length + " samples × " + shape.size());
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= this.classNames.size()) {
                throw new IllegalArgumentException("label " + labels[i] + " of sample " + i
                        + " is outside [0, " + this.classNames.size() + ")");
            }
        }
    }

    /** @return the dataset's name */
    public String name() {
        return name;
    }

    /** @return the number of samples */
    public int size() {
        return labels.length;
    }

    /** @return the number of values per sample */
    public int featureSize() {
        return shape.size();
    }

    /** @return the shape of one sample */
    public Shape shape() {
        return shape;
    }

    /** @return the number of classes */
    public int classCount() {
        return classNames.size();
    }

    /** @return the class names, indexed by label */
    public List<String> classNames() {
        return classNames;
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
     * The backing label array, shared for speed: callers must not modify it.
     *
     * @return one class index per sample
     */
    public int[] labels() {
        return labels;
    }

    /** @return the number of samples of each class */
    public int[] classCounts() {
        int[] counts = new int[classCount()];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
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
        int[] y = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(features, indices[i] * d, x, i * d, d);
            y[i] = labels[indices[i]];
        }
        return new Dataset(newName, x, y, shape, classNames);
    }

    /**
     * Appends another dataset with the same shape and classes (used to pool train and test for K-fold).
     *
     * @param other the samples to append
     * @param newName name of the result
     * @return a new dataset with this dataset's samples followed by the other's
     */
    public Dataset concat(Dataset other, String newName) {
        if (!other.shape.equals(shape) || !other.classNames.equals(classNames)) {
            throw new IllegalArgumentException("cannot join " + name + " and " + other.name
                    + ": shapes or classes differ");
        }
        float[] x = Arrays.copyOf(features, features.length + other.features.length);
        System.arraycopy(other.features, 0, x, features.length, other.features.length);
        int[] y = Arrays.copyOf(labels, labels.length + other.labels.length);
        System.arraycopy(other.labels, 0, y, labels.length, other.labels.length);
        return new Dataset(newName, x, y, shape, classNames);
    }

    @Override
    public String toString() {
        return name + " (" + size() + " × " + shape + ", " + classCount() + " classes)";
    }
}
