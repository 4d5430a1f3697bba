package org.saepj.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.cli.display.Json;
import org.saepj.cli.output.Invocation;
import org.saepj.persistence.SearchCheckpoint;
import org.saepj.persistence.TemporaryFiles;
import org.saepj.testing.TestFiles;

/**
 * Searches in a child JVM killed with SIGKILL at several moments — before the first checkpoint, between
 * iterations and in the middle of a checkpoint write — or stopped with SIGINT, then resumed: every time
 * the final report equals the uninterrupted run's, timings aside.
 */
class InterruptionTest {
    @TempDir
    static Path root;

    static String dataDir;
    static JsonNode reference;
    static final String[] SETTINGS = { // the paper's dnn: interruption is tested, not the default space
        "--model",
        "dnn",
        "--method",
        "pie",
        "--iterations",
        "6",
        "--steps",
        "480",
        "--seed",
        "5",
        "--threads",
        "2",
        "--quiet"
    };

    @BeforeAll
    static void uninterrupted() throws IOException {
        TestFiles.fashionMnistFixture(root.resolve("data").resolve("fashion-mnist"));
        dataDir = root.resolve("data").toString();
        Path out = root.resolve("reference");
        CliRun run = CliRun.of(concat(
                new String[] {"search", "--data", "fashion-mnist", "--data-dir", dataDir, "--out", out.toString()},
                SETTINGS));
        assertThat(run.exitCode()).as(run.err()).isZero();
        reference = comparable(out.resolve("report.json"));
    }

    static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** The report without what legitimately differs between runs: timings, start time, throughput. */
    static JsonNode comparable(Path report) throws IOException {
        ObjectNode n = (ObjectNode) Json.MAPPER.readTree(report.toFile());
        n.remove("timing");
        ((ObjectNode) n.get("provenance")).remove(List.of("startedAt", "gitCommit"));
        ((ObjectNode) n.get("final")).remove(List.of("inferenceSamplesPerSecond", "inferenceSeconds"));
        for (JsonNode it : n.get("iterations")) {
            ((ObjectNode) it).remove(List.of("trainSeconds", "seconds"));
        }
        return n;
    }

