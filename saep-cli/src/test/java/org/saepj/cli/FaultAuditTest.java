package org.saepj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.cli.display.Json;
import org.saepj.data.Fingerprint;
import org.saepj.engine.ParameterCodec;
import org.saepj.persistence.RunLock;
import org.saepj.testing.TestFiles;

/**
 * One test per defect of the independent fault audit (data loss, silently wrong results, hangs): each
 * reproduces the audit's case and fails on the code before the fix.
 */
class FaultAuditTest {
    @TempDir
    static Path root;

    static String dataDir;
    /** A small search of the paper's dnn: its members' parameter files are of version 1, as the audits read them. */
    static final String[] SMALL = {"--model", "dnn", "--iterations", "3", "--steps", "90", "--threads", "2", "--quiet"};

    @BeforeAll
    static void data() {
        TestFiles.fashionMnistFixture(root.resolve("data").resolve("fashion-mnist"));
        dataDir = root.resolve("data").toString();
    }

    static String[] search(Path out, String... more) {
        String[] head = {"search", "--data", "fashion-mnist", "--data-dir", dataDir, "--out", out.toString()};
        return Stream.of(head, SMALL, more).flatMap(Arrays::stream).toArray(String[]::new);
    }

    static CliRun ok(CliRun r) {
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r;
    }

    static void refused(CliRun r, int code, String message) {
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(code);
        assertThat(r.err())
                .startsWith("error: ")
                .contains(message)
                .doesNotContain("internal error")
                .doesNotContain("\tat ");
        assertThat(r.err().strip().lines().count()).isEqualTo(1);
    }

    static JsonNode json(Path file) throws Exception {
        return Json.MAPPER.readTree(file.toFile());
    }

    /** Defect 1: --resume deleted hidden *.tmp files anywhere under DIR before checking it is a run directory. */
    @Test
    void resumeTouchesNothingInADirectoryThatIsNotARun() throws Exception {
        Path v = root.resolve("v");
        Path draft = TestFiles.write(v.resolve("p").resolve(".draft.tmp"), "keep".getBytes(StandardCharsets.UTF_8));
        Path lookalike = TestFiles.write(v.resolve(".notes.0a1b.tmp"), "keep".getBytes(StandardCharsets.UTF_8));
        refused(CliRun.of("search", "--resume", v.toString()), 2, "not the output directory of a search");
        refused(CliRun.of("compare", "--resume", v.toString()), 2, "not the output directory of a comparison");
        assertThat(draft).hasContent("keep");
        assertThat(lookalike).hasContent("keep");
        refused(CliRun.of("search", "--resume", root.resolve("nowhere").toString()), 2, "does not exist");
    }

    /**
     * Defect 1 (second half) and 8: a run holds its directory; a second start or resume is refused and deletes nothing.
     */
    @Test
    void aRunsDirectoryIsLockedForItsWholeLife() throws Exception {
        Path out = root.resolve("locked");
        ok(CliRun.of(search(out)));
        Path tmp = TestFiles.write(
                out.resolve("checkpoint").resolve(".state.json.1f2e3d.tmp"),
                "being written".getBytes(StandardCharsets.UTF_8));
        try (RunLock held = RunLock.acquire(out, "--out")) {
            refused(CliRun.of("search", "--resume", out.toString()), 3, "is in use by another SAEP-J run");
            refused(CliRun.of(search(out, "--overwrite")), 3, "is in use by another SAEP-J run");
            assertThat(tmp).as("another run's write in progress is left alone").exists();
            assertThat(out.resolve("report.json")).exists();
        }
        Path empty = Files.createDirectories(root.resolve("locked-empty"));
        try (RunLock held = RunLock.acquire(empty, "--out")) {
            refused(CliRun.of(search(empty)), 3, "is in use by another SAEP-J run");
        }
        ok(CliRun.of(search(empty)));
        CliRun resumed = ok(CliRun.of("search", "--resume", out.toString()));
        assertThat(resumed.out()).contains("already complete");
        assertThat(tmp)
                .as("the resume, holding the lock, removes the temporary file of an interrupted write")
                .doesNotExist();
    }

