package org.saepj.cli.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.saepj.DataException;
import org.saepj.data.ClassOrder;
import org.saepj.pruning.PruningInput;

/**
 * The decision data of {@code saep prune --predictions P --labels L} (and, with {@code --test-predictions} and
 * {@code --test-labels}, held-out data to measure the pruned vote on): members' predicted labels and true labels as
 * class names or class indices, the same way in every file, put in {@link ClassOrder} (numbers by value, so
 * {@code 1} and {@code 01} are one class, names in sorting order; ties of the vote go to the first). A first row is
 * a header when it holds something that is not a class: in the predictions a cell that is no label, in the labels a
 * cell found nowhere else; a header of the predictions names the members.
 *
 * @param memberNames the members' names from the predictions' header, or null without one
 * @param classes the class names in class order
 * @param decision what the criterion decides on, uniformly weighted
 * @param heldOut the held-out predictions and labels, or null
 */
public record PruningTables(
        List<String> memberNames, List<String> classes, PruningInput decision, PruningInput heldOut) {
    /**
     * @param predictions --predictions
     * @param labels --labels
     * @param testPredictions --test-predictions, or null
     * @param testLabels --test-labels, or null
     * @return the tables, checked against each other
     */
    public static PruningTables read(Path predictions, Path labels, Path testPredictions, Path testLabels) {
        Pair decision = Pair.read(LabelTable.read(predictions, "--predictions"), LabelTable.read(labels, "--labels"));
        Pair test = testPredictions == null
                ? null
                : Pair.read(
                        LabelTable.read(testPredictions, "--test-predictions"),
                        LabelTable.read(testLabels, "--test-labels"));
        if (test != null) {
            if (test.members() != decision.members()) {
                throw new DataException(test.p.named() + " has " + test.members()
                        + " member columns: --predictions has " + decision.members());
            }
            if (test.names != null && decision.names != null && !test.names.equals(decision.names)) {
                throw new DataException(test.p.named() + ": its columns " + test.names
                        + " are not the members of --predictions, " + decision.names);
            }
        }
        List<String> all = new ArrayList<>(decision.cells());
        if (test != null) {
            if (decision.indices() != test.indices()) {
                throw new DataException(
                        "--predictions and --test-predictions write classes differently (indices in one, names in the"
                                + " other): write them the same way");
            }
            all.addAll(test.cells());
        }
        List<String> classes = ClassOrder.of(all);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            index.put(classes.get(i), i);
        }
        return new PruningTables(
                decision.names,
                List.copyOf(classes),
                decision.input(index, classes.size()),
                test == null ? null : test.input(index, classes.size()));
    }

    /** @return the name of member j: its header name, or its index */
    public String memberName(int j) {
        return memberNames == null ? String.valueOf(j) : memberNames.get(j);
    }

    /** A predictions file with its labels, headers settled. */
    private record Pair(
            LabelTable p, LabelTable y, List<String> names, List<String[]> predictions, List<String> labels) {
        static Pair read(LabelTable p, LabelTable y) {
            if (y.width() != 1) {
                throw new DataException(y.named() + " must have one label per row, found " + y.width() + " columns");
            }
            Set<String> predicted = new HashSet<>();
            // Cells are compared as the classes they name: "1.0" among the labels is the class "1" of the predictions.
            p.rows().stream()
                    .skip(1)
                    .forEach(r -> Arrays.stream(r).map(ClassOrder::name).forEach(predicted::add));
            List<String> labelCells = y.rows().stream().map(r -> r[0]).toList();
            List<String> labelNames = labelCells.stream().map(ClassOrder::name).toList();
            String first = labelNames.get(0);
            List<String> restNames = labelNames.subList(1, labelNames.size());
            boolean labelHeader = labelCells.size() > 1 && !predicted.contains(first) && !restNames.contains(first);
            List<String> labels = labelHeader ? labelCells.subList(1, labelCells.size()) : labelCells;
            Set<String> known = new HashSet<>(labelHeader ? restNames : labelNames);
            boolean predictionHeader = p.rows().size() > 1
                    && Arrays.stream(p.rows().get(0)).anyMatch(c -> !known.contains(ClassOrder.name(c)));
            List<String[]> rows = p.body(predictionHeader);
            if (rows.size() != labels.size()) {
                throw new DataException(p.named() + " has " + rows.size() + " rows of predictions but " + y.named()
                        + " has "
                        + labels.size() + " labels"
                        + (predictionHeader ? " (its first row, naming no label, was taken as its header)" : "")
                        + (labelHeader ? " (its first row, a value found nowhere else, was taken as its header)" : ""));
            }
            boolean labelIndices = labels.stream().allMatch(ClassOrder::isIndex);
            boolean predictionIndices = rows.stream().flatMap(Arrays::stream).allMatch(ClassOrder::isIndex);
            if (labelIndices != predictionIndices) {
                throw new DataException(p.named() + " and " + y.named() + " write classes differently ("
                        + (labelIndices
                                ? "indices in the labels, names in the predictions"
                                : "names in the labels, indices in the predictions")
                        + "): write them the same way");
            }
            return new Pair(p, y, predictionHeader ? List.of(p.rows().get(0)) : null, rows, labels);
        }

        int members() {
            return p.width();
        }

        boolean indices() {
            return labels.stream().allMatch(ClassOrder::isIndex);
        }

        List<String> cells() {
            List<String> all = new ArrayList<>(labels);
            predictions.forEach(r -> all.addAll(Arrays.asList(r)));
            return all;
        }

        PruningInput input(Map<String, Integer> index, int classes) {
            int[][] byMember = new int[members()][predictions.size()];
            int[] y = new int[labels.size()];
            for (int s = 0; s < predictions.size(); s++) {
                for (int j = 0; j < members(); j++) {
                    byMember[j][s] = index.get(ClassOrder.name(predictions.get(s)[j]));
                }
                y[s] = index.get(ClassOrder.name(labels.get(s)));
            }
            double[] w = new double[members()];
            Arrays.fill(w, 1.0 / members());
            return new PruningInput(byMember, y, w, classes);
        }
    }
}
