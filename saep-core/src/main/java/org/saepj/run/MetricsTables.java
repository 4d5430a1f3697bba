package org.saepj.run;

import java.util.ArrayList;
import java.util.List;
import org.saepj.ensemble.ClassificationMetrics;

/** {@link ClassificationMetrics} as table rows, the same for report.html and {@code saep evaluate}'s text. */
public final class MetricsTables {
    private MetricsTables() {}

    /** @return the header of {@link #perClass} */
    public static List<String> perClassHeader() {
        return List.of("class", "precision", "recall", "F1", "support");
    }

    /**
     * @param m the metrics
     * @param classes the class names
     * @return one row per class, then the macro average
     */
    public static List<List<String>> perClass(ClassificationMetrics m, List<String> classes) {
        List<List<String>> rows = new ArrayList<>();
        int total = 0;
        for (int c = 0; c < classes.size(); c++) {
            rows.add(List.of(
                    classes.get(c),
                    Decimals.of(m.precision()[c], 4),
                    Decimals.of(m.recall()[c], 4),
                    Decimals.of(m.f1()[c], 4),
                    Integer.toString(m.support()[c])));
            total += m.support()[c];
        }
        rows.add(List.of("macro F1", "", "", Decimals.of(m.macroF1(), 4), Integer.toString(total)));
        return rows;
    }

    /**
     * @param classes the class names
     * @return the header of {@link #confusion}: "true \ predicted" and the class names
     */
    public static List<String> confusionHeader(List<String> classes) {
        List<String> h = new ArrayList<>(List.of("true \\ predicted"));
        h.addAll(classes);
        return h;
    }

    /**
     * @param m the metrics
     * @param classes the class names
     * @return one row per true class: its name and the counts predicted as each class
     */
    public static List<List<String>> confusion(ClassificationMetrics m, List<String> classes) {
        List<List<String>> rows = new ArrayList<>();
        for (int t = 0; t < classes.size(); t++) {
            List<String> row = new ArrayList<>(List.of(classes.get(t)));
            for (int p = 0; p < classes.size(); p++) {
                row.add(Integer.toString(m.confusion()[t][p]));
            }
            rows.add(row);
        }
        return rows;
    }
}
