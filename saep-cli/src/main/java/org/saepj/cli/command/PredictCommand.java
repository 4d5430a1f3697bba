package org.saepj.cli.command;

import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.saepj.cli.UsageError;
import org.saepj.cli.data.DataOptions;
import org.saepj.cli.data.ModelData;
import org.saepj.cli.option.ModelOptions;
import org.saepj.data.Dataset;
import org.saepj.data.io.FeatureTable;
import org.saepj.data.io.ImageRows;
import org.saepj.data.preprocess.Columns;
import org.saepj.data.source.ScoringInput;
import org.saepj.data.source.ScoringRequest;
import org.saepj.data.source.SourceKinds;
import org.saepj.ensemble.Logits;
import org.saepj.persistence.SavedEnsemble;
import org.saepj.persistence.ValuePrediction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code saep predict}: one CSV row per sample with the predicted class and each class's probability. */
@Command(
        name = "predict",
        mixinStandardHelpOptions = true,
        description = "Write a saved ensemble's predictions for a data source as CSV.")
public final class PredictCommand implements Runnable {
    @Option(
            names = "--out",
            required = true,
            paramLabel = "FILE.csv",
            description = "Where to write the predictions (- for standard output).")
    Path out;

    @Option(names = "--overwrite", description = "Replace an existing --out file.")
    boolean overwrite;

    @Option(
            names = "--id-column",
            paramLabel = "NAME|INDEX",
            description = "A CSV column to carry into the output as each row's"
                    + " ID (default: the row's number in the file, 1 for the first data row).")
    String idColumn;

    @Option(
            names = "--labels-file",
            paramLabel = "FILE",
            description = "With --data idx:IMAGES_FILE: the IDX labels of those images"
                    + " (optional: images are scored without labels).")
    Path labelsFile;

    @Mixin
    ModelOptions modelOptions;

    @Mixin
    DataOptions dataOptions;

    @Spec
    CommandSpec spec;

    private org.saepj.cli.output.OutputFile target;

