package org.saepj.task;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Class labels: one class index per sample, and the name of each class. The targets of {@link ClassificationTask}.
 */
public final class ClassLabels implements Targets {
    private final int[] labels;
    private final List<String> classNames;

    /**
     * Takes the array as it is, not copied; it must not be modified afterwards.
     *
     * @param labels class indices in {@code [0, classNames.size())}
     * @param classNames the name of each class index
     * @throws IllegalArgumentException when a label is outside the classes
     */
    public ClassLabels(int[] labels, List<String> classNames) {
        this.labels = Objects.requireNonNull(labels);
        this.classNames = List.copyOf(classNames);
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= this.classNames.size()) {
                throw new IllegalArgumentException(
                        "label " + labels[i] + " of sample " + i + " is outside [0, " + this.classNames.size() + ")");
            }
        }
    }

    /**
     * The backing array, shared for speed: callers must not modify it.
     *
     * @return one class index per sample
     */
    public int[] labels() {
        return labels;
    }

    /** @return the class names, indexed by label */
    public List<String> classNames() {
        return classNames;
    }

    /** @return the number of classes */
    public int classCount() {
        return classNames.size();
    }

    /** @return the number of samples of each class */
    public int[] classCounts() {
        int[] counts = new int[classCount()];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    @Override
    public int size() {
        return labels.length;
    }

    @Override
    public Task task() {
        return ClassificationTask.INSTANCE;
    }

    @Override
    public ClassLabels select(int[] rows) {
        int[] y = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            y[i] = labels[rows[i]];
        }
        return new ClassLabels(y, classNames);
    }

    @Override
    public ClassLabels append(Targets other) {
        if (!(other instanceof ClassLabels o) || !o.classNames.equals(classNames)) {
            throw new IllegalArgumentException("cannot join class labels with other targets: classes differ");
        }
        int[] y = Arrays.copyOf(labels, labels.length + o.labels.length);
        System.arraycopy(o.labels, 0, y, labels.length, o.labels.length);
        return new ClassLabels(y, classNames);
    }

    @Override
    public String describe() {
        boolean plain = true;
        for (int c = 0; c < classNames.size(); c++) {
            plain &= classNames.get(c).equals(Integer.toString(c));
        }
        if (plain) {
            return "";
        }
        StringBuilder line = new StringBuilder("classes: ");
        for (int c = 0; c < Math.min(12, classNames.size()); c++) {
            line.append(c == 0 ? "" : ", ").append(c).append(' ').append(classNames.get(c));
        }
        return line.append(classNames.size() > 12 ? ", … (" + classNames.size() + " in all: saep datasets show)" : "")
                .toString();
    }

    @Override
    public String toString() {
        return classNames.size() + " classes";
    }
}