    /** Defect 2: predict --out overwrote any file, the model's own manifest included. */
    @Test
    void predictNeverOverwritesUnaskedNorWritesIntoTheModel() throws Exception {
        Path out = root.resolve("predict-run");
        ok(CliRun.of(search(out)));
        Path model = out.resolve("ensemble");
        String manifest = Files.readString(model.resolve("manifest.json"));
        String[] predict = {
            "predict", "--model", model.toString(), "--data", "fashion-mnist", "--data-dir", dataDir, "--out"
        };
        refused(
                CliRun.of(concat(predict, model.resolve("manifest.json").toString(), "--overwrite")),
                2,
                "inside the --model directory");
        assertThat(model.resolve("manifest.json")).hasContent(manifest);
        Path mine = TestFiles.write(root.resolve("mine.csv"), "precious".getBytes(StandardCharsets.UTF_8));
        refused(CliRun.of(concat(predict, mine.toString())), 2, "exists: choose another file or pass --overwrite");
        assertThat(mine).hasContent("precious");
        ok(CliRun.of(concat(predict, mine.toString(), "--overwrite")));
        assertThat(Files.readString(mine)).startsWith("index,predicted,");
    }

    static String[] concat(String[] head, String... tail) {
        return Stream.of(head, tail).flatMap(Arrays::stream).toArray(String[]::new);
    }

