package org.saepj.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.saepj.DataException;
import org.saepj.data.Dataset;
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
        // the fix depends on where labels come from: the source's kind says
        String fix = ": "
                + org.saepj.data.source.SourceKinds.locate(source)
                        .map(l -> l.kind().labelAdvice())
                        .orElse(org.saepj.data.source.SourceKind.LABELS_FILE_ADVICE);
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
