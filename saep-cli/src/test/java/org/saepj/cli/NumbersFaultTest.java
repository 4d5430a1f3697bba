package org.saepj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.cli.display.Json;
import org.saepj.data.Fingerprint;
import org.saepj.engine.ParameterCodec;
import org.saepj.testing.TestFiles;

/**
 * The fault audit's defects about numbers and sanity checks (issue 26, defects 13, 14, 16 and 17), each run through
 * the real command line: each case fails on the code before its fix, and each has a control showing what is
 * accepted, so that a refusal cannot pass by refusing everything. A child JVM runs the cases where the process is
 * what is tested (its locale, its heap limit); the others run in-process ({@link CliRun}), which prints and exits
 * as the child does ({@link #aChildJvmRefusesAsAnInProcessRunDoes}) in a fraction of a JVM's start.
 */
class NumbersFaultTest {
    @TempDir
    static Path root;

    static String dataDir;
    /** A small search's output directory, made once in an English locale (with {@link #inEnglish}). */
    static Path run;

    /** A small search of the paper's dnn: these tests are about numbers in files, not the default space. */
    static final String[] SMALL = {"--model", "dnn", "--iterations", "3", "--steps", "90", "--threads", "2", "--quiet"};

    static final List<String> GERMAN = List.of("-Duser.language=de", "-Duser.country=DE");
    static final List<String> ENGLISH = List.of("-Duser.language=en", "-Duser.country=US");
    static int copies;
    /** What {@link #readers} printed in an English JVM, right after the small search (in the same JVM). */
    static List<CliRun> inEnglish;

    @BeforeAll
    static void data() {
        TestFiles.fashionMnistFixture(root.resolve("data").resolve("fashion-mnist"));
        dataDir = root.resolve("data").toString();
        run = root.resolve("run");
        List<String[]> commands = new ArrayList<>();
        commands.add(search(run));
        commands.addAll(readers("en"));
        List<CliRun> done = CliBatch.run(ENGLISH, commands).stream()
                .map(NumbersFaultTest::ok)
                .toList();
        inEnglish = done.subList(1, done.size());
    }

    /** @return the commands that read the small search's ensemble (evaluate, inspect, predict, prune), outputs named */
    static List<String[]> readers(String locale) {
        String model = run.resolve("ensemble").toString();
        String predictions = root.resolve("predict-" + locale + ".csv").toString();
        String pruned = root.resolve("pruned-" + locale).toString();
        return List.of(
                fashion("evaluate", "--model", model),
                new String[] {"inspect", model},
                fashion("predict", "--model", model, "--out", predictions),
                fashion("prune", "--model", model, "--method", "pie", "--out", pruned));
    }

    /** @return the command on the Fashion-MNIST fixture, then the other arguments */
    static String[] fashion(String command, String... more) {
        return concat(new String[] {command, "--data", "fashion-mnist", "--data-dir", dataDir}, more);
    }

    /** @return a small search into {@code out}, then the other arguments */
    static String[] search(Path out, String... more) {
        return concat(concat(fashion("search", "--out", out.toString()), SMALL), more);
    }

    static String[] concat(String[] head, String... tail) {
        return Stream.of(head, tail).flatMap(Arrays::stream).toArray(String[]::new);
    }

    static <R extends CliResult> R ok(R r) {
        assertThat(r.exitCode()).as(r.errLines()).isZero();
        return r;
    }

    static void refused(CliResult r, int code, String message) {
        String err = r.errLines();
        assertThat(r.exitCode()).as(r.out() + err).isEqualTo(code);
        assertThat(err).startsWith("error: ").contains(message).doesNotContain("internal error");
        assertThat(err).doesNotContain("\tat ");
        assertThat(err.strip().lines().count()).as(err).isEqualTo(1);
    }

    static String sha256(Path file) throws Exception {
        return Fingerprint.sha256Hex(Files.readAllBytes(file));
    }

