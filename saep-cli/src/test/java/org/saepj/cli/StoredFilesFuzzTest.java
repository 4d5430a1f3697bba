package org.saepj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.cli.display.Json;
import org.saepj.cli.output.Invocation;
import org.saepj.data.SourceData;
import org.saepj.data.io.CsvReader;
import org.saepj.data.source.DataSources;
import org.saepj.data.source.DatasetLocator;
import org.saepj.engine.Backends;
import org.saepj.execution.LocalExecutor;
import org.saepj.fuzz.Fuzz;
import org.saepj.persistence.SearchCheckpoint;
import org.saepj.search.AdaNetSearch;
import org.saepj.search.Experiment;
import org.saepj.search.Partitions;
import org.saepj.search.SearchConfig;
import org.saepj.search.SearchListener;
import org.saepj.testing.TestFiles;

/**
 * The files a run keeps and reads back — the checkpoint (state and parameter files), run.json,
 * compare.json, the manifest's data fields — and the prune CSVs, mutated and fed to the commands that read
 * them. Every case must end in exit 0 or in one {@code error:} line with exit 1 or 2: never an internal
 * error, a stack trace or a hang. Seeded; the tallies are printed.
 */
class StoredFilesFuzzTest {
    @TempDir
    static Path root;

    static Path fixture;
    static Path run;
    static Path comparison;
    static final String[] SMALL = {"--iterations", "3", "--steps", "60", "--threads", "1", "--quiet"};

    @BeforeAll
    static void runs() throws Exception {
        fixture = TestFiles.fashionMnistFixture(root.resolve("fixture"));
        run = root.resolve("run");
        CliRun r = CliRun.of(concat(
                new String[] {"search", "--data", "idx:" + fixture, "--method", "pie", "--out", run.toString()},
                SMALL));
        assertThat(r.exitCode()).as(r.err()).isZero();
        comparison = root.resolve("comparison");
        CliRun c = CliRun.of(concat(
                new String[] {
                    "compare",
                    "--data",
                    "idx:" + fixture,
                    "--methods",
                    "adanet",
                    "--seeds",
                    "1",
                    "--out",
                    comparison.toString()
                },
                SMALL));
        assertThat(c.exitCode()).as(c.err()).isZero();
    }

    static String[] concat(String[] a, String[] b) {
        return java.util.stream.Stream.of(a, b)
                .flatMap(java.util.Arrays::stream)
                .toArray(String[]::new);
    }

    /** Runs one command and files its ending under the tally's outcomes (success is always sensible here). */
    static void command(Fuzz.Tally tally, String id, String... args) {
        tally.run(
                id,
                () -> {
                    CliRun r = CliRun.of(args);
                    boolean userError = r.exitCode() >= 1 && r.exitCode() <= 3; // data, usage or file; 4 is a bug
                    boolean clean = r.exitCode() == 0
                            || userError
                                    && r.err()
                                                    .lines()
                                                    .filter(l -> !l.startsWith("warning: "))
                                                    .count()
                                            == 1
                                    && r.err().contains("error: ")
                                    && !r.err().contains("internal error");
                    if (!clean) {
                        throw new IllegalStateException(
                                "exit " + r.exitCode() + ": " + r.err().strip());
                    }
                    if (r.exitCode() != 0) {
                        // The tally counts a one-line user error as a refusal, whatever its kind.
                        throw new org.saepj.FileException(
                                r.err().strip().lines().reduce((a, b) -> b).orElse(""));
                    }
                    return r;
                },
                r -> true);
    }

    static void assertClean(Fuzz.Tally t) {
        assertThat(t.failures()).as(t.toString()).isEmpty();
    }

    /** A run killed after its first iteration: its settings (format 2) and the checkpoint this build took then. */
    static Path interruptedRun(Path dir) throws Exception {
        Files.createDirectories(dir);
        Files.copy(GoldenFilesTest.golden("checkpoint-run/run.json"), dir.resolve("run.json"));
        GoldenFilesTest.pointAtFixture(dir, fixture);
        ObjectNode stored =
                (ObjectNode) Json.MAPPER.readTree(dir.resolve("run.json").toFile());
        ((ObjectNode) stored.get("config"))
                .put("iterations", 3)
                .put("totalSteps", 60)
                .put("threads", 1);
        Files.writeString(dir.resolve("run.json"), Json.pretty(stored));
        Invocation inv = Invocation.load(dir);
        SearchConfig config = inv.config();
        SourceData source =
                new DataSources(DatasetLocator.standard(null), CsvReader.Options.defaults()).load(config.dataset());
        inv.withData(source).save(dir);
        Partitions p = Partitions.prepare(config, source).get(0);
        SearchCheckpoint checkpoint = new SearchCheckpoint(dir, source.sha256());
        int[] iterations = {0};
        try (LocalExecutor executor = new LocalExecutor(1, Backends.best())) {
            new AdaNetSearch(config, executor, Backends.best())
                    .run(p, Experiment.info(config, source, p), SearchListener.NONE, null, state -> {
                        if (iterations[0]++ == 0) {
                            checkpoint.save(state);
                        }
                    });
        }
        return dir;
    }

