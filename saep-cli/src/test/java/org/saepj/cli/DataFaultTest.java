package org.saepj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.cli.display.Json;
import org.saepj.data.io.Cifar10Reader;
import org.saepj.testing.TestFiles;

/**
 * The data-reading defects of the fault audit (issue 26, items 10, 11, 12 and 15), each through the real command line
 * (in-process: what is read is under test, not the process; see {@link NumbersFaultTest}) with CSV files written
 * here: test columns matched by position, headers read as data or named twice, one number spelt two ways taken for
 * two classes, and Java's lenient number syntax. Every case sits beside a positive control (the well-formed file
 * passes, the original order gives the same accuracy) so that it can fail.
 */
class DataFaultTest {
    static final String[] TINY = {"--iterations", "2", "--steps", "100", "--threads", "2", "--quiet"};

    @TempDir
    static Path root;

    static Path train;
    static Path test;
    static Path model;
    static double accuracy;

    /** One search with a test file in the training file's column order: the model and accuracy to compare with. */
    @BeforeAll
    static void searchOnce() throws Exception {
        train = write("train.csv", OwnDataTest.blobs(240, 1));
        test = write("test.csv", OwnDataTest.blobs(90, 2));
        Path out = root.resolve("base");
        ok(CliRun.of(search(train, out, "--test", "csv:" + test)));
        accuracy = testAccuracy(out);
        assertThat(accuracy)
                .as("the blobs are learnt: reordered columns would score far lower")
                .isGreaterThan(0.8);
        model = out.resolve("ensemble");
    }

    static Path write(String name, String text) {
        return TestFiles.write(root.resolve(name), text.getBytes(StandardCharsets.UTF_8));
    }

    static String[] search(Path data, Path out, String... more) {
        String[] head = {"search", "--data", "csv:" + data, "--out", out.toString()};
        return Stream.of(head, TINY, more).flatMap(Arrays::stream).toArray(String[]::new);
    }

    static <R extends CliResult> R ok(R r) {
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        return r;
    }

    /** One line "error: …" holding every part, exit 1, no stack trace. */
    static void refused(CliResult r, String... parts) {
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
        String err = r.errLines();
        assertThat(err).startsWith("error: ").doesNotContain("internal error").doesNotContain("\tat ");
        assertThat(err.strip().lines().count()).as(err).isEqualTo(1);
        for (String part : parts) {
            assertThat(err).contains(part);
        }
    }

    static double testAccuracy(Path run) throws Exception {
        return Json.MAPPER
                .readTree(run.resolve("report.json").toFile())
                .at("/final/testAccuracy")
                .asDouble();
    }