    /**
     * The in-process runs stand for the child's: one refusal of each kind gives the same exit code and the same
     * one-line error either way (SaepCommand.main adds only System.exit and the out-of-memory line to what they run).
     */
    @Test
    void aChildJvmRefusesAsAnInProcessRunDoes() throws Exception {
        Path csv = TestFiles.write(
                root.resolve("parity.csv"), "a,b,label\n1,2f,x\n3,4,y\n".getBytes(StandardCharsets.UTF_8));
        List<String[]> refusals = List.of(
                new String[] {"datasets", "show", "csv:" + csv},
                search(root.resolve("parity-holdout"), "--selection", "holdout:0"),
                new String[] {
                    "search",
                    "--resume",
                    checkpointRun(s -> s.put("streamEpoch", 0)).toString()
                });
        int[] codes = {1, 2, 3};
        for (int i = 0; i < codes.length; i++) {
            CliProcess child = CliProcess.of(refusals.get(i));
            CliRun inProcess = CliRun.of(refusals.get(i));
            refused(child, codes[i], "");
            refused(inProcess, codes[i], "");
            assertThat(inProcess.errLines()).isEqualTo(child.errLines());
            assertThat(inProcess.out()).isEqualTo(child.out());
        }
    }

    /**
     * Defect 13: under a German locale evaluate printed 0,517733, and the CSV files and reports had decimal commas. The
     * German commands share one JVM started in that locale, as the English ones do (CliBatch): the locale is the
     * process's, its start is not under test.
     */
    @Test
    void numbersReadTheSameInEveryLocale() throws Exception {
        Path searched = root.resolve("search-de");
        Path compared = root.resolve("compare-de");
        List<String[]> commands = new ArrayList<>(readers("de"));
        commands.add(search(searched));
        commands.add(fashion(
                "compare",
                "--model",
                "dnn",
                "--methods",
                "adanet",
                "--seeds",
                "1",
                "--iterations",
                "2",
                "--steps",
                "40",
                "--threads",
                "2",
                "--quiet",
                "--out",
                compared.toString()));
        List<CliRun> inGerman = CliBatch.run(GERMAN, commands).stream()
                .map(NumbersFaultTest::ok)
                .toList();
        String evaluated = inEnglish.get(0).out();
        assertThat(evaluated).contains("accuracy       0.");
        assertThat(inGerman.get(0).out()).isEqualTo(evaluated);
        String inspected = inEnglish.get(1).out();
        assertThat(inGerman.get(1).out()).isEqualTo(inspected).contains("weight 0.");

        Path germanCsv = root.resolve("predict-de.csv");
        Path englishCsv = root.resolve("predict-en.csv");
        assertThat(Files.readAllBytes(germanCsv)).isEqualTo(Files.readAllBytes(englishCsv));
        assertThat(Files.readString(englishCsv)).contains(",0.");

        String prunedInEnglish = inEnglish.get(3).out();
        assertThat(inGerman.get(3).out()).isEqualTo(prunedInEnglish.replace("pruned-en", "pruned-de"));

        // A search and a comparison under the German locale: their times differ from run to run, so their files are
        // read back as numbers, every row as wide as its header.
        CliRun s = inGerman.get(4);
        assertThat(s.out())
                .containsPattern(
                        "test accuracy \\d\\.\\d{4}, ensemble of \\d+ \\(\\d+ parameters\\)," + " \\d+\\.\\d s");
        assertEveryNumberParses(searched.resolve("iterations.csv"), "test_accuracy");
        String log = Files.readString(searched.resolve("search.log"));
        assertThat(log).containsPattern("done: test accuracy \\d\\.\\d{4}");
        assertThat(Files.readString(searched.resolve("report.html"))).doesNotContainPattern("\\d,\\d{4}\\b");
        // The plots' axes too: the same search plots the same accuracies, pixel for pixel, in either locale.
        assertThat(sha256(searched.resolve("accuracy.png"))).isEqualTo(sha256(run.resolve("accuracy.png")));
        CliRun c = inGerman.get(5);
        assertThat(c.out()).containsPattern("adanet/uniform +1 +\\d\\.\\d{4} ± \\d\\.\\d{4}");
        assertEveryNumberParses(compared.resolve("comparison.csv"), "total_seconds");
    }

    /** Every row of a CSV file has its header's width, and the named column holds a number with a decimal point. */
    static void assertEveryNumberParses(Path csv, String column) throws Exception {
        List<CSVRecord> rows = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(Files.newBufferedReader(csv, StandardCharsets.UTF_8))
                .getRecords();
        assertThat(rows).as(csv.toString()).isNotEmpty();
        for (CSVRecord r : rows) {
            assertThat(r.isConsistent())
                    .as(csv + " row " + r.getRecordNumber() + ": " + r)
                    .isTrue();
            assertThat(r.get(column)).as(csv + " " + column).matches("-?\\d+\\.\\d+");
        }
    }