    @Test
    void checkpointsMutated() throws Exception {
        Path clean = interruptedRun(root.resolve("interrupted"));
        byte[] state = Files.readAllBytes(clean.resolve("checkpoint").resolve("state.json"));
        String paramsFile;
        try (var files = Files.list(clean.resolve("checkpoint"))) {
            paramsFile = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".params"))
                    .findFirst()
                    .orElseThrow();
        }
        byte[] params = Files.readAllBytes(clean.resolve("checkpoint").resolve(paramsFile));
        CliRun unmutated = CliRun.of(
                "search",
                "--resume",
                FaultAuditTest.copyOf(clean, root.resolve("unmutated")).toString(),
                "--quiet");
        assertThat(unmutated.exitCode())
                .as("positive control: " + unmutated.err())
                .isZero();
        Fuzz.Tally t = Fuzz.cases("checkpoint", 21, 61, (rng, id, tally) -> {
            Path dir = root.resolve("ckpt-" + id.hashCode());
            try {
                FaultAuditTest.copyTree(clean, dir);
                boolean onParams = rng.nextInt(4) == 0;
                Files.write(
                        dir.resolve("checkpoint").resolve(onParams ? paramsFile : "state.json"),
                        Fuzz.mutate(onParams ? params : state, rng));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            command(tally, id, "search", "--resume", dir.toString(), "--quiet");
        });
        assertClean(t);
        assertThat(t.count(Fuzz.Outcome.CLEAR_ERROR)).isPositive();
    }

    @Test
    void runAndComparisonSettingsMutated() throws Exception {
        CliRun unmutated = CliRun.of(
                "search",
                "--resume",
                FaultAuditTest.copyOf(run, root.resolve("run-unmutated")).toString(),
                "--quiet");
        assertThat(unmutated.exitCode())
                .as("positive control: " + unmutated.err())
                .isZero();
        byte[] runJson = Files.readAllBytes(run.resolve("run.json"));
        byte[] compareJson = Files.readAllBytes(comparison.resolve("compare.json"));
        Fuzz.Tally t = Fuzz.cases("run.json and compare.json", 22, 120, (rng, id, tally) -> {
            boolean compare = rng.nextBoolean();
            Path dir = root.resolve("settings-" + id.hashCode());
            try {
                FaultAuditTest.copyTree(compare ? comparison : run, dir);
                Files.write(
                        dir.resolve(compare ? "compare.json" : "run.json"),
                        Fuzz.mutate(compare ? compareJson : runJson, rng));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            command(tally, id, compare ? "compare" : "search", "--resume", dir.toString(), "--quiet");
        });
        assertClean(t);
    }

    /** The manifest's data fields rebuild the split: out-of-range values must be errors naming the manifest. */
    @Test
    void manifestDataFieldsMutated() throws Exception {
        Path model = run.resolve("ensemble");
        JsonNode valid = Json.MAPPER.readTree(model.resolve("manifest.json").toFile());
        List<String> fields =
                List.of("fold", "folds", "testFraction", "pair", "seed", "source", "sha256", "test", "partition");
        Fuzz.Tally t = Fuzz.cases("manifest data", 23, 150, (rng, id, tally) -> {
            Path copy = root.resolve("model-" + id.hashCode());
            ObjectNode m = valid.deepCopy();
            ObjectNode data = (ObjectNode) m.get("data");
            String field = fields.get(rng.nextInt(fields.size()));
            switch (rng.nextInt(5)) {
                case 0 ->
                    data.put(field, new int[] {-1, 0, 1, 2, 3, 50, 99, 1_000_000, Integer.MAX_VALUE}[rng.nextInt(9)]);
                case 1 -> data.put(field, new double[] {-0.5, 0, 0.2, 1, 2, 1e300, Double.MIN_VALUE}[rng.nextInt(7)]);
                case 2 -> data.putArray(field).add(rng.nextInt(5) - 1).add(rng.nextInt(60) - 1);
                case 3 -> data.putArray(field).add(rng.nextInt(3));
                default ->
                    data.put(field, new String[] {"", "idx:", "csv:/nope.csv", "x", "ünï\u0000"}[rng.nextInt(5)]);
            }
            try {
                FaultAuditTest.copyTree(model, copy);
                Files.writeString(copy.resolve("manifest.json"), Json.pretty(m));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            command(tally, id + " " + field, "evaluate", "--model", copy.toString(), "--data", "idx:" + fixture);
        });
        assertClean(t);
    }

    @Test
    void pruneCsvsOfEveryKind() {
        Fuzz.Tally t = Fuzz.cases("prune CSV", 24, 300, (rng, id, tally) -> {
            Path predictions = TestFiles.write(root.resolve("p.csv"), csv(rng, 1 + rng.nextInt(5)));
            Path labels = TestFiles.write(root.resolve("l.csv"), csv(rng, 1));
            String method = new String[] {"prs", "pap", "pie"}[rng.nextInt(3)];
            command(
                    tally,
                    id,
                    "prune",
                    "--predictions",
                    predictions.toString(),
                    "--labels",
                    labels.toString(),
                    "--method",
                    method,
                    "--json");
        });
        assertClean(t);
    }

    /** Rows of class indices, some huge, negative, non-numeric, non-UTF-8 or ragged. */
    static byte[] csv(SplittableRandom rng, int columns) {
        StringBuilder sb = new StringBuilder();
        if (rng.nextInt(4) == 0) {
            sb.append(rng.nextBoolean() ? "\uFEFF" : "")
                    .append("m1,m2,m3,m4,m5".substring(0, Math.min(14, columns * 3 - 1)))
                    .append('\n');
        }
        int rows = 1 + rng.nextInt(8);
        String[] values = {"0", "1", "2", "3", "100000000", "2147483647", "2147483648", "-1", "x", "01", " 1", ""};
        for (int r = 0; r < rows; r++) {
            int width = rng.nextInt(10) == 0 ? columns + 1 : columns;
            for (int c = 0; c < width; c++) {
                sb.append(c > 0 ? "," : "")
                        .append(
                                rng.nextInt(3) == 0
                                        ? values[rng.nextInt(values.length)]
                                        : Integer.toString(rng.nextInt(3)));
            }
            sb.append('\n');
        }
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        return rng.nextInt(6) == 0 ? Fuzz.mutate(bytes, rng) : bytes;
    }
}