    /** The CSV with its columns in the order named (each name one of the header's), and the header renamed as given. */
    static String columns(String csv, List<String> order, String... renamed) {
        List<String> lines = csv.lines().toList();
        List<String> header = List.of(lines.get(0).split(","));
        List<String> names = renamed.length > 0 ? List.of(renamed) : order;
        StringBuilder sb = new StringBuilder(String.join(",", names)).append('\n');
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            sb.append(String.join(
                            ",",
                            order.stream().map(n -> cells[header.indexOf(n)]).toList()))
                    .append('\n');
        }
        return sb.toString();
    }

    /** The CSV with each data row's label replaced by {@code spell(class index, row)}. */
    static String numericLabels(String csv, java.util.function.BiFunction<Integer, Integer, String> spell) {
        List<String> names = List.of("setosa", "versicolor", "virginica");
        List<String> lines = csv.lines().toList();
        StringBuilder sb = new StringBuilder(lines.get(0)).append('\n');
        for (int r = 1; r < lines.size(); r++) {
            String line = lines.get(r);
            int cut = line.lastIndexOf(',');
            sb.append(line, 0, cut + 1)
                    .append(spell.apply(names.indexOf(line.substring(cut + 1)), r))
                    .append('\n');
        }
        return sb.toString();
    }

    /** @return what {@code datasets show} prints for the file, which it must load */
    static String show(Path csv, String... more) {
        return ok(showing(csv, more)).out();
    }

    /** {@code datasets show csv:FILE}: the cheapest command that reads a CSV file as a search would. */
    static CliRun showing(Path csv, String... more) {
        List<String> args = new ArrayList<>(List.of("datasets", "show", "csv:" + csv));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    /** Defect 10: search --test matched the test file's columns by position: reordered ones scored wrongly, exit 0. */
    @Test
    void searchTestColumnsAreMatchedByName() throws Exception {
        String original = OwnDataTest.blobs(90, 2);
        Path reordered = write("test-reordered.csv", columns(original, List.of("f2", "f1", "f4", "f3", "species")));
        Path out = root.resolve("reordered");
        ok(CliRun.of(search(train, out, "--test", "csv:" + reordered)));
        assertThat(testAccuracy(out))
                .as("the same rows, columns put back in the training order")
                .isEqualTo(accuracy);

        Path renamed = write(
                "test-renamed.csv",
                columns(original, List.of("f1", "f2", "f3", "f4", "species"), "f1", "f2", "f3", "width", "species"));
        refused(
                CliRun.of(search(train, root.resolve("renamed"), "--test", "csv:" + renamed)),
                "csv:" + renamed,
                "missing: f4",
                "not features of the training data: width");
        Path extra = write(
                "test-extra.csv",
                columns(
                        original,
                        List.of("f1", "f2", "f3", "f4", "f4", "species"),
                        "f1",
                        "f2",
                        "f3",
                        "f4",
                        "f5",
                        "species"));
        refused(
                CliRun.of(search(train, root.resolve("extra"), "--test", "csv:" + extra)),
                "csv:" + extra,
                "not features of the training data: f5");
    }

    /** Defect 10 through compare: its --test is the same attachment; its adanet run is the base search's. */
    @Test
    void compareTestColumnsAreMatchedByName() throws Exception {
        String original = OwnDataTest.blobs(90, 2);
        Path reordered = write("cmp-reordered.csv", columns(original, List.of("species", "f4", "f3", "f2", "f1")));
        String[] compare = {
            "compare",
            "--data",
            "csv:" + train,
            "--methods",
            "adanet",
            "--seeds",
            "1",
            "--iterations",
            "2",
            "--steps",
            "100",
            "--threads",
            "2",
            "--label-column",
            "species",
            "--test"
        };
        Path out = root.resolve("cmp-reordered");
        ok(CliRun.of(concat(compare, "csv:" + reordered, "--out", out.toString())));
        JsonNode run =
                Json.MAPPER.readTree(out.resolve("comparison.json").toFile()).at("/runs/0");
        assertThat(run.get("testAccuracy").asDouble())
                .as("the base search's run, same rows")
                .isEqualTo(accuracy);
        Path renamed = write(
                "cmp-renamed.csv",
                columns(original, List.of("f1", "f2", "f3", "f4", "species"), "F1", "f2", "f3", "f4", "species"));
        refused(
                CliRun.of(concat(
                        compare,
                        "csv:" + renamed,
                        "--out",
                        root.resolve("cmp-renamed").toString())),
                "csv:" + renamed,
                "missing: f1",
                "not features of the training data: F1");
    }

    /** Defect 11: a header naming one column twice was accepted (matched by name, the first one won). */
    @Test
    void headerNamesMustDiffer() {
        String original = OwnDataTest.blobs(30, 3);
        Path twice = write(
                "twice.csv",
                columns(original, List.of("f1", "f2", "f3", "f4", "species"), "f1", "f2", "f1", "f4", "species"));
        refused(showing(twice), twice.toString(), "line 1", "names column 'f1' twice (columns 1 and 3)");
        refused(
                CliRun.of("evaluate", "--model", model.toString(), "--data", "csv:" + twice),
                twice.toString(),
                "names column 'f1' twice");
        Path scoreTwice = write("score-twice.csv", columns(original, List.of("f1", "f2", "f3", "f4", "f2")));
        refused(
                CliRun.of(
                        "predict",
                        "--model",
                        model.toString(),
                        "--data",
                        "csv:" + scoreTwice,
                        "--out",
                        root.resolve("never.csv").toString()),
                scoreTwice.toString(),
                "column 'f2' twice (columns 2 and 5)");
        // Controls: distinct names load and score.
        assertThat(show(write("distinct.csv", original))).contains("train     30 samples");
        Path scoreDistinct = write("score-distinct.csv", columns(original, List.of("f1", "f2", "f3", "f4", "species")));
        ok(CliRun.of(
                "predict",
                "--model",
                model.toString(),
                "--data",
                "csv:" + scoreDistinct,
                "--out",
                root.resolve("scored.csv").toString()));
    }

    /** Defect 11: a header of numbers was read as a data row, its label cell inventing a class of one sample. */
    @Test
    void aHeaderOfNumbersIsNotTakenForData() {
        String labelled = numericLabels(OwnDataTest.blobs(30, 4), (c, r) -> Integer.toString(c));
        Path numbered = write("numbered.csv", "0,1,2,3,4\n" + labelled.substring(labelled.indexOf('\n') + 1));
        refused(showing(numbered), numbered.toString(), "line 1", "'4'", "--header yes", "--header no");
        String asHeader = show(numbered, "--header", "yes");
        assertThat(asHeader).contains("train     30 samples").doesNotContainPattern("(?m)^3 ");
        // Control: a first data row whose label is found in other rows is data, as before.
        Path plain = write("plain.csv", labelled.substring(labelled.indexOf('\n') + 1));
        assertThat(show(plain)).contains("train     30 samples");
        // A word header under --header no: line 1 is named as the likely header.
        refused(
                showing(write("worded.csv", labelled), "--header", "no"),
                "line 1, column 1: 'f1' is not a number",
                "line 1 looks like a header",
                "--header yes");
    }

    /** Defect 12: "1" and "1.0" were two classes; "1" and "01" refused; a test file's "1.0" was no class of "1". */
    @Test
    void numericLabelsAreClassesByValue() throws Exception {
        String[][] spellings = {{"0", "0.0", "-0", "00"}, {"1", "1.0", "01", "1e0", "+1"}, {"2", "2.00", "0.2e1", "2E0"}
        };
        String blobs = OwnDataTest.blobs(240, 1);
        Path spelt = write("spelt.csv", numericLabels(blobs, (c, r) -> spellings[c][r % spellings[c].length]));
        String shown = show(spelt);
        assertThat(shown)
                .containsPattern("(?m)^0 +0 +80 ")
                .containsPattern("(?m)^1 +1 +80 ")
                .containsPattern("(?m)^2 +2 +80 ")
                .doesNotContainPattern("(?m)^3 ");
        String testRows = OwnDataTest.blobs(90, 2);
        Path plainTest = write("plain-test.csv", numericLabels(testRows, (c, r) -> Integer.toString(c)));
        Path out = root.resolve("spelt-run");
        ok(CliRun.of(search(spelt, out, "--test", "csv:" + plainTest)));
        JsonNode report = Json.MAPPER.readTree(out.resolve("report.json").toFile());
        assertThat(report.at("/dataset/classes").toString()).isEqualTo("[\"0\",\"1\",\"2\"]");
        Path speltTest = write("spelt-test.csv", numericLabels(testRows, (c, r) -> spellings[c][(r + 1) % 4]));
        CliRun eval = ok(CliRun.of(
                "evaluate", "--model", out.resolve("ensemble").toString(), "--data", "csv:" + speltTest, "--json"));
        assertThat(Json.MAPPER.readTree(eval.out()).get("accuracy").asDouble())
                .as("the same rows, spelt otherwise")
                .isEqualTo(report.at("/final/testAccuracy").asDouble());
    }

    /** Defect 12 through prune: class indices 1, 01 and +1 were refused as one number spelt two ways. */
    @Test
    void pruneLabelsAreClassesByValue() throws Exception {
        JsonNode plain = prune("0,1,1\n1,1,1\n0,0,0\n1,1,1\n", "1\n1\n0\n1\n");
        JsonNode spelt = prune("0,01,1\n1,+1,1\n0,0,00\n1,1,01\n", "1\n01\n0\n1\n");
        assertThat(spelt.get("classes").toString()).isEqualTo("[\"0\",\"1\"]");
        for (String field : new String[] {"classes", "voteAccuracy", "kept"}) {
            assertThat(spelt.get(field)).as(field).isEqualTo(plain.get(field));
        }
    }

    static JsonNode prune(String predictions, String labels) throws Exception {
        Path p = write("p-" + System.nanoTime() + ".csv", predictions);
        Path l = write("l-" + System.nanoTime() + ".csv", labels);
        CliRun r = ok(CliRun.of(
                "prune", "--predictions", p.toString(), "--labels", l.toString(), "--method", "pie", "--json"));
        return Json.MAPPER.readTree(r.out());
    }

    /** Defect 15: Java's number syntax (2f, 1.5d, 0x1p3, NaN, Infinity) was data; 3e39 became infinity. */
    @Test
    void featureCellsArePlainNumbers() {
        String good = OwnDataTest.blobs(30, 5);
        // The other spellings (1.5d, NaN, +Infinity, …) are StrictNumbersTest's and CsvReaderTest's.
        for (String[] bad : new String[][] {{"2f", "is not a number"}, {"3e39", "is outside the range of a float"}}) {
            Path file = write("bad-" + bad[0] + ".csv", withCell(good, 3, 1, bad[0]));
            refused(showing(file), file + ": line 4, column 2 ('f2'): '" + bad[0] + "' " + bad[1]);
        }
        Path scored = write("score-hex.csv", "f1,f2,f3,f4\n1000,1000,0x1p3,1000\n");
        String hex = ": line 2, column 3 ('f3'): '0x1p3' is not a number";
        refused(
                CliRun.of(
                        "predict",
                        "--model",
                        model.toString(),
                        "--data",
                        "csv:" + scored,
                        "--out",
                        root.resolve("never-hex.csv").toString()),
                scored + hex);
        Path evaluated = write("eval-d.csv", withCell(good, 2, 0, "1.5d"));
        refused(
                CliRun.of("evaluate", "--model", model.toString(), "--data", "csv:" + evaluated),
                evaluated + ": line 3, column 1 ('f1'): '1.5d' is not a number");
        // Controls: the largest floats, signs, exponents, a leading and a trailing dot are numbers.
        String edge = withCell(withCell(good, 1, 0, "3e38"), 1, 1, "-3.4028235E38");
        edge = withCell(withCell(edge, 2, 2, ".5"), 2, 3, "+1.");
        assertThat(show(write("edge.csv", edge))).contains("train     30 samples");
        ok(CliRun.of(
                "predict",
                "--model",
                model.toString(),
                "--data",
                "csv:" + write("score-ok.csv", "f1,f2,f3,f4\n1000,+1e3,1000.,.5e4\n"),
                "--out",
                root.resolve("scored-ok.csv").toString()));
    }

    /** The CSV text with the cell at row {@code line} (0: the header) and 0-based {@code column} replaced. */
    static String withCell(String csv, int line, int column, String cell) {
        String[] lines = csv.split("\n");
        String[] cells = lines[line].split(",");
        cells[column] = cell;
        lines[line] = String.join(",", cells);
        return String.join("\n", lines) + "\n";
    }

    static String[] concat(String[] head, String... tail) {
        return Stream.of(head, tail).flatMap(Arrays::stream).toArray(String[]::new);
    }

    /** CIFAR-10's batches.meta.txt naming one class twice gave two classes of one name. */
    @Test
    void cifarClassNamesMustDiffer() {
        byte[] batch = new byte[4 * Cifar10Reader.RECORD];
        for (int r = 0; r < 4; r++) {
            batch[r * Cifar10Reader.RECORD] = (byte) (r % 2);
        }
        Path cifar = root.resolve("cifar");
        for (int i = 1; i <= 5; i++) {
            TestFiles.write(cifar.resolve("data_batch_" + i + ".bin"), batch);
        }
        TestFiles.write(cifar.resolve("test_batch.bin"), batch);
        String names = "airplane\nautomobile\nbird\ncat\ndeer\ndog\nfrog\nhorse\nship\ntruck\n";
        TestFiles.write(cifar.resolve("batches.meta.txt"), names.getBytes(StandardCharsets.UTF_8));
        assertThat(ok(CliRun.of("datasets", "show", "cifar10:" + cifar)).out()).contains("automobile");
        byte[] twice = names.replace("truck", "cat").getBytes(StandardCharsets.UTF_8);
        TestFiles.write(cifar.resolve("batches.meta.txt"), twice);
        refused(CliRun.of("datasets", "show", "cifar10:" + cifar), "batches.meta.txt", "'cat' twice (lines 4 and 10)");
    }
}