    /** Defect 14: a feature such as 3e38 (or parameters as large) gave NaN probabilities in predict and evaluate. */
    @Test
    void outputsThatAreNotNumbersAreRefusedNamingTheRows() throws Exception {
        Path csv =
                TestFiles.write(root.resolve("small-scale.csv"), smallScale(300).getBytes(StandardCharsets.UTF_8));
        Path out = root.resolve("small-scale-run");
        ok(CliRun.of(
                "search",
                "--data",
                "csv:" + csv,
                "--iterations",
                "2",
                "--steps",
                "40",
                "--threads",
                "2",
                "--quiet",
                "--out",
                out.toString()));
        Path model = out.resolve("ensemble");
        List<String> lines = Files.readAllLines(csv);
        Path plain = write("plain.csv", lines.subList(0, 6));
        // Rows 2 and 5 hold a value that overflows once standardised (the features' deviation is about 0.003).
        Path extreme = write(
                "extreme.csv",
                List.of(
                        lines.get(0),
                        lines.get(1),
                        lines.get(2).replaceFirst("^[^,]+", "3e38"),
                        lines.get(3),
                        lines.get(4),
                        lines.get(5).replaceFirst(",[^,]+", ",-3e38")));
        String rows = "output is NaN or infinite for 2 of 5 rows (rows 2, 5, counted from 1 in input order)";

        Path predictions = root.resolve("extreme-predictions.csv");
        String[] predict = {"predict", "--model", model.toString(), "--out", predictions.toString(), "--data"};
        ok(CliRun.of(concat(predict, "csv:" + plain)));
        assertThat(Files.readAllLines(predictions)).hasSize(6).noneMatch(l -> l.contains("NaN"));
        Files.delete(predictions);
        refused(CliRun.of(concat(predict, "csv:" + extreme)), 1, rows);
        assertThat(predictions).as("no prediction is written").doesNotExist();
        String[] evaluate = {"evaluate", "--model", model.toString(), "--data"};
        ok(CliRun.of(concat(evaluate, "csv:" + plain)));
        refused(CliRun.of(concat(evaluate, "csv:" + extreme)), 1, rows);
        // The same outputs decide what prune keeps.
        refused(
                CliRun.of(
                        "prune",
                        "--model",
                        model.toString(),
                        "--data",
                        "csv:" + extreme,
                        "--method",
                        "pie",
                        "--out",
                        root.resolve("extreme-pruned").toString()),
                1,
                rows);

        // Parameters that large overflow on every row, however ordinary the data.
        ObjectNode manifest =
                (ObjectNode) Json.MAPPER.readTree(model.resolve("manifest.json").toFile());
        String file = manifest.at("/members/0/file").asText();
        byte[] params = Files.readAllBytes(model.resolve(file));
        float[] values = ParameterCodec.read(new java.io.ByteArrayInputStream(params), (params.length - 12) / 4, file);
        Arrays.fill(values, 3e38f);
        byte[] huge = ParameterCodec.toBytes(values);
        Files.write(model.resolve(file), huge);
        ((ObjectNode) manifest.get("members").get(0)).put("sha256", Fingerprint.sha256Hex(huge));
        Files.writeString(model.resolve("manifest.json"), Json.pretty(manifest));
        CliRun overflowing = CliRun.of(concat(evaluate, "csv:" + plain));
        refused(overflowing, 1, "output is NaN or infinite for ");
        assertThat(overflowing.errLines()).contains(" of 5 rows (row");
    }

