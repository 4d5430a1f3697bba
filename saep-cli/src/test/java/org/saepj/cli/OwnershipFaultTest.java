package org.saepj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.cli.display.Json;
import org.saepj.persistence.TemporaryFiles;
import org.saepj.run.OwnedFolder;
import org.saepj.testing.TestFiles;

/**
 * The second fault audit's data-loss cases (issue 26, defects 1–9 and the long --out name of 17), each through the
 * real command line on real files (in-process, see {@link NumbersFaultTest}; a child JVM where the process matters:
 * standard output, a killed process, a live one's pid): the command is refused or does its work, and every file of
 * the user's is byte for byte what it was. Each case has a positive control, the same command where it is allowed
 * to act, showing that the test can see a change.
 */
class OwnershipFaultTest {
    @TempDir
    static Path root;

    static String dataDir;
    static Path run;
    static Path model;
    // the paper's dnn: what a run owns is under test here, not the default space (a residual CNN on images)
    static final String[] SMALL = {"--model", "dnn", "--iterations", "2", "--steps", "60", "--threads", "1", "--quiet"};

    @BeforeAll
    static void aFinishedRun() {
        TestFiles.fashionMnistFixture(root.resolve("data").resolve("fashion-mnist"));
        dataDir = root.resolve("data").toString();
        run = root.resolve("finished");
        ok(CliRun.of(search(run)));
        model = run.resolve("ensemble");
    }

    static String[] search(Path out, String... more) {
        String[] head = {"search", "--data", "fashion-mnist", "--data-dir", dataDir, "--out", out.toString()};
        return Stream.of(head, SMALL, more).flatMap(Arrays::stream).toArray(String[]::new);
    }

    static String[] compare(Path out, String... more) {
        String[] head = {
            "compare",
            "--data",
            "fashion-mnist",
            "--data-dir",
            dataDir,
            "--seeds",
            "1",
            "--model",
            "dnn",
            "--out",
            out.toString(),
            "--iterations",
            "1",
            "--steps",
            "30",
            "--threads",
            "1",
            "--quiet"
        };
        return Stream.of(head, more).flatMap(Arrays::stream).toArray(String[]::new);
    }

    static String[] predict(Path out, String... more) {
        String[] head = {
            "predict",
            "--model",
            model.toString(),
            "--data",
            "fashion-mnist",
            "--data-dir",
            dataDir,
            "--out",
            out.toString()
        };
        return Stream.of(head, more).flatMap(Arrays::stream).toArray(String[]::new);
    }

    static <R extends CliResult> R ok(R r) {
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        return r;
    }

    static void refused(CliResult r, String message) {
        assertThat(r.exitCode()).as(r.out() + r.err()).isNotZero();
        String err = r.errLines();
        assertThat(err)
                .startsWith("error: ")
                .contains(message)
                .doesNotContain("internal error")
                .doesNotContain("\tat ");
        assertThat(err.strip().lines().count()).as(err).isEqualTo(1);
    }