    static Process child(Path out, long writeDelayMillis) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules",
                "jdk.incubator.vector",
                "-D" + SearchCheckpoint.WRITE_DELAY_PROPERTY + "=" + writeDelayMillis,
                "-cp",
                System.getProperty("java.class.path"),
                SaepCommand.class.getName(),
                "search",
                "--data",
                "fashion-mnist",
                "--data-dir",
                dataDir,
                "--out",
                out.toString()));
        cmd.addAll(List.of(SETTINGS));
        return new ProcessBuilder(cmd)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(out.resolveSibling(out.getFileName() + ".err").toFile())
                .start();
    }

    static void waitFor(Predicate<Path> condition, Path dir, Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.test(dir)) {
            assertThat(p.isAlive())
                    .as("the search ended before the moment to interrupt it")
                    .isTrue();
            assertThat(System.nanoTime()).as("timed out waiting to interrupt").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    static boolean stateWriteInProgress(Path dir) {
        Path cp = dir.resolve(SearchCheckpoint.DIRECTORY);
        if (!Files.isDirectory(cp)) {
            return false;
        }
        try (Stream<Path> files = Files.list(cp)) {
            // state.json's temporary file: a SAEP-J temporary file holding JSON (a member's parameters are binary).
            return files.anyMatch(
                    f -> f.getFileName().toString().startsWith(TemporaryFiles.PREFIX) && startsWithBrace(f));
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean startsWithBrace(Path f) {
        try (var in = Files.newInputStream(f)) {
            return in.read() == '{';
        } catch (IOException e) {
            return false; // renamed or removed meanwhile
        }
    }

    static int iterationsCheckpointed(Path dir) {
        try {
            return Json.MAPPER
                    .readTree(dir.resolve(SearchCheckpoint.DIRECTORY)
                            .resolve(SearchCheckpoint.STATE)
                            .toFile())
                    .get("nextIteration")
                    .asInt();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Nothing visible is half-written: every JSON file parses, and no report exists before the run finished. */
    static void assertNothingHalfWritten(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".json")) {
                    assertThat(Json.MAPPER.readTree(Files.readString(f, StandardCharsets.UTF_8)))
                            .as(f.toString())
                            .isNotNull();
                }
            }
        }
        assertThat(dir.resolve("report.json")).doesNotExist();
    }

    static void resumeAndCompare(Path out) throws IOException {
        CliRun resumed = CliRun.of("search", "--resume", out.toString(), "--quiet");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(comparable(out.resolve("report.json"))).isEqualTo(reference);
        assertThat(out.resolve(SearchCheckpoint.DIRECTORY)).doesNotExist();
        try (Stream<Path> files = Files.walk(out)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .noneMatch(n -> n.endsWith(".tmp") || n.startsWith(TemporaryFiles.PREFIX));
        }
    }

    @Test
    void killedMidCheckpointWriteThenResumed() throws Exception {
        Path out = root.resolve("mid-write");
        Process p = child(out, 400);
        waitFor(d -> iterationsCheckpointed(d) >= 2 && stateWriteInProgress(d), out, p);
        p.destroyForcibly().waitFor();
        assertNothingHalfWritten(out);
        assertThat(iterationsCheckpointed(out)).isBetween(2, 5);
        resumeAndCompare(out);
    }

    @Test
    void killedBetweenIterationsAndBeforeAnyCheckpoint() throws Exception {
        Path between = root.resolve("between");
        Process p = child(between, 150);
        waitFor(d -> iterationsCheckpointed(d) >= 4 && !stateWriteInProgress(d), between, p);
        p.destroyForcibly().waitFor();
        assertNothingHalfWritten(between);
        resumeAndCompare(between);

        Path early = root.resolve("early");
        Process q = child(early, 150);
        waitFor(d -> Files.exists(d.resolve(Invocation.FILE)), early, q);
        q.destroyForcibly().waitFor();
        resumeAndCompare(early);
    }

    @Test
    void aKilledComparisonResumesRunByRun() throws Exception {
        String[] settings = {
            "--model",
            "dnn",
            "--methods",
            "adanet,pie",
            "--seeds",
            "1,2",
            "--iterations",
            "4",
            "--steps",
            "240",
            "--quiet"
        };
        Path reference = root.resolve("compare-reference");
        CliRun whole = CliRun.of(concat(
                new String[] {"compare", "--data", "fashion-mnist", "--data-dir", dataDir, "--out", reference.toString()
                },
                settings));
        assertThat(whole.exitCode()).as(whole.err()).isZero();

        Path out = root.resolve("compare-killed");
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules",
                "jdk.incubator.vector",
                "-D" + SearchCheckpoint.WRITE_DELAY_PROPERTY + "=200",
                "-cp",
                System.getProperty("java.class.path"),
                SaepCommand.class.getName(),
                "compare",
                "--data",
                "fashion-mnist",
                "--data-dir",
                dataDir,
                "--out",
                out.toString()));
        cmd.addAll(List.of(settings));
        Process p = new ProcessBuilder(cmd)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        // Kill it in the third run (pie, seed 1), after its second iteration: two runs finished, one half done.
        waitFor(d -> iterationsCheckpointed(d.resolve("runs").resolve("pie-uniform-seed1")) >= 2, out, p);
        p.destroyForcibly().waitFor();
        assertThat(out.resolve("runs").resolve("adanet-uniform-seed2").resolve("report.json"))
                .exists();
        assertThat(out.resolve("runs").resolve("pie-uniform-seed1").resolve("report.json"))
                .doesNotExist();

        CliRun resumed = CliRun.of("compare", "--resume", out.toString());
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("(already complete)").contains("(resumed)");
        JsonNode a = Json.MAPPER.readTree(reference.resolve("comparison.json").toFile());
        JsonNode b = Json.MAPPER.readTree(out.resolve("comparison.json").toFile());
        assertThat(b.get("runs")).hasSize(4);
        for (int i = 0; i < 4; i++) {
            assertThat(b.get("runs").get(i).get("testAccuracy"))
                    .isEqualTo(a.get("runs").get(i).get("testAccuracy"));
            assertThat(b.get("runs").get(i).get("ensembleSize"))
                    .isEqualTo(a.get("runs").get(i).get("ensembleSize"));
        }
        for (String run : List.of("adanet-uniform-seed1", "pie-uniform-seed1", "pie-uniform-seed2")) {
            assertThat(comparable(out.resolve("runs").resolve(run).resolve("report.json")))
                    .isEqualTo(comparable(reference.resolve("runs").resolve(run).resolve("report.json")));
        }
    }

    /**
     * @param number a signal's number
     * @return whether this process ignores the signal (Linux's /proc/self/status): a process started in the background
     *     of a non-interactive shell ignores SIGINT, as one started by nohup ignores SIGHUP; its children inherit that
     *     across exec and the JVM then leaves the signal alone, as it should: the search runs on
     */
    static boolean ignoredHere(int number) throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return false;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                long mask = Long.parseUnsignedLong(
                        line.substring("SigIgn:".length()).strip(), 16);
                return (mask & (1L << (number - 1))) != 0;
            }
        }
        return false;
    }

    @Test
    void sigintFinishesTheWriteSaysHowToResumeAndExits130() throws Exception {
        assumeFalse(
                ignoredHere(2),
                "SIGINT is ignored by this process and so by its children (started in the"
                        + " background of a non-interactive shell): a search started so runs on, as it should");
        Path out = root.resolve("sigint");
        Process p = child(out, 400);
        waitFor(d -> iterationsCheckpointed(d) >= 1 && stateWriteInProgress(d), out, p);
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(130);
        String err = Files.readString(out.resolveSibling("sigint.err"));
        assertThat(err).contains("interrupted (SIGINT)").contains("saep search --resume " + out);
        // The write in progress completed: the checkpoint is a newer one than the one before the signal.
        assertThat(iterationsCheckpointed(out)).isGreaterThanOrEqualTo(2);
        assertNothingHalfWritten(out);
        resumeAndCompare(out);
    }

    @Test
    void aStoppedSearchNamesItsResumeCommandWhichWorksAndARerunIsRefusedNamingIt() throws Exception {
        Path out = root.resolve("destroyed");
        Process p = child(out, 100);
        waitFor(d -> iterationsCheckpointed(d) >= 1, out, p);
        p.destroy(); // SIGTERM, as a session's end or a scheduler would stop it
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(143);
        List<String> err = Files.readAllLines(out.resolveSibling("destroyed.err"));
        String last = err.get(err.size() - 1);
        assertThat(last)
                .startsWith("interrupted (SIGTERM): the search stopped after its last complete iteration")
                .endsWith("can be resumed with: saep search --resume " + out);

        CliRun again = CliRun.of(concat(
                new String[] {"search", "--data", "fashion-mnist", "--data-dir", dataDir, "--out", out.toString()},
                SETTINGS));
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err().strip())
                .isEqualTo("error: --out " + out + " holds an interrupted search: continue it with saep search"
                        + " --resume " + out + ", or pass --overwrite to start again there");

        String[] printed = last.substring(last.indexOf("saep search --resume ") + "saep ".length())
                .split(" ");
        assertThat(printed).containsExactly("search", "--resume", out.toString());
        resumeAndCompare(out);
    }

    @Test
    void sigtermAndSighupExitWithTheirOwnCodes() throws Exception {
        for (String[] signal : new String[][] {{"TERM", "143", "15"}, {"HUP", "129", "1"}}) {
            if (ignoredHere(Integer.parseInt(signal[2]))) {
                continue; // ignored here, so by the child too (nohup): nothing to test for this one
            }
            Path out = root.resolve("sig" + signal[0].toLowerCase(java.util.Locale.ROOT));
            Process p = child(out, 200);
            waitFor(d -> iterationsCheckpointed(d) >= 1, out, p);
            new ProcessBuilder("kill", "-" + signal[0], Long.toString(p.pid()))
                    .start()
                    .waitFor();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as("SIG" + signal[0]).isEqualTo(Integer.parseInt(signal[1]));
            assertThat(Files.readString(out.resolveSibling(out.getFileName() + ".err")))
                    .contains("interrupted (SIG" + signal[0] + ")");
            assertNothingHalfWritten(out);
        }
    }
}
