package org.saepj.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.saepj.DataException;
import org.saepj.data.Dataset;
import org.saepj.data.SourceData;
import org.saepj.task.ClassLabels;

/**
 * Refuses data a search cannot learn from honestly, before any training: fewer than two classes with
 * samples, classes with no training samples (an invented class, or labels that are not 0..C−1), labels
 * that look like a feature (most classes hold one sample), and empty test or selection splits. Each message
 * names the source and what to change. Classification's check of its training labels ({@code ClassificationTask}).
 */
public final class TrainableData {
    private TrainableData() {}

    /**
     * @param train the training part's class labels
     * @param source the source they were read from
     * @throws DataException when a search cannot learn them
     */
    public static void check(ClassLabels train, String source) {
        Optional<String> problem = problem(train, source);
        if (problem.isPresent()) {
            throw new DataException(problem.get());
        }
    }

    /**
     * The check of {@link #check} as a message, for those that show data without searching it ({@code saep datasets
     * show} warns with it).
     *
     * @param train the training part
     * @param source the source, named in the message
     * @return what a search would refuse the data for, or empty (always for targets other than class labels, whose
     *     task checks them itself)
     */
    public static Optional<String> problem(Dataset train, String source) {
        return train.targets() instanceof ClassLabels labels ? problem(labels, source) : Optional.empty();
    }

    /**
     * Classes a source's labels make that no sample holds, in its training and test parts together: what labels out
     * of range invent (IDX labels all 200 name 201 classes, 200 of them empty), or class numbers with gaps. For those
     * that read data without searching it ({@code evaluate}, {@code predict}), which warn with it; a search refuses
     * such training labels ({@link #check}).
     *
     * @param data the loaded source
     * @return one line naming the source and the empty classes, or empty when every class holds a sample (always
     *     for targets other than class labels)
     */
    public static Optional<String> emptyClasses(SourceData data) {
        if (!(data.train().targets() instanceof ClassLabels train)) {
            return Optional.empty();
        }
        int[] counts = train.classCounts().clone();
        if (data.test().isPresent() && data.test().get().targets() instanceof ClassLabels test) {
            int[] more = test.classCounts();
            for (int c = 0; c < Math.min(counts.length, more.length); c++) {
                counts[c] += more[c];
            }
        }
        List<String> empty = new ArrayList<>();
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] == 0) {
                empty.add(train.classNames().get(c));
            }
        }
        if (empty.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(data.source() + ": its labels make " + counts.length + " classes of which " + empty.size()
                + " hold no sample (" + shortList(empty) + "): labels out of range, or classes not numbered from 0"
                + " without gaps" + fix(data.source()));
    }

    /** The fix depends on where labels come from: the source's kind says. */
    private static String fix(String source) {
        return ": "
                + org.saepj.data.source.SourceKinds.locate(source)
                        .map(l -> l.kind().labelAdvice())
                        .orElse(org.saepj.data.source.SourceKind.LABELS_FILE_ADVICE);
    }

    private static Optional<String> problem(ClassLabels train, String source) {
        int[] counts = train.classCounts();
        List<String> empty = new ArrayList<>();
        int present = 0;
        int singletons = 0;
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] == 0) {
                empty.add(train.classNames().get(c));
            } else {
                present++;
                singletons += counts[c] == 1 ? 1 : 0;
            }
        }
        String fix = fix(source);
        if (present < 2) {
            return Optional.of(source + ": the training labels hold " + present + " class" + (present == 1 ? "" : "es")
                    + ": a search needs at least 2" + fix);
        }
        if (!empty.isEmpty()) {
            return Optional.of(source + ": " + empty.size() + " of " + counts.length
                    + " classes have no training samples (" + shortList(empty) + ")" + fix);
        }
        if (counts.length > 10 && singletons * 2 > counts.length) {
            return Optional.of(source + ": " + singletons + " of " + counts.length
                    + " classes hold a single sample: the label column" + " looks like a feature, not a label" + fix);
        }
        return Optional.empty();
    }

    static void checkTest(Dataset part, String source, String what) {
        if (part.size() == 0) {
            throw new DataException(source + ": " + what + " is empty: too few samples per class to split off");
        }
    }

    private static String shortList(List<String> names) {
        List<String> shown = names.subList(0, Math.min(5, names.size())).stream()
                .map(n -> "'" + n + "'")
                .toList();
        return String.join(", ", shown) + (names.size() > 5 ? ", …" : "");
    }
}
