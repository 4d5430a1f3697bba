package org.saepj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.persistence.SavedEnsemble;
import org.saepj.testing.TestFiles;

/** Every user error: one line starting with "error:", exit 2 for usage errors and 1 otherwise, no stack trace. */
class ErrorPathsTest {
    @TempDir
    static Path root;

    static String dataDir;
    static Path model;

    @BeforeAll
    static void fixture() {
        TestFiles.fashionMnistFixture(root.resolve("data").resolve("fashion-mnist"));
        dataDir = root.resolve("data").toString();
        Path out = root.resolve("run");
        CliRun run = CliRun.of(
                "search",
                "--data",
                "fashion-mnist",
                "--data-dir",
                dataDir,
                "--iterations",
                "1",
                "--steps",
                "20",
                "--quiet",
                "--out",
                out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        model = out.resolve("ensemble");
    }

    private static String fresh() {
        return root.resolve("out-" + System.nanoTime()).toString();
    }

    static void usage(CliRun run, String message) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertOneLine(run, message);
    }

    /** A data error: exit 1. */
    static void failure(CliRun run, String message) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertOneLine(run, message);
    }

    /** A file that cannot be used (missing, corrupt, newer): exit 3. */
    static void fileError(CliRun run, String message) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
        assertOneLine(run, message);
    }

    static void assertOneLine(CliRun run, String message) {
        assertThat(run.err()).startsWith("error: ").contains(message).doesNotContain("\tat ");
        assertThat(run.err().strip().lines().count()).isEqualTo(1);
    }

    @Test
    void badSearchOptionsAreUsageErrors() {
        usage(
                CliRun.of(
                        "search", "--data", "fashion-mnist", "--data-dir", dataDir, "--alpha", "1.5", "--out", fresh()),
                "--alpha must be in [0, 1], got 1.5");
        usage(
                CliRun.of(
                        "search", "--data", "fashion-mnist", "--data-dir", dataDir, "--pair", "3,3", "--out", fresh()),
                "--pair classes must differ");
        usage(
                CliRun.of(
                        "search", "--data", "fashion-mnist", "--data-dir", dataDir, "--pair", "0,12", "--out", fresh()),
                "pair class 12 does not exist");
        usage(
                CliRun.of(
                        "search",
                        "--data",
                        "fashion-mnist",
                        "--data-dir",
                        dataDir,
                        "--iterations",
                        "0",
                        "--out",
                        fresh()),
                "--iterations must be at least 1, got 0");
        usage(
                CliRun.of(
                        "search",
                        "--data",
                        "fashion-mnist",
                        "--data-dir",
                        dataDir,
                        "--method",
                        "magic",
                        "--out",
                        fresh()),
                "--method: unknown method 'magic'");
        usage(
                CliRun.of(
                        "search",
                        "--data",
                        "fashion-mnist",
                        "--data-dir",
                        dataDir,
                        "--selection",
                        "holdout:2",
                        "--out",
                        fresh()),
                "--selection");
        usage(
                CliRun.of(
                        "search", "--data", "fashion-mnist", "--data-dir", dataDir, "--steps", "ten", "--out", fresh()),
                "--steps");
        usage(CliRun.of("search", "--data", "fashion-mnist"), "Missing required option: '--out=DIR'");
        usage(
                CliRun.of(
                        "search",
                        "--data",
                        "fashion-mnist",
                        "--data-dir",
                        dataDir,
                        "--method",
                        "pap",
                        "--max-members",
                        "4",
                        "--out",
                        fresh()),
                "--max-members: pap decides its own size; the criteria with a target size are");
        usage(
                CliRun.of(
                        "search",
                        "--data",
                        "fashion-mnist",
                        "--data-dir",
                        dataDir,
                        "--method",
                        "re",
                        "--max-members",
                        "1",
                        "--out",
                        fresh()),
                "--max-members must be at least 2 (ensembles of two are never pruned), got 1");
        usage(
                CliRun.of(
                        "search",
                        "--data",
                        "fashion-mnist",
                        "--data-dir",
                        dataDir,
                        "--method",
                        "re",
                        "--max-members",
                        "3",
                        "--param",
                        "keep=4",
                        "--out",
                        fresh()),
                "--max-members and --param keep=… name the same setting");
        usage(
                CliRun.of(
                        "compare",
                        "--data",
                        "fashion-mnist",
                        "--data-dir",
                        dataDir,
                        "--methods",
                        "adanet,re,prs",
                        "--max-members",
                        "3",
                        "--out",
                        fresh()),
                "--max-members: prs decides its own size");
        // the CLI's own tests run without the saep-spark module: --spark says how to get it, before anything is written
        String out = fresh();
        usage(
                CliRun.of(
                        "search",
                        "--data",
                        "fashion-mnist",
                        "--data-dir",
                        dataDir,
                        "--spark",
                        "local[1]",
                        "--out",
                        out),
                "--spark: the saep-spark module is not on the class path");
        assertThat(Path.of(out).resolve(org.saepj.cli.output.Invocation.FILE))
                .as("nothing to resume")
                .doesNotExist();
        usage(
                CliRun.of(
                        "compare",
                        "--data",
                        "fashion-mnist",
                        "--data-dir",
                        dataDir,
                        "--spark-conf",
                        "spark.executor.memory=1g",
                        "--out",
                        fresh()),
                "--spark-conf: only with --spark MASTER");
    }

    @Test
    void outputDirectoryMustBeUsable() throws Exception {
        Path full = root.resolve("full");
        Files.createDirectories(full);
        Files.writeString(full.resolve("keep.txt"), "mine");
        usage(
                CliRun.of("search", "--data", "fashion-mnist", "--data-dir", dataDir, "--out", full.toString()),
                "holds files SAEP-J did not write (keep.txt)");
        assertThat(Files.readString(full.resolve("keep.txt"))).isEqualTo("mine");
        Path file = TestFiles.write(root.resolve("a-file"), new byte[1]);
        usage(
                CliRun.of("search", "--data", "fashion-mnist", "--data-dir", dataDir, "--out", file.toString()),
                "is a file");
    }

    @Test
    void missingDataAndCorruptModelsAreFailures() throws Exception {
        fileError(
                CliRun.of("search", "--data", "mnist", "--data-dir", dataDir, "--out", fresh()),
                "saep datasets fetch mnist");
        String out = fresh();
        usage(
                CliRun.of("search", "--data", "csv:hdfs://namenode/data/train.csv", "--out", out),
                "hdfs://namenode/data/train.csv: data on another file system (hdfs:) is read through Spark's"
                        + " Hadoop file systems: give --spark");
        assertThat(Path.of(out).resolve(org.saepj.cli.output.Invocation.FILE))
                .as("nothing to resume")
                .doesNotExist();
        fileError(
                CliRun.of(
                        "evaluate",
                        "--model",
                        root.resolve("nowhere").toString(),
                        "--data",
                        "fashion-mnist",
                        "--data-dir",
                        dataDir),
                "does not exist");
        Path corrupt = root.resolve("corrupt");
        Files.createDirectories(corrupt);
        Files.writeString(corrupt.resolve("manifest.json"), "{ not json");
        fileError(
                CliRun.of("evaluate", "--model", corrupt.toString(), "--data", "fashion-mnist", "--data-dir", dataDir),
                "corrupt manifest");
        Path newer = root.resolve("newer");
        Files.createDirectories(newer);
        Files.writeString(
                newer.resolve("manifest.json"),
                Files.readString(model.resolve("manifest.json"))
                        .replaceFirst("\"formatVersion\" : \\d+", "\"formatVersion\" : 99"));
        fileError(
                CliRun.of("evaluate", "--model", newer.toString(), "--data", "fashion-mnist", "--data-dir", dataDir),
                "format version 99 is newer than this build reads (" + SavedEnsemble.NEWEST_FORMAT_VERSION + ")");
        Path tampered = root.resolve("tampered");
        Files.createDirectories(tampered);
        try (var files = Files.list(model)) {
            for (Path f : files.toList()) {
                Files.copy(f, tampered.resolve(f.getFileName()));
            }
        }
        try (var files = Files.list(tampered)) {
            Path params = files.filter(p -> p.toString().endsWith(".params"))
                    .findFirst()
                    .orElseThrow();
            byte[] bytes = Files.readAllBytes(params);
            bytes[bytes.length - 1] ^= 1;
            Files.write(params, bytes);
        }
        fileError(
                CliRun.of("evaluate", "--model", tampered.toString(), "--data", "fashion-mnist", "--data-dir", dataDir),
                "checksum mismatch");
    }

    @Test
    void debugShowsTheStackTrace() {
        CliRun run = CliRun.of(
                "--debug",
                "evaluate",
                "--model",
                root.resolve("nowhere").toString(),
                "--data",
                "fashion-mnist",
                "--data-dir",
                dataDir);
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).startsWith("error: ").contains("\tat ");
    }

    @Test
    void misspellingsGetASuggestion() throws Exception {
        CliRun sub = CliRun.of("serach", "--data", "fashion-mnist");
        assertThat(sub.exitCode()).isEqualTo(2);
        assertThat(sub.err()).contains("(did you mean search");
        CliRun option = CliRun.of("search", "--methd", "pie", "--data", "fashion-mnist", "--out", fresh());
        assertThat(option.exitCode()).isEqualTo(2);
        assertThat(option.err()).contains("did you mean --method");
        Path csv = TestFiles.write(
                root.resolve("bare.csv"), OwnDataTest.blobs(30, 1).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        CliRun bare = CliRun.of("search", "--data", csv.toString(), "--out", fresh());
        assertThat(bare.exitCode())
                .as("a name that names nothing is a usage error")
                .isEqualTo(2);
        assertThat(bare.err()).contains("(did you mean csv:" + csv + "?)");
    }

    /**
     * The wrong usages a new user tried (issue 14), each one {@code error:} line naming the option or file, with the
     * documented code: 2 where retyping the command fixes it, 1 where the data or a file must change.
     */
    @Test
    void whatANewUserGetsWrongIsOneLineWithTheDocumentedCode() throws Exception {
        Path iris = TestFiles.write(
                root.resolve("iris.csv"),
                ("sepal_length,petal_length,species\n" + "5.1,1.4,setosa\n".repeat(20)
                                + "6.3,6.0,virginica\n".repeat(20) + "5.9,4.2,versicolor\n".repeat(20))
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Path tiny = TestFiles.write(
                root.resolve("tiny.csv"),
                "a,b,label\n1,2,0\n3,4,1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        usage(
                CliRun.of("search", "--data", "fashion-mnst", "--data-dir", dataDir, "--out", fresh()),
                "data source 'fashion-mnst' not understood: expected fashion-mnist, mnist, cifar10, idx:DIR,"
                        + " cifar10:DIR_OR_TARGZ, csv:FILE or images:DIR"
                        + " (did you mean fashion-mnist?)");
        usage(
                CliRun.of("search", "--data", "cvs:" + iris, "--out", fresh()),
                "data source kind 'cvs' unknown: expected idx:, cifar10:," + " csv: or images: (did you mean csv:"
                        + iris + "?)");
        usage(
                CliRun.of("search", "--data", "csv:" + iris, "--label-column", "specie", "--out", fresh()),
                "--label-column: " + iris + " has no column named 'specie'");
        assertThat(CliRun.of("search", "--data", "csv:" + iris, "--label-column", "specie", "--out", fresh())
                        .err())
                .endsWith("(did you mean species?)\n");
        usage(
                CliRun.of("search", "--data", "csv:" + iris, "--label-column", "9", "--out", fresh()),
                "--label-column 9: " + iris + " has 3 columns (0-based indices 0..2)");
        usage(
                CliRun.of("search", "--data", "csv:" + iris, "--method", "pei", "--out", fresh()),
                "--method: unknown method 'pei'");
        usage(
                CliRun.of("compare", "--data", "csv:" + iris, "--methods", "adanett,pap", "--out", fresh()),
                "(did you mean adanet?)");
        usage(
                CliRun.of("datasets", "fetch", "mnst"),
                "unknown dataset 'mnst': expected fashion-mnist, mnist, cifar10 (did you mean mnist?)");
        usage(
                CliRun.of(
                        "search",
                        "--data",
                        "csv:" + iris,
                        "--preset",
                        "paper", // the whole training partition: 48 rows
                        "--batch",
                        "100000",
                        "--out",
                        fresh()),
                "--batch 100000 is larger than the 48 training samples: choose at most 48");
        failure(
                CliRun.of("search", "--data", "csv:" + iris, "--folds", "100000", "--out", fresh()),
                "--folds 100000 is more than the 60 samples of iris.csv");
        failure(
                CliRun.of("search", "--data", "csv:" + tiny, "--out", fresh()),
                "the stratified 20% test holdout (--test-fraction) is empty: too few samples per class to split off");
        usage(
                CliRun.of("search", "--resume", root.resolve("no-such-run").toString()),
                "--resume " + root.resolve("no-such-run") + " does not exist");
        usage(
                CliRun.of("prune", "--predictions", "p.csv", "--method", "pie"),
                "Missing required argument(s): --labels=FILE.csv");
        assertThat(CliRun.of("prune", "--predictions", "p.csv", "--method", "pie")
                        .err())
                .doesNotContain("Error: ");
        fileError(
                CliRun.of("evaluate", "--model", "/nonexistent", "--data", "csv:" + iris),
                "/nonexistent does not exist");
        // class names work where indices do, and a corrected rerun after a failed start is not refused
        Path out = root.resolve("pair-run");
        failure(
                CliRun.of("search", "--data", "csv:" + iris, "--folds", "100000", "--quiet", "--out", out.toString()),
                "--folds 100000");
        CliRun pair = CliRun.of(
                "search",
                "--data",
                "csv:" + iris,
                "--pair",
                "setosa,virginica",
                "--iterations",
                "1",
                "--steps",
                "20",
                "--batch",
                "16",
                "--quiet",
                "--out",
                out.toString());
        assertThat(pair.exitCode()).as(pair.err()).isZero();
        assertThat(Files.readString(out.resolve("run.json")))
                .as("the classes named, stored by index")
                .contains("\"pair\" : [ 0, 2 ]");
    }
}