    /**
     * Defect 3: --overwrite kept the previous run's report, checkpoint and parameter files, and a resume mixed them.
     */
    @Test
    void overwriteStartsFromAnEmptyRun() throws Exception {
        Path out = root.resolve("overwritten");
        // A finished run A, then the checkpoint of an interrupted one beside it, and a file of the user's.
        ok(CliRun.of(search(out)));
        copyTree(GoldenFilesTest.golden("checkpoint-run").resolve("checkpoint"), out.resolve("checkpoint"));
        Files.writeString(out.resolve("stray-from-a.txt"), "a");
        CliRun b = ok(CliRun.of(search(out, "--overwrite", "--seed", "7")));
        assertThat(b.err()).contains("kept 1 file(s) SAEP-J did not write: stray-from-a.txt");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .doesNotContain("checkpoint")
                    .contains("report.json", "run.json", "stray-from-a.txt")
                    .noneMatch(n -> n.startsWith(".saep-replaced-"));
        }
        assertThat(out.resolve("stray-from-a.txt"))
                .as("the user's file is never SAEP-J's to delete")
                .hasContent("a");
        assertThat(json(out.resolve("run.json")).at("/config/seed").asLong()).isEqualTo(7);
        JsonNode report = json(out.resolve("report.json"));
        CliRun resumed = ok(CliRun.of("search", "--resume", out.toString()));
        assertThat(resumed.out())
                .contains(String.format(
                        "already complete: test accuracy %.4f",
                        report.at("/final/testAccuracy").asDouble()));
        // A directory that is not an earlier SAEP-J output is never replaced.
        Path notARun = root.resolve("not-a-run");
        Path letter = TestFiles.write(notARun.resolve("letter.txt"), "dear".getBytes(StandardCharsets.UTF_8));
        refused(CliRun.of(search(notARun, "--overwrite")), 2, "holds files SAEP-J did not write (letter.txt)");
        assertThat(letter).hasContent("dear");
    }

    /** The golden files of a killed run, without the reports the golden set keeps beside them for comparison. */
    static void goldenInterruptedRun(Path out) throws Exception {
        copyTree(GoldenFilesTest.golden("checkpoint-run"), out);
        Files.delete(out.resolve("resumed-report.json"));
        Files.delete(out.resolve("resumed-iterations.csv"));
    }

    static Path copyOf(Path from, Path to) throws Exception {
        copyTree(from, to);
        return to;
    }

    static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    static String blobsCsv(int n, long seed) {
        return OwnDataTest.blobs(n, seed);
    }

    /** Defect 4: a resume did not check the data: another or an edited file trained the rest of the run. */
    @Test
    void resumeRefusesDataOtherThanTheRunsOwn() throws Exception {
        Path csv = TestFiles.write(
                root.resolve("resume-data.csv"), blobsCsv(300, 1).getBytes(StandardCharsets.UTF_8));
        Path out = root.resolve("resume-csv");
        ok(CliRun.of(
                "search",
                "--data",
                "csv:" + csv,
                "--iterations",
                "2",
                "--steps",
                "40",
                "--quiet",
                "--out",
                out.toString()));
        JsonNode inv = json(out.resolve("run.json"));
        assertThat(inv.at("/config/data/dataset").asText())
                .as("stored with an absolute path")
                .isEqualTo("csv:" + csv.toAbsolutePath());
        assertThat(inv.get("dataSha256").asText()).isEqualTo(Fingerprint.sha256Hex(Files.readAllBytes(csv)));
        Files.writeString(csv, blobsCsv(300, 2));
        refused(CliRun.of("search", "--resume", out.toString()), 1, "is not what the run started on");
        // Settings given beside --resume are refused rather than silently ignored.
        refused(CliRun.of("search", "--resume", out.toString(), "--seed", "3", "--lr", "0.1"), 2, "drop --seed, --lr");
    }

    /** Defect 5: evaluate matched the source as a string and ignored --test: it scored training rows as test rows. */
    @Test
    void evaluateRecognisesTheSearchsDataByContent() throws Exception {
        Path csv = TestFiles.write(
                root.resolve("own").resolve("train.csv"), blobsCsv(300, 3).getBytes(StandardCharsets.UTF_8));
        Path test = TestFiles.write(
                root.resolve("own").resolve("test.csv"), blobsCsv(90, 4).getBytes(StandardCharsets.UTF_8));
        Path held = root.resolve("holdout-run");
        ok(CliRun.of(
                "search",
                "--data",
                "csv:" + csv,
                "--iterations",
                "2",
                "--steps",
                "60",
                "--quiet",
                "--out",
                held.toString()));
        double reported =
                json(held.resolve("report.json")).at("/final/testAccuracy").asDouble();
        String respelt = "csv:"
                + csv.getParent().resolve("..").resolve("own").resolve(".").resolve("train.csv");
        CliRun eval =
                ok(CliRun.of("evaluate", "--model", held.resolve("ensemble").toString(), "--data", respelt, "--json"));
        JsonNode e = Json.MAPPER.readTree(eval.out());
        assertThat(e.get("accuracy").asDouble()).isEqualTo(reported);
        assertThat(e.get("samples").asInt()).isEqualTo(60);
        assertThat(e.get("rows").asText())
                .contains("the search's own test split (60 of 300 rows, not used in training)");
        assertThat(e.get("trainedOn").asText()).isEqualTo("no");

        Path separate = root.resolve("separate-test-run");
        ok(CliRun.of(
                "search",
                "--data",
                "csv:" + csv,
                "--test",
                "csv:" + test,
                "--iterations",
                "2",
                "--steps",
                "60",
                "--quiet",
                "--out",
                separate.toString()));
        double reportedSeparate =
                json(separate.resolve("report.json")).at("/final/testAccuracy").asDouble();
        String model = separate.resolve("ensemble").toString();
        refused(
                CliRun.of("evaluate", "--model", model, "--data", "csv:" + csv),
                2,
                "is the search's training data (its test data was csv:");
        JsonNode onTest =
                Json.MAPPER.readTree(ok(CliRun.of("evaluate", "--model", model, "--data", "csv:" + test, "--json"))
                        .out());
        assertThat(onTest.get("accuracy").asDouble()).isEqualTo(reportedSeparate);
        assertThat(onTest.get("rows").asText()).startsWith("the search's test data (90 rows");
        JsonNode onTrain = Json.MAPPER.readTree(
                ok(CliRun.of("evaluate", "--model", model, "--data", "csv:" + csv, "--partition", "train", "--json"))
                        .out());
        assertThat(onTrain.get("trainedOn").asText()).isEqualTo("yes");
        assertThat(json(separate.resolve("ensemble").resolve("manifest.json"))
                        .at("/data/test")
                        .asText())
                .isEqualTo("csv:" + test);
    }

    /**
     * Defect 6: loaded parameters and manifests were not verified:
     * NaN, a missing checksum or weight, overflow, deviation 0.
     */
    @Test
    void everythingLoadedIsVerified() throws Exception {
        Path out = root.resolve("verified");
        ok(CliRun.of(search(out, "--mixture", "learned")));
        Path model = out.resolve("ensemble");
        String[] evaluate = {"evaluate", "--model", model.toString(), "--data", "fashion-mnist", "--data-dir", dataDir};
        ObjectNode valid = (ObjectNode) json(model.resolve("manifest.json"));
        String first = valid.at("/members/0/file").asText();
        byte[] params = Files.readAllBytes(model.resolve(first));

        mutateManifest(model, valid, m -> ((ObjectNode) m.get("members").get(0)).remove("sha256"));
        refused(CliRun.of(evaluate), 3, "needs the sha256 of its parameter file");
        mutateManifest(model, valid, m -> ((ObjectNode) m.get("members").get(0)).remove("weight"));
        refused(CliRun.of(evaluate), 3, "has no numeric weight");
        mutateManifest(model, valid, m -> ((ObjectNode) m.get("members").get(0)).put("weight", 1e300));
        refused(CliRun.of(evaluate), 3, "has weight 1.0E300");
        mutateManifest(model, valid, m -> m.put("formatVersion", 1.5));
        refused(CliRun.of(evaluate), 3, "formatVersion must be a whole number");
        mutateManifest(
                model,
                valid,
                m -> ((com.fasterxml.jackson.databind.node.ArrayNode) m.get("classNames"))
                        .set(1, m.at("/classNames/0")));
        refused(CliRun.of(evaluate), 3, "a class name appears twice");
        // One NaN parameter, with its checksum updated so that only the value itself can give it away.
        float[] values = ParameterCodec.read(new java.io.ByteArrayInputStream(params), (params.length - 12) / 4, first);
        values[3] = Float.NaN;
        byte[] nan = ParameterCodec.toBytes(values);
        Files.write(model.resolve(first), nan);
        mutateManifest(
                model, valid, m -> ((ObjectNode) m.get("members").get(0)).put("sha256", Fingerprint.sha256Hex(nan)));
        refused(CliRun.of(evaluate), 3, "parameter 3 is NaN");
        Files.write(model.resolve(first), params);
        // A member file linked from outside the ensemble directory.
        Path outside = TestFiles.write(root.resolve("outside.params"), params);
        Files.delete(model.resolve(first));
        Files.createSymbolicLink(model.resolve(first), outside);
        mutateManifest(model, valid, m -> {});
        refused(CliRun.of(evaluate), 3, "names a file outside the ensemble directory");
        Files.delete(model.resolve(first));
        Files.write(model.resolve(first), params);
        ok(CliRun.of(evaluate));

        // Standardisation with a deviation of 0 (CSV models).
        Path csv = TestFiles.write(root.resolve("dev0.csv"), blobsCsv(150, 5).getBytes(StandardCharsets.UTF_8));
        Path csvRun = root.resolve("dev0-run");
        ok(CliRun.of(
                "search",
                "--data",
                "csv:" + csv,
                "--iterations",
                "1",
                "--steps",
                "20",
                "--quiet",
                "--out",
                csvRun.toString()));
        Path csvModel = csvRun.resolve("ensemble");
        ObjectNode m = (ObjectNode) json(csvModel.resolve("manifest.json"));
        ((com.fasterxml.jackson.databind.node.ArrayNode) m.at("/preprocessing/0/deviation")).set(2, 0.0);
        Files.writeString(csvModel.resolve("manifest.json"), Json.pretty(m));
        refused(
                CliRun.of("evaluate", "--model", csvModel.toString(), "--data", "csv:" + csv),
                3,
                "standardize feature 2 has mean");
    }

    static void mutateManifest(Path model, ObjectNode valid, java.util.function.Consumer<ObjectNode> change)
            throws Exception {
        ObjectNode m = valid.deepCopy();
        change.accept(m);
        Files.writeString(model.resolve("manifest.json"), Json.pretty(m));
    }

    /** Defect 6: checkpoint parameter files had no checksum: one NaN float resumed to accuracy 0.11 without a word. */
    @Test
    void checkpointParametersAreVerifiedOnResume() throws Exception {
        Path out = root.resolve("ckpt-verified");
        goldenInterruptedRun(out);
        Path params = out.resolve("checkpoint").resolve("member-1.params");
        byte[] bytes = Files.readAllBytes(params);
        // Parameter 7 (after the 12-byte header) becomes a NaN: 0x7fc0ffff, little-endian.
        bytes[40] = (byte) 0xff;
        bytes[41] = (byte) 0xff;
        bytes[42] = (byte) 0xc0;
        bytes[43] = (byte) 0x7f;
        Files.write(params, bytes);
        GoldenFilesTest.pointAtFixture(out, root.resolve("data").resolve("fashion-mnist"));
        CliRun r = CliRun.of("search", "--resume", out.toString());
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err())
                .contains("error: " + out.resolve("checkpoint").resolve("member-1.params") + ": parameter 7 is NaN")
                .doesNotContain("internal error");
    }

    /**
     * Defect 7: degenerate labels were accepted and gave "test accuracy 1.0000" or NaN; --lr 1e-50 was 0 as a float.
     */
    @Test
    void degenerateDataIsRefusedBeforeTraining() throws Exception {
        Path all200 = root.resolve("labels-200");
        TestFiles.writeIdxDir(all200, 40, 20, 4, 4, 1);
        for (String f : new String[] {"train-labels-idx1-ubyte", "t10k-labels-idx1-ubyte.gz"}) {
            int n = f.startsWith("train") ? 40 : 20;
            byte[] labels = new byte[n];
            Arrays.fill(labels, (byte) 200);
            byte[] idx = TestFiles.idx(new int[] {n}, labels);
            TestFiles.write(all200.resolve(f), f.endsWith(".gz") ? TestFiles.gzip(idx) : idx);
        }
        refused(
                CliRun.of(
                        "search",
                        "--data",
                        "idx:" + all200,
                        "--quiet",
                        "--out",
                        root.resolve("o1").toString()),
                1,
                "the training labels hold 1 class");
        Path all0 = root.resolve("labels-0");
        TestFiles.writeIdxDir(all0, 40, 20, 4, 4, 1);
        refused(
                CliRun.of(
                        "search",
                        "--data",
                        "idx:" + all0,
                        "--pair",
                        "0,1",
                        "--quiet",
                        "--out",
                        root.resolve("o2").toString()),
                2,
                "pair class 1 does not exist");
        refused(
                CliRun.of(
                        "search",
                        "--data",
                        "idx:" + all0,
                        "--quiet",
                        "--out",
                        root.resolve("o2b").toString()),
                1,
                "the training labels hold 1 class");
        StringBuilder singletons = new StringBuilder("x,y,label\n");
        for (int i = 0; i < 3000; i++) {
            singletons
                    .append(i % 7)
                    .append(',')
                    .append(i % 11)
                    .append(",c")
                    .append(i)
                    .append('\n');
        }
        Path csv = TestFiles.write(
                root.resolve("singletons.csv"), singletons.toString().getBytes(StandardCharsets.UTF_8));
        refused(
                CliRun.of(
                        "search",
                        "--data",
                        "csv:" + csv,
                        "--quiet",
                        "--out",
                        root.resolve("o3").toString()),
                1,
                "looks like a feature, not a label: name the label column with --label-column");
        refused(
                CliRun.of(search(root.resolve("o4"), "--lr", "1e-50")),
                2,
                "--lr 1.0E-50 is outside the range of a float");
        try (Stream<Path> left = Stream.of("o1", "o2b", "o3").map(root::resolve)) {
            assertThat(left.filter(d -> Files.exists(d.resolve("run.json"))))
                    .as("a failed start leaves nothing to resume")
                    .isEmpty();
        }
        ok(CliRun.of(search(root.resolve("o3"))));
    }

    /** Defect 9: a FIFO or /dev/zero as input hung or filled the heap; a huge prune label ran out of memory. */
    @Test
    void onlyRegularFilesAreReadAndLabelsCostNoMemory() throws Exception {
        Path fifo = root.resolve("fifo.csv");
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor(10, TimeUnit.SECONDS);
        assertThat(fifo).exists();
        refused(
                CliRun.of(
                        "search",
                        "--data",
                        "csv:" + fifo,
                        "--quiet",
                        "--out",
                        root.resolve("f1").toString()),
                3,
                "not a regular file");
        refused(
                CliRun.of(
                        "search",
                        "--data",
                        "csv:/dev/zero",
                        "--quiet",
                        "--out",
                        root.resolve("f2").toString()),
                3,
                "not a regular file");
        Path model = root.resolve("fifo-model");
        ok(CliRun.of(search(model)));
        Path member;
        try (Stream<Path> files = Files.list(model.resolve("ensemble"))) {
            member = files.filter(f -> f.toString().endsWith(".params"))
                    .findFirst()
                    .orElseThrow();
        }
        Files.delete(member);
        new ProcessBuilder("mkfifo", member.toString()).start().waitFor(10, TimeUnit.SECONDS);
        refused(
                CliRun.of(
                        "evaluate",
                        "--model",
                        model.resolve("ensemble").toString(),
                        "--data",
                        "fashion-mnist",
                        "--data-dir",
                        dataDir),
                3,
                member + " (parameters of member ");
        Path predictions = TestFiles.write(
                root.resolve("members.csv"), "0,0,1\n1,1,1\n0,1,0\n1,1,1\n".getBytes(StandardCharsets.UTF_8));
        Path labels =
                TestFiles.write(root.resolve("labels.csv"), "0\n1\n100000000\n1\n".getBytes(StandardCharsets.UTF_8));
        CliRun prune = ok(CliRun.of(
                "prune",
                "--predictions",
                predictions.toString(),
                "--labels",
                labels.toString(),
                "--method",
                "pap",
                "--json"));
        assertThat(Json.MAPPER.readTree(prune.out()).get("kept")).isNotEmpty();
        refused(
                CliRun.of(search(root.resolve("f3"), "--folds", "100000")),
                1,
                "--folds 100000 is more than the 1500 samples");
    }

    /** The remaining findings: stale checkpoints, incomplete reports, a broken --data-dir copy. */
    @Test
    void incompleteReportsStaleCheckpointsAndBrokenCopiesAreSaidPlainly() throws Exception {
        Path out = root.resolve("folds");
        ok(CliRun.of(search(out, "--folds", "2")));
        // A kill between a fold's report and its checkpoint's removal left the checkpoint for good.
        Files.createDirectories(out.resolve("fold-1").resolve("checkpoint"));
        ok(CliRun.of("search", "--resume", out.toString()));
        assertThat(out.resolve("fold-1").resolve("checkpoint")).doesNotExist();
        Files.writeString(out.resolve("fold-2").resolve("report.json"), "{}");
        refused(CliRun.of("search", "--resume", out.toString()), 3, "not a complete run report");

        Path cmp = root.resolve("cmp");
        ok(CliRun.of(
                "compare",
                "--data",
                "fashion-mnist",
                "--data-dir",
                dataDir,
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
                cmp.toString()));
        Files.writeString(cmp.resolve("runs").resolve("adanet-uniform-seed1").resolve("report.json"), "{}");
        refused(CliRun.of("compare", "--resume", cmp.toString()), 3, "not a complete run report");

        Path broken = root.resolve("broken-data").resolve("fashion-mnist");
        TestFiles.fashionMnistFixture(broken);
        Files.delete(broken.resolve("t10k-labels-idx1-ubyte.gz"));
        refused(
                CliRun.of(
                        "search",
                        "--data",
                        "fashion-mnist",
                        "--data-dir",
                        broken.getParent().toString(),
                        "--quiet",
                        "--out",
                        root.resolve("b1").toString()),
                3,
                "incomplete copy of fashion-mnist (missing t10k-labels-idx1-ubyte)");
    }
}