    @Override
    public void run() {
        checkOut();
        SavedEnsemble ensemble = modelOptions.load();
        String source = modelOptions.source();
        java.util.Optional<SourceKinds.Located> located = SourceKinds.locate(source);
        if (located.isPresent()) {
            Path file = Path.of(located.get().location());
            int[] s = ensemble.manifest().inputShape();
            // A model that reads text and gaps reads the file through its columns step (types, levels, gap markers).
            org.saepj.data.io.CsvReader.Options csv = ensemble.manifest()
                    .preprocessing()
                    .find(Columns.TYPE)
                    .map(c -> dataOptions.csvOptions().withSchema((Columns) c))
                    .orElseGet(dataOptions::csvOptions);
            ScoringRequest request = new ScoringRequest(
                    ensemble.manifest().featureNames(),
                    ensemble.manifest().preprocessing().rawWidth(s[0] * s[1] * s[2]),
                    csv,
                    java.util.Optional.ofNullable(idColumn),
                    labelsFile,
                    modelOptions.partitionGiven(),
                    dataOptions.imagesFor(s));
            java.util.Optional<ScoringInput> input = located.get().kind().scoringFile(file, request);
            if (input.isPresent()) {
                // the two shapes a scored file can take (sealed): however many kinds yield them
                if (input.get() instanceof ScoringInput.Table t) {
                    predictRows(ensemble, t.table(), file);
                } else {
                    predictImages(ensemble, ((ScoringInput.Images) input.get()).images(), file);
                }
                return;
            }
        }
        if (labelsFile != null) {
            throw new UsageError("--labels-file: only beside --data idx:IMAGES_FILE (an IDX images file)");
        }
        if (idColumn != null) {
            throw new UsageError("--id-column: only for a CSV file scored whole (without --partition)");
        }
        if (ensemble.manifest().target() != null) {
            throw new UsageError("--data: a " + ensemble.task().id() + " ensemble predicts the rows of a CSV file"
                    + " scored whole (--data csv:FILE, without --partition)");
        }
        ModelData.Scored scored = modelOptions.data(ensemble, dataOptions);
        scored.warnings().forEach(w -> spec.commandLine().getErr().println("warning: " + w));
        Dataset d = scored.data();
        float[] f = ensemble.logits(d);
        int c = ensemble.manifest().classNames().size();
        float[][] logits = new float[d.size()][];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = java.util.Arrays.copyOfRange(f, i * c, (i + 1) * c);
        }
        // A partition's rows are numbered by their position in it, from 0.
        writeRows(
                ensemble,
                "index",
                java.util.stream.IntStream.range(0, d.size())
                        .mapToObj(Integer::toString)
                        .toList(),
                logits,
                null,
                scored.rows());
    }

    /** Every row of a table, labelled or not, in the file's order, its columns matched to the model's features. */
    private void predictRows(SavedEnsemble ensemble, FeatureTable table, Path file) {
        table.notes().forEach(n -> spec.commandLine().getErr().println("note: " + n));
        if (ensemble.manifest().target() != null) {
            String rows = table.labels() == null ? ", without targets" : ", its target column beside";
            writeValues(
                    table.idHeader(),
                    table.ids(),
                    ensemble.predictValues(table.rows()),
                    table.labels(),
                    "every row of " + file + rows);
            return;
        }
        writeRows(
                ensemble,
                table.idHeader(),
                table.ids(),
                ensemble.predictLogits(table.rows()),
                table.labels(),
                "every row of " + file + (table.labels() == null ? ", without labels" : ", its label column beside"));
    }

    /** Every image of a file, in its order, with its labels when there are any. */
    private void predictImages(SavedEnsemble ensemble, ImageRows images, Path file) {
        int[] s = ensemble.manifest().inputShape();
        if (s[0] != images.height() || s[1] != images.width() || s[2] != images.channels()) {
            throw new org.saepj.DataException(file + ": images of " + images.height() + "×" + images.width() + "×"
                    + images.channels() + ", but the ensemble takes " + s[0] + "×" + s[1] + "×" + s[2]);
        }
        List<String> classes = ensemble.manifest().classNames();
        List<String> labels = null;
        if (images.labels() != null) {
            labels = new ArrayList<>();
            int[] pair = ensemble.manifest().data() == null
                    ? null
                    : ensemble.manifest().data().pair();
            for (int y : images.labels()) {
                // A pair model knows its classes as 0 and 1 of the recorded pair of the file's class indices.
                int c = pair == null ? y : y == pair[0] ? 0 : y == pair[1] ? 1 : -1;
                if (pair != null && c < 0) {
                    labels.add("class " + y + " (not in the pair)");
                    continue;
                }
                if (c >= classes.size()) {
                    throw new org.saepj.DataException(file + ": label " + y + " is not a class of the ensemble (0.."
                            + (classes.size() - 1) + ")");
                }
                labels.add(classes.get(c));
            }
        }
        // Files of a folder are named by their name; images of one file by their number in it, from 1.
        List<String> ids = images.names() != null
                ? images.names()
                : java.util.stream.IntStream.rangeClosed(1, images.rows().length)
                        .mapToObj(Integer::toString)
                        .toList();
        writeRows(
                ensemble,
                images.names() != null ? "file" : "row",
                ids,
                ensemble.predictLogits(images.rows()),
                labels,
                "every image of " + file + (labels == null ? ", without labels" : ", with its labels"));
    }

    /** One CSV row per input row: its ID, the predicted class, each class's probability, and its label when known. */
    private void writeRows(
            SavedEnsemble ensemble,
            String idHeader,
            List<String> ids,
            float[][] logits,
            List<String> labels,
            String what) {
        List<String> names = ensemble.manifest().classNames();
        List<String> header = new ArrayList<>(List.of(idHeader, "predicted"));
        names.forEach(n -> header.add("p_" + n));
        if (labels != null) {
            header.add("label");
        }
        spec.commandLine().getOut().flush();
        target.write(stream -> {
            try (CSVPrinter printer = new CSVPrinter(
                    new OutputStreamWriter(stream, StandardCharsets.UTF_8),
                    CSVFormat.RFC4180
                            .builder()
                            .setHeader(header.toArray(String[]::new))
                            .get())) {
                for (int i = 0; i < logits.length; i++) {
                    double[] p = Logits.softmax(logits[i]);
                    List<Object> row =
                            new ArrayList<>(List.of(ids.get(i), names.get(Logits.argmax(logits[i], names.size())[0])));
                    for (double v : p) {
                        row.add(String.format(java.util.Locale.ROOT, "%.6f", v));
                    }
                    if (labels != null) {
                        row.add(labels.get(i));
                    }
                    printer.printRecord(row);
                }
            }
        });
        // With --out - the predictions are standard output: the summary goes beside them, to standard error.
        (target.isStandardOutput()
                        ? spec.commandLine().getErr()
                        : spec.commandLine().getOut())
                .println("wrote " + logits.length + " predictions to " + out + " (" + what + ")");
    }

    /** One CSV row per input row: its ID, the predicted value, the members' spread, and its target when known. */
    private void writeValues(
            String idHeader, List<String> ids, List<ValuePrediction> values, List<String> labels, String what) {
        List<String> header = new ArrayList<>(List.of(idHeader, "predicted", "spread"));
        if (labels != null) {
            header.add("label");
        }
        spec.commandLine().getOut().flush();
        target.write(stream -> {
            try (CSVPrinter printer = new CSVPrinter(
                    new OutputStreamWriter(stream, StandardCharsets.UTF_8),
                    CSVFormat.RFC4180
                            .builder()
                            .setHeader(header.toArray(String[]::new))
                            .get())) {
                for (int i = 0; i < values.size(); i++) {
                    // 9 significant digits: a float's value survives the text
                    List<Object> row = new ArrayList<>(List.of(
                            ids.get(i),
                            String.format(
                                    java.util.Locale.ROOT, "%.9g", values.get(i).value()),
                            String.format(
                                    java.util.Locale.ROOT, "%.6g", values.get(i).spread())));
                    if (labels != null) {
                        row.add(labels.get(i));
                    }
                    printer.printRecord(row);
                }
            }
        });
        (target.isStandardOutput()
                        ? spec.commandLine().getErr()
                        : spec.commandLine().getOut())
                .println("wrote " + values.size() + " predictions to " + out + " (" + what + ")");
    }

    private void checkOut() {
        target = org.saepj.cli.output.OutputFile.check(
                out, modelOptions.model, overwrite, "predictions", "predictions.csv");
    }
}
