package org.saepj.run;

import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.saepj.persistence.AtomicFiles;
import org.saepj.search.IterationRecord;
import org.saepj.task.RegressionMetrics;

/** Writes a search's {@code iterations.csv}: one row per iteration, for spreadsheets; see docs/FORMATS.md. */
final class IterationsCsv {
    private IterationsCsv() {}

    static void write(Path file, List<IterationRecord> iterations) {
        AtomicFiles.write(file, out -> {
            // a regression search adds its measures as columns after the classification ones, which stay empty
            boolean regression = iterations.stream().anyMatch(it -> it.regression() != null);
            List<String> header = new ArrayList<>(List.of(
                    "iteration",
                    "selected",
                    "ensemble_size",
                    "member_ids",
                    "member_depths",
                    "pruned",
                    "selection_objective",
                    "test_accuracy",
                    "disagreement",
                    "train_seconds",
                    "seconds"));
            if (regression) {
                header.addAll(List.of("test_rmse", "test_mae", "test_r2", "ambiguity"));
            }
            // a bagged search's bags each count their iterations from 0: the bag comes last, after every other column
            boolean bagged = iterations.stream().anyMatch(it -> it.bag() != null);
            if (bagged) {
                header.add("bag");
            }
            try (CSVPrinter csv = new CSVPrinter(
                    new OutputStreamWriter(out, StandardCharsets.UTF_8),
                    CSVFormat.RFC4180
                            .builder()
                            .setHeader(header.toArray(String[]::new))
                            .get())) {
                for (IterationRecord it : iterations) {
                    List<Object> row = new ArrayList<>(List.of(
                            it.iteration(),
                            it.selected(),
                            it.ensembleSize(),
                            join(it.memberIds()),
                            join(it.memberDepths()),
                            join(it.pruned()),
                            num(it.selectionObjective()),
                            num(it.testAccuracy()),
                            num(it.diversity().disagreement()),
                            num(it.trainSeconds()),
                            num(it.seconds())));
                    if (regression) {
                        RegressionMetrics m = it.regression();
                        row.addAll(
                                m == null
                                        ? List.of("", "", "", "")
                                        : List.of(num(m.rmse()), num(m.mae()), num(m.r2()), num(m.averageAmbiguity())));
                    }
                    if (bagged) {
                        row.add(it.bag() == null ? "" : it.bag());
                    }
                    csv.printRecord(row);
                }
            }
        });
    }

    private static String join(List<Integer> values) {
        return String.join(" ", values.stream().map(String::valueOf).toList());
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.valueOf(v) : "";
    }
}