    /** @return every file under dir (links not followed) with its bytes, to compare before and after */
    static Map<String, String> snapshot(Path dir) throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted().toList()) {
                String key = dir.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    files.put(key, "-> " + Files.readSymbolicLink(p));
                } else if (Files.isRegularFile(p) && !p.getFileName().toString().equals(".saep-lock")) {
                    files.put(key, new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
                } else if (Files.isDirectory(p)) {
                    files.put(key + "/", "");
                }
            }
        }
        return files;
    }

    static Path copyOfRun(String name) throws Exception {
        Path copy = root.resolve(name);
        FaultAuditTest.copyTree(run, copy);
        return copy;
    }

    static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    /**
     * Defect 1: --overwrite emptied the old output before the inputs were checked (search, compare and prune alike).
     */
    @Test
    void overwriteChecksEveryInputBeforeTouchingTheEarlierRun() throws Exception {
        Path a = copyOfRun("validate-then-touch");
        Map<String, String> before = snapshot(a);
        refused(
                CliRun.of("search", "--data", "csv:" + root.resolve("typo.csv"), "--out", a.toString(), "--overwrite"),
                "typo.csv");
        refused(
                CliRun.of(
                        "search",
                        "--data",
                        "fashion-mnist",
                        "--data-dir",
                        dataDir,
                        "--out",
                        a.toString(),
                        "--overwrite",
                        "--space",
                        root.resolve("no-such-space.json").toString()),
                "no-such-space.json");
        refused(
                CliRun.of("compare", "--data", "csv:" + root.resolve("typo.csv"), "--out", a.toString(), "--overwrite"),
                "typo.csv");
        refused(CliRun.of(compare(a, "--overwrite", "--methods", "adanet,nosuch")), "unknown method 'nosuch'");
        refused(
                CliRun.of(
                        "prune",
                        "--model",
                        model.toString(),
                        "--data",
                        "csv:" + root.resolve("typo.csv"),
                        "--method",
                        "pap",
                        "--out",
                        a.toString(),
                        "--overwrite"),
                "typo.csv");
        assertThat(snapshot(a))
                .as("the earlier run, untouched by every refused --overwrite")
                .isEqualTo(before);
        // Positive control: with valid inputs --overwrite does replace it.
        ok(CliRun.of(search(a, "--overwrite", "--seed", "9")));
        assertThat(snapshot(a)).isNotEqualTo(before);
        assertThat(Files.readString(a.resolve("run.json"))).contains("\"seed\" : 9");
    }

    /** Defect 2: --overwrite recognised its own output by file names and deleted files SAEP-J never wrote. */
    @Test
    void overwriteRemovesOnlyWhatSaepWrote() throws Exception {
        Path mixed = root.resolve("user-project");
        TestFiles.write(mixed.resolve("report.json"), "{\"mine\": true}".getBytes(StandardCharsets.UTF_8));
        TestFiles.write(mixed.resolve("src").resolve("app.js"), "console.log(1)".getBytes(StandardCharsets.UTF_8));
        TestFiles.write(mixed.resolve("thesis.tex"), "\\documentclass{article}".getBytes(StandardCharsets.UTF_8));
        Map<String, String> before = snapshot(mixed);
        refused(CliRun.of(search(mixed, "--overwrite")), "holds files SAEP-J did not write (src, thesis.tex)");
        refused(CliRun.of(compare(mixed, "--overwrite")), "holds files SAEP-J did not write");
        refused(
                CliRun.of(
                        "prune",
                        "--model",
                        model.toString(),
                        "--data",
                        "fashion-mnist",
                        "--data-dir",
                        dataDir,
                        "--method",
                        "pap",
                        "--out",
                        mixed.toString(),
                        "--overwrite"),
                "holds files SAEP-J did not write");
        assertThat(snapshot(mixed)).isEqualTo(before);
        // Without foreign files but without SAEP-J's marker either: still not SAEP-J's to replace.
        Path unmarked = root.resolve("unmarked");
        TestFiles.write(unmarked.resolve("report.json"), "{\"mine\": true}".getBytes(StandardCharsets.UTF_8));
        refused(CliRun.of(search(unmarked, "--overwrite")), "carries no SAEP-J marker");
        assertThat(unmarked.resolve("report.json")).hasContent("{\"mine\": true}");
        // Positive control: SAEP-J's own run with the user's files added: the run is replaced, the user's files stay.
        Path marked = copyOfRun("marked-with-user-files");
        TestFiles.write(marked.resolve("notes.md"), "keep me".getBytes(StandardCharsets.UTF_8));
        TestFiles.write(marked.resolve("ensemble").resolve("README.txt"), "mine too".getBytes(StandardCharsets.UTF_8));
        String oldRun = Files.readString(marked.resolve("run.json"));
        CliRun r = ok(CliRun.of(search(marked, "--overwrite", "--seed", "4")));
        assertThat(r.err()).contains("kept 2 file(s) SAEP-J did not write");
        assertThat(marked.resolve("notes.md")).hasContent("keep me");
        assertThat(marked.resolve("ensemble").resolve("README.txt")).hasContent("mine too");
        assertThat(Files.readString(marked.resolve("run.json"))).isNotEqualTo(oldRun);
        try (Stream<Path> left = Files.list(marked)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".saep-replaced-"));
        }
    }

    /**
     * Defect 3: a run.json SAEP-J did not write was taken for a
     * failed start, and the folder cleared without --overwrite.
     */
    @Test
    void aForeignRunJsonIsNotAFailedStart() throws Exception {
        Path dir = root.resolve("foreign-run-json");
        TestFiles.write(dir.resolve("run.json"), "{\"my\": \"experiment\"}".getBytes(StandardCharsets.UTF_8));
        TestFiles.write(dir.resolve("search.log"), "my log".getBytes(StandardCharsets.UTF_8));
        Map<String, String> before = snapshot(dir);
        refused(CliRun.of(search(dir)), "carries no SAEP-J marker");
        refused(CliRun.of(compare(dir)), "carries no SAEP-J marker");
        assertThat(snapshot(dir)).isEqualTo(before);
        // Positive control: SAEP-J's own failed start (its marker, settings and log only) is reused without
        // --overwrite.
        Path failed = root.resolve("own-failed-start");
        Files.createDirectories(failed);
        FaultAuditTest.copyTree(run.resolve(OwnedFolder.MARKER), failed.resolve(OwnedFolder.MARKER));
        Files.copy(run.resolve("run.json"), failed.resolve("run.json"));
        Files.writeString(failed.resolve("search.log"), "started\n");
        ok(CliRun.of(search(failed)));
        assertThat(failed.resolve("report.json")).exists();
    }

    /** Defect 4: a .saep-lock that is a symbolic link was followed and its target truncated. */
    @Test
    void theLockFileIsNeverFollowed() throws Exception {
        Path victim = TestFiles.write(root.resolve("victim.txt"), "precious".getBytes(StandardCharsets.UTF_8));
        Path dir = Files.createDirectories(root.resolve("lock-link"));
        Files.createSymbolicLink(dir.resolve(".saep-lock"), victim);
        refused(CliRun.of(search(dir)), ".saep-lock is a symbolic link");
        Path resumable = copyOfRun("lock-link-resume");
        Files.delete(resumable.resolve(".saep-lock"));
        Files.createSymbolicLink(resumable.resolve(".saep-lock"), victim);
        refused(CliRun.of("search", "--resume", resumable.toString()), ".saep-lock is a symbolic link");
        assertThat(victim).hasContent("precious");
        // Positive control: with the link gone, the same directory takes the run.
        Files.delete(dir.resolve(".saep-lock"));
        ok(CliRun.of(search(dir)));
        assertThat(Files.isSymbolicLink(dir.resolve(".saep-lock"))).isFalse();
    }

    /** Defect 5: links inside a run folder were followed on --resume: checkpoint, ensemble and log written outside. */
    @Test
    void resumeNeverWritesThroughLinksInTheRunFolder() throws Exception {
        Path outside = Files.createDirectories(root.resolve("outside"));
        Path log = TestFiles.write(outside.resolve("their.log"), "theirs".getBytes(StandardCharsets.UTF_8));
        for (String linked : List.of("search.log", "checkpoint", "ensemble")) {
            Path dir = root.resolve("link-" + linked);
            FaultAuditTest.goldenInterruptedRun(dir);
            GoldenFilesTest.pointAtFixture(dir, root.resolve("data").resolve("fashion-mnist"));
            Path target = linked.equals("search.log") ? log : Files.createDirectories(outside.resolve(linked));
            if (Files.exists(dir.resolve(linked))) {
                FaultAuditTest.copyTree(dir.resolve(linked), outside.resolve(linked + "-copy"));
                deleteTree(dir.resolve(linked));
                target = linked.equals("search.log") ? target : outside.resolve(linked + "-copy");
            }
            Files.createSymbolicLink(dir.resolve(linked), target);
            Map<String, String> outsideBefore = snapshot(outside);
            refused(CliRun.of("search", "--resume", dir.toString()), dir.resolve(linked) + " is a symbolic link");
            assertThat(snapshot(outside)).as(linked).isEqualTo(outsideBefore);
        }
        // Positive control: the same interrupted run without links resumes and writes its ensemble.
        Path plain = shortGoldenRun(root.resolve("link-none"));
        ok(CliRun.of("search", "--resume", plain.toString(), "--quiet"));
        assertThat(plain.resolve("ensemble").resolve("manifest.json")).exists();
        assertThat(plain.resolve(OwnedFolder.MARKER))
                .as("an earlier version's run is taken over")
                .exists();
    }

    /**
     * @return the golden killed run (format 1) in {@code dir}, its data pointed at the fixture and its budget cut from
     *     6 to 2 iterations of the same 1000 steps: the checkpoint (after the first) is as valid, and a resume trains
     *     one iteration instead of five (what a resume writes is under test here, not how long it trains)
     */
    static Path shortGoldenRun(Path dir) throws Exception {
        FaultAuditTest.goldenInterruptedRun(dir);
        GoldenFilesTest.pointAtFixture(dir, root.resolve("data").resolve("fashion-mnist"));
        ObjectNode stored =
                (ObjectNode) Json.MAPPER.readTree(dir.resolve("run.json").toFile());
        ((ObjectNode) stored.get("config")).put("iterations", 2).put("totalSteps", 2000);
        Files.writeString(dir.resolve("run.json"), Json.pretty(stored));
        return dir;
    }

    static void deleteTree(Path p) throws Exception {
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }

    /** Defect 6: the guard against writing into the model compared strings: through a linked alias it overwrote it. */
    @Test
    void nothingIsWrittenIntoTheModelThroughAnAlias() throws Exception {
        Path alias = root.resolve("alias-of-model");
        Files.createSymbolicLink(alias, model);
        Map<String, String> before = snapshot(model);
        refused(CliRun.of(predict(alias.resolve("manifest.json"), "--overwrite")), "inside the --model directory");
        refused(CliRun.of(predict(alias.resolve("member-1.params"), "--overwrite")), "inside the --model directory");
        refused(
                CliRun.of(
                        "export",
                        "--model",
                        model.toString(),
                        "--out",
                        alias.resolve("manifest.json").toString(),
                        "--overwrite"),
                "inside the --model directory");
        refused(
                CliRun.of(
                        "prune",
                        "--model",
                        model.toString(),
                        "--data",
                        "fashion-mnist",
                        "--data-dir",
                        dataDir,
                        "--method",
                        "pap",
                        "--out",
                        alias.toString(),
                        "--overwrite"),
                "the --model directory");
        refused(
                CliRun.of(
                        "prune",
                        "--model",
                        alias.toString(),
                        "--data",
                        "fashion-mnist",
                        "--data-dir",
                        dataDir,
                        "--method",
                        "pap",
                        "--out",
                        model.resolve("pruned").toString()),
                "the --model directory");
        assertThat(snapshot(model)).isEqualTo(before);
        // Positive control: the same commands with an output outside the model write it.
        ok(CliRun.of(predict(root.resolve("alias-control.csv"))));
        assertThat(Files.readString(root.resolve("alias-control.csv"))).startsWith("index,predicted,");
    }

    /**
     * Defect 7: a file created between predict's check and its
     * rename was replaced; /dev/stdout was replaced, not written.
     */
    @Test
    void outputFilesAreWrittenThroughLinksAndNeverReplacedUnasked() throws Exception {
        // Standard output is the process's own (in-process, it would be the test JVM's): a child JVM's here.
        CliProcess toStdout = ok(CliProcess.of(predict(Path.of("-"))));
        assertThat(toStdout.out()).startsWith("index,predicted,");
        assertThat(toStdout.err()).contains(" predictions to -");
        CliProcess devStdout = ok(CliProcess.of(predict(Path.of("/dev/stdout"), "--overwrite")));
        assertThat(devStdout.out()).startsWith("index,predicted,").isEqualTo(toStdout.out());
        assertThat(Files.isSymbolicLink(Path.of("/dev/stdout"))).isTrue();
        // A link to the user's file: written through, the link kept.
        Path real = TestFiles.write(root.resolve("real-predictions.csv"), "old".getBytes(StandardCharsets.UTF_8));
        Path link = root.resolve("link-predictions.csv");
        Files.createSymbolicLink(link, real);
        refused(CliRun.of(predict(link)), "exists: choose another file or pass --overwrite");
        assertThat(real).hasContent("old");
        ok(CliRun.of(predict(link, "--overwrite")));
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo(toStdout.out());
        // The same through export: a link's target gets the ONNX bytes, the link stays.
        Path onnx = TestFiles.write(root.resolve("real.onnx"), "old".getBytes(StandardCharsets.UTF_8));
        Path onnxLink = root.resolve("link.onnx");
        Files.createSymbolicLink(onnxLink, onnx);
        ok(CliRun.of("export", "--model", model.toString(), "--out", onnxLink.toString(), "--overwrite"));
        assertThat(Files.isSymbolicLink(onnxLink)).isTrue();
        assertThat(Files.size(onnx)).isGreaterThan(1000);
    }

    /** Defect 8: --resume deleted every *.tmp in a folder holding a run.json, the user's own .tmp files included. */
    @Test
    void resumeRemovesOnlySaepsOwnTemporaryFilesOfDeadProcesses() throws Exception {
        Path dir = shortGoldenRun(root.resolve("tmp-files"));
        ok(CliRun.of("search", "--resume", dir.toString(), "--quiet"));
        Path mine = TestFiles.write(dir.resolve("notes.tmp"), "mine".getBytes(StandardCharsets.UTF_8));
        Path lookalike = TestFiles.write(dir.resolve(".draft.0a1b.tmp"), "mine".getBytes(StandardCharsets.UTF_8));
        Path live = TestFiles.write(
                dir.resolve("ensemble")
                        .resolve(TemporaryFiles.PREFIX + ProcessHandle.current().pid() + "-00000000000000ff"),
                "a live process writes this".getBytes(StandardCharsets.UTF_8));
        Path orphan = TestFiles.write(
                dir.resolve("ensemble").resolve(TemporaryFiles.PREFIX + deadPid() + "-0000000000000abc"),
                "left by a killed run".getBytes(StandardCharsets.UTF_8));
        Path legacy = TestFiles.write(dir.resolve(".report.json.1f2e3d.tmp"), "0.2's".getBytes(StandardCharsets.UTF_8));
        // A child JVM: the live pid above (this JVM's) must be another process's than the resuming one's.
        ok(CliProcess.of("search", "--resume", dir.toString(), "--quiet"));
        assertThat(mine).hasContent("mine");
        assertThat(lookalike).hasContent("mine");
        assertThat(live).as("a live process's temporary file is left alone").exists();
        // Positive control: SAEP-J's own leftovers are removed.
        assertThat(orphan).doesNotExist();
        assertThat(legacy).doesNotExist();
    }

    /** Defect 9: kill -9 during predict left orphan temporary files that nothing ever removed. */
    @Test
    void aKilledPredictsTemporaryFileIsRemovedByTheNextOne() throws Exception {
        Path folder = Files.createDirectories(root.resolve("predictions"));
        // What a predict killed while writing leaves: its temporary file, named with its (now dead) pid.
        Process killed = CliProcess.start(List.of(), Map.of(), predict(folder.resolve("first.csv")));
        long pid = killed.pid();
        killed.destroyForcibly().waitFor();
        Path orphan = TestFiles.write(folder.resolve(TemporaryFiles.PREFIX + pid + "-00000000000c0ffe"), new byte[100]);
        Path mine =
                TestFiles.write(folder.resolve(".predictions.csv.1234.tmp"), "mine".getBytes(StandardCharsets.UTF_8));
        ok(CliRun.of(predict(folder.resolve("second.csv"))));
        assertThat(orphan).doesNotExist();
        assertThat(mine).hasContent("mine");
        assertThat(folder.resolve("second.csv")).exists();
    }

    /** Defect 17 (last case): an --out name too long for the temporary name failed after all the work. */
    @Test
    void aLongOutputNameFitsItsTemporaryName() throws Exception {
        String name = "p".repeat(250) + ".csv";
        ok(CliRun.of(predict(root.resolve(name))));
        assertThat(root.resolve(name)).exists();
        refused(CliRun.of(predict(root.resolve("q".repeat(300) + ".csv"))), "longer than the 255 bytes");
    }
}
