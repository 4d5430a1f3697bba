package org.saepj.run;

import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.saepj.persistence.AtomicFiles;
import org.saepj.search.IterationRecord;

/** Writes a search's {@code iterations.csv}: one row per iteration, for spreadsheets; see docs/FORMATS.md. */
final class IterationsCsv {
    private IterationsCsv() {
    }

    static void write(Path file, List<IterationRecord> iterations) {
        AtomicFiles.write(file, out -> {
            try (CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.RFC4180.builder()
                    .setHeader("iteration", "selected", "ensemble_size", "member_ids", "member_depths", "pruned",
                            "selection_objective", "test_accuracy", "disagreement", "train_seconds", "seconds").get())) {
                for (IterationRecord it : iterations) {
                    csv.printRecord(it.iteration(), it.selected(), it.ensembleSize(), join(it.memberIds()), join(it.memberDepths()),
                            join(it.pruned()), num(it.selectionObjective()), num(it.testAccuracy()), num(it.diversity().disagreement()),
                            num(it.trainSeconds()), num(it.seconds()));
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