    static Path write(String name, List<String> lines) {
        return TestFiles.write(root.resolve(name), String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
    }

    /** Three classes in four features of about 0.01, deviations about 0.003: standardising multiplies by ~300. */
    static String smallScale(int n) {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(2);
        StringBuilder sb = new StringBuilder("a,b,c,d,label\n");
        for (int i = 0; i < n; i++) {
            int c = i % 3;
            for (int f = 0; f < 4; f++) {
                double value = (f % 3 == c ? 0.01 : 0) + 0.003 * rng.nextGaussian();
                sb.append(String.format(java.util.Locale.ROOT, "%.5f,", value));
            }
            sb.append('k').append(c).append('\n');
        }
        return sb.toString();
    }

    /** Defect 16: a checkpoint's fields were not checked: an edited streamEpoch changed the resumed run's result. */
    @Test
    void checkpointFieldsMustBeWhatTheRunCanHaveWritten() throws Exception {
        String invalid = "state.json: invalid checkpoint: ";
        // The golden checkpoint: 1 iteration of 1000 steps of 64 done on 1000 training samples, so the stream has drawn
        // 64000 samples: epoch 64, position 1000.
        refused(
                resume(s -> s.put("streamEpoch", 65)),
                3,
                invalid + "the batch stream stands at epoch 65, position"
                        + " 1000, but 1 iterations of 1000 steps of 64 samples from 1000 training samples"
                        + " leave it at epoch 64,"
                        + " position 1000");
        refused(resume(s -> s.put("streamEpoch", 0)), 3, invalid + "the batch stream's epoch must be at least 1");
        refused(
                resume(s -> s.put("nextId", 5)),
                3,
                invalid + "nextId 5 is not the number of candidates the iteration" + " records trained (2)");
        refused(
                resume(s -> {
                    ((ArrayNode) s.get("members")).add(s.at("/members/0").deepCopy());
                    ((ArrayNode) s.get("weights")).removeAll().add(0.5).add(0.5);
                }),
                3,
                invalid + "member ids must be unique, increasing and below 2, got [1, 1]");
        refused(
                resume(s -> ((ArrayNode) s.get("weights")).add(1.0)),
                3,
                invalid + "one weight per member is required" + " (1 members, 2 weights)");
        refused(
                resume(s -> {
                    ((ArrayNode) s.get("weights")).removeAll().add(0.7);
                    ((ArrayNode) s.at("/records/0/weights")).removeAll().add(0.7);
                }),
                3,
                invalid + "the run's mixture is uniform, but the weights are [0.7] (expected [1.0])");
        // The checkpoint as the search wrote it continues (to the end of the shortened run: one more iteration).
        Path untouched = checkpointRun(s -> {});
        ok(CliRun.of("search", "--resume", untouched.toString()));
        assertThat(untouched.resolve("report.json")).exists();
    }

    /**
     * @return a copy of the golden interrupted run, its state.json changed and its data pointed at the fixture; the run
     *     is shortened from 6 to 2 iterations of the same 1000 steps each, so that its checkpoint is as valid and a
     *     resume ends after one iteration
     */
    static Path checkpointRun(Consumer<ObjectNode> change) throws Exception {
        Path dir = root.resolve("checkpoint-run-" + copies++);
        FaultAuditTest.copyTree(GoldenFilesTest.golden(3, "checkpoint-run"), dir);
        // The golden set keeps the reports of the resumed run beside it: not files of the run itself.
        Files.delete(dir.resolve("resumed-report.json"));
        Files.delete(dir.resolve("resumed-iterations.csv"));
        GoldenFilesTest.pointAtFixture(dir, root.resolve("data").resolve("fashion-mnist"));
        ObjectNode inv =
                (ObjectNode) Json.MAPPER.readTree(dir.resolve("run.json").toFile());
        ((ObjectNode) inv.at("/config/budget")).put("iterations", 2).put("totalSteps", 2000);
        Files.writeString(dir.resolve("run.json"), Json.pretty(inv));
        Path state = dir.resolve("checkpoint").resolve("state.json");
        ObjectNode s = (ObjectNode) Json.MAPPER.readTree(state.toFile());
        change.accept(s);
        Files.writeString(state, Json.pretty(s));
        return dir;
    }

    static CliRun resume(Consumer<ObjectNode> change) throws Exception {
        return CliRun.of("search", "--resume", checkpointRun(change).toString());
    }

    /**
     * Defects 16 and 17: a saved ensemble's manifest with a member id twice was accepted, and a NUL byte in a member's
     * file name was an internal error; a stored comparison with a method twice ran it twice. Each through the commands
     * that read them.
     */
    @Test
    void manifestsAndStoredComparisonsHoldEachThingOnce() throws Exception {
        Path model = root.resolve("manifest-model");
        FaultAuditTest.copyTree(run.resolve("ensemble"), model);
        ObjectNode valid =
                (ObjectNode) Json.MAPPER.readTree(model.resolve("manifest.json").toFile());
        String manifest = model.resolve("manifest.json").toString();
        int first = valid.at("/members/0/id").asInt();
        ok(CliRun.of(reader(model, 0)));
        FaultAuditTest.mutateManifest(model, valid, m -> ((ObjectNode) m.at("/members/1")).put("id", first));
        for (int command : new int[] {1, 4}) {
            refused(CliRun.of(reader(model, command)), 3, manifest + ": member id " + first + " appears twice");
        }
        FaultAuditTest.mutateManifest(
                model, valid, m -> ((ObjectNode) m.at("/members/0")).put("file", "m-\u0000.params"));
        for (int command : new int[] {0, 2, 3}) {
            CliRun r = CliRun.of(reader(model, command));
            refused(
                    r,
                    3,
                    manifest + ": member " + first + " names the parameter file 'm-\\u0000.params': expected a"
                            + " file name without control characters");
            assertThat(r.err()).doesNotContain("\u0000");
        }

        Path compared = root.resolve("compare-twice");
        ok(CliRun.of(fashion(
                "compare",
                "--methods",
                "adanet",
                "--seeds",
                "1,2",
                "--iterations",
                "1",
                "--steps",
                "10",
                "--threads",
                "2",
                "--quiet",
                "--out",
                compared.toString())));
        Path stored = compared.resolve("compare.json");
        ObjectNode plan = (ObjectNode) Json.MAPPER.readTree(stored.toFile());
        ((ArrayNode) plan.at("/plan/methods")).add("adanet");
        Files.writeString(stored, Json.pretty(plan));
        String[] resume = {"compare", "--resume", compared.toString()};
        refused(CliRun.of(resume), 3, stored + ": corrupt (the method adanet appears twice");
        ((ArrayNode) plan.at("/plan/methods")).remove(1);
        ((ArrayNode) plan.at("/plan/seeds")).add(1);
        Files.writeString(stored, Json.pretty(plan));
        refused(CliRun.of(resume), 3, stored + ": corrupt (the seed 1 appears twice");
        ((ArrayNode) plan.at("/plan/seeds")).remove(2);
        Files.writeString(stored, Json.pretty(plan));
        assertThat(ok(CliRun.of(resume)).out()).contains("adanet/uniform         2");
        String twice = root.resolve("seeds-twice").toString();
        refused(CliRun.of(fashion("compare", "--seeds", "1,2,1", "--out", twice)), 2, "--seeds lists the seed 1 twice");
    }

    /** @return one of the commands that load a saved ensemble: inspect, evaluate, predict, prune or export */
    static String[] reader(Path model, int which) {
        String m = model.toString();
        String out = root.resolve("reader-" + which + "-" + System.nanoTime()).toString();
        return switch (which) {
            case 0 -> new String[] {"inspect", m};
            case 1 -> fashion("evaluate", "--model", m);
            case 2 -> fashion("predict", "--model", m, "--out", out + ".csv");
            case 3 -> fashion("prune", "--model", m, "--method", "pie", "--out", out);
            default -> new String[] {"export", "--model", m, "--out", out + ".onnx"};
        };
    }

    /** Defect 16: --selection holdout:0 was accepted (as the training data); other fractions are checked alike. */
    @Test
    void fractionsAreAboveZeroAndBelowOne() {
        for (String fraction : List.of("0", "1", "1e-400", "x")) {
            String message = "--selection holdout:" + fraction
                    + (fraction.equals("x")
                            ? ": holdout:F needs a number F above 0 and below 1"
                            : ": the fraction must be above 0 and below 1");
            Path out = root.resolve("holdout-" + fraction);
            refused(CliRun.of(search(out, "--selection", "holdout:" + fraction)), 2, message);
        }
        String compared = root.resolve("compare-holdout-0").toString();
        refused(
                CliRun.of(fashion("compare", "--selection", "holdout:0", "--out", compared)),
                2,
                "--selection holdout:0: the fraction must be above 0 and below 1");
        refused(
                CliRun.of(search(root.resolve("test-fraction-0"), "--test-fraction", "0")),
                2,
                "--test-fraction must be in (0, 1), got 0.0");
        Path holdout = root.resolve("holdout-0.2");
        ok(CliRun.of(search(holdout, "--selection", "holdout:0.2")));
        assertThat(holdout.resolve("report.json")).exists();
    }

    /**
     * Defect 17: settings that cannot work were internal errors (a NegativeArraySizeException for --steps 2000000000,
     * the CNN on a table's rows, a search space's name given as predict's --model, a NUL byte in run.json).
     */
    @Test
    void settingsThatCannotWorkAreOneLineBeforeAnyWork() throws Exception {
        String steps = "--steps 2000000000 gives 1000000000 steps per iteration of 64 samples: more than one"
                + " iteration's batches can hold (2147483639 sample indices); at most 67108862 with 2 iterations of"
                + " batch 64";
        String[] huge = {"--quiet", "--iterations", "2", "--steps", "2000000000", "--out"};
        refused(CliRun.of(fashion("search", concat(huge, root.resolve("steps-1").toString()))), 2, steps);
        String[] compare = concat(huge, root.resolve("steps-2").toString(), "--methods", "adanet");
        refused(CliRun.of(fashion("compare", compare)), 2, steps);
        // Steps that fit in an array but not in the heap: the limit comes from the heap there is.
        String[] many = fashion(
                "search",
                "--quiet",
                "--iterations",
                "2",
                "--steps",
                "4000000",
                "--out",
                root.resolve("steps-3").toString());
        CliProcess heap = CliProcess.with(List.of("-Xmx256m"), Map.of(), many);
        refused(heap, 2, "--steps 4000000: each iteration's batches (2000000 steps of 64 samples) need about 976 MB");
        assertThat(heap.errLines()).containsPattern("use at most --steps \\d+, or raise the limit with SAEP_JAVA_OPTS");
        CliRun wide = CliRun.of(search(root.resolve("width"), "--width", "2000000000"));
        refused(wide, 2, "more than a saved ensemble holds (134217728): lower --width or --iterations");
        assertThat(wide.errLines()).startsWith("error: --model dnn: its largest candidate (");

        Path csv = TestFiles.write(root.resolve("table.csv"), smallScale(90).getBytes(StandardCharsets.UTF_8));
        String[] table = {"--data", "csv:" + csv, "--model", "cnn", "--quiet", "--out"};
        String cnn = "--model cnn: the cnn space needs images of at least 2×2 pixels, and the data's samples are rows"
                + " of 4 features";
        String[] search = concat(new String[] {"search"}, table);
        refused(CliRun.of(concat(search, root.resolve("cnn-1").toString())), 2, cnn);
        String[] compareTable = concat(new String[] {"compare"}, table);
        refused(CliRun.of(concat(compareTable, root.resolve("cnn-2").toString(), "--methods", "adanet")), 2, cnn);
        String notAModel = "--model cnn: expected a saved ensemble's directory (OUT/ensemble of a search), not a search"
                + " space";
        String cnnCsv = root.resolve("cnn.csv").toString();
        refused(CliRun.of("predict", "--model", "cnn", "--data", "csv:" + csv, "--out", cnnCsv), 2, notAModel);
        refused(CliRun.of("evaluate", "--model", "cnn", "--data", "csv:" + csv), 2, notAModel);

        // A run.json whose source holds a NUL byte: a path no run was given.
        Path resumed = checkpointRun(s -> {});
        ObjectNode inv =
                (ObjectNode) Json.MAPPER.readTree(resumed.resolve("run.json").toFile());
        GoldenFilesTest.pointAtFixture((ObjectNode) inv.get("config"), "idx:" + root + "/da\u0000ta");
        Files.writeString(resumed.resolve("run.json"), Json.pretty(inv));
        refused(
                CliRun.of("search", "--resume", resumed.toString()),
                3,
                resumed.resolve("run.json") + ": config.data.dataset 'idx:" + root
                        + "/da\\u0000ta' holds a control character (such as NUL)");
    }

    /**
     * Defect 17: the launcher filtered java's standard error through grep -v, which takes a line with a NUL byte for
     * binary and prints "binary file matches" instead: the error was lost. Its filter, run here on such a line.
     */
    @Test
    void theLauncherPassesOnErrorLinesHoldingANulByte() throws Exception {
        String launcher = Files.readString(Path.of("..", "saep"));
        String filter = launcher.lines()
                .filter(l -> l.startsWith("jvm_notes_filter() {"))
                .findFirst()
                .orElse("");
        assertThat(filter).as("the launcher's filter of java's standard error").isNotEmpty();
        String error = "error: m/manifest.json: m-\u0000.params\nnext\n";
        String warning = "WARNING: Using incubator modules: jdk.incubator.vector\n";
        byte[] stderr = (warning + error).getBytes(StandardCharsets.UTF_8);
        assertThat(filtered(filter + "\njvm_notes_filter", stderr)).isEqualTo(error);
        // The control: grep without -a, as the launcher had it, loses the line.
        assertThat(filtered("grep -v '^WARNING: Using incubator modules'", stderr))
                .doesNotContain("error:");
        // Every java the launcher starts has its standard error filtered this way, and none another way.
        assertThat(launcher).doesNotContain("grep -v ");
        assertThat(launcher.split("2> >\\(jvm_notes_filter >&2\\)", -1)).hasSize(5); // bench, spark, torch, the CLI
    }

    /** @return what the bash script prints on standard output, given the input */
    static String filtered(String script, byte[] input) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", script)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (var in = p.getOutputStream()) {
            in.write(input);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
