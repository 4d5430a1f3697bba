package org.saepj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.saepj.data.SourceData;
import org.saepj.data.io.CsvReader;
import org.saepj.engine.Backends;
import org.saepj.execution.LocalExecutor;
import org.saepj.persistence.SavedEnsemble;
import org.saepj.persistence.ValuePrediction;
import org.saepj.run.RunOutputs;
import org.saepj.search.AdaNetSearch;
import org.saepj.search.Experiment;
import org.saepj.search.Partitions;
import org.saepj.search.SearchConfig;
import org.saepj.search.SearchListener;
import org.saepj.search.SearchResult;

/**
 * Writes the golden files of {@code golden/v5} (see its README) with this build: a regression run, whose saved
 * ensemble is of manifest format 5, and a classification run on a graph space with batch normalisation, whose
 * members' parameter files are of version 2. Run only on request:
 * {@code mvn -o -pl saep-core,saep-cli -am test -Dtest=GoldenRegressionWriter -Dsurefire.failIfNoSpecifiedTests=false
 * -Dsaep.golden.out=DIR}; {@link GoldenFilesTest} reads what it wrote.
 */
@EnabledIfSystemProperty(named = "saep.golden.out", matches = ".+")
class GoldenRegressionWriter {
    /**
     * A classification space whose members keep layer state: a dense stem with silu, then a block dense, batch_norm,
     * gelu added to its input; width 6 or 8. (The regression run searches the paper's DNN
     * space.)
     */
    static final String SPACE = """
            {
              "formatVersion": 2,
              "name": "golden-batch-norm",
              "description": "dense stem, then dense-batch_norm-gelu added to its input",
              "families": [
                {
                  "name": "bn-res",
                  "type": "graph",
                  "vary": {"width": [6, 8]},
                  "blocks": [
                    {"name": "stem", "nodes": [
                      {"id": "proj", "layer": {"type": "dense", "units": "$width"}},
                      {"id": "act", "layer": {"type": "silu"}}
                    ]},
                    {"name": "res", "nodes": [
                      {"id": "fc", "layer": {"type": "dense", "units": "$width"}},
                      {"id": "bn", "layer": {"type": "batch_norm", "momentum": 0.9, "epsilon": 0.001}},
                      {"id": "act", "layer": {"type": "gelu"}},
                      {"id": "sum", "layer": {"type": "add"}, "inputs": ["input", "act"]}
                    ]}
                  ],
                  "body": [{"block": "stem"}, {"block": "res"}],
                  "optimizer": {"type": "adam", "learningRate": 0.01},
                  "complexity": "sqrt-depth"
                }
              ]
            }
            """;

    /** y = 50 + 10·(x0 − 0.5·x1² + sin x2), x uniform in [−2, 2]³; the first {@code n} rows of the stream. */
    static float[][] rows(int n, long seed, double[] y) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[][] x = new float[n][3];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = (float) (rng.nextDouble() * 4 - 2);
            }
            if (y != null) {
                y[i] = 50 + 10 * (x[i][0] - 0.5 * x[i][1] * x[i][1] + Math.sin(x[i][2]));
            }
        }
        return x;
    }

    /** A CSV of the rows, each float written so it reads back to the same bits; the label column when y is given. */
    static Path csv(Path file, float[][] x, double[] y) throws Exception {
        StringBuilder text = new StringBuilder("x0,x1,x2" + (y == null ? "" : ",y") + "\n");
        for (int i = 0; i < x.length; i++) {
            text.append(x[i][0]).append(',').append(x[i][1]).append(',').append(x[i][2]);
            text.append(y == null ? "" : "," + y[i]).append('\n');
        }
        return Files.writeString(file, text);
    }

    @Test
    void writeTheGoldenRegressionRun() throws Exception {
        Path out = Path.of(System.getProperty("saep.golden.out")).resolve("regression");
        Files.createDirectories(out);
        double[] y = new double[240];
        SourceData data = CsvReader.readValues(
                csv(out.resolve("train.csv"), rows(240, 11, y), y),
                new CsvReader.Options(Optional.empty(), Optional.of("y")));
        SearchConfig config = SearchConfig.builder()
                .iterations(3)
                .totalSteps(450)
                .width(16)
                .learningRate(0.01)
                .seed(7)
                .threads(1)
                .method("pie")
                .build();
        Partitions p = Partitions.prepare(config, data).get(0);
        SearchResult r;
        try (LocalExecutor executor = new LocalExecutor(1, Backends.best())) {
            r = new AdaNetSearch(config, executor, Backends.best())
                    .run(p, Experiment.info(config, data, p), SearchListener.NONE);
        }
        Path run = out.resolve("run");
        RunOutputs.write(run, r, p, -1);
        float[][] scored = rows(25, 12, null);
        Path rows = csv(out.resolve("rows.csv"), scored, null);
        SavedEnsemble ensemble = SavedEnsemble.load(run.resolve("ensemble"), Backends.best());
        List<ValuePrediction> values = ensemble.predictValues(scored);
        try (OutputStream raw = Files.newOutputStream(out.resolve("values.bin"));
                DataOutputStream bin = new DataOutputStream(raw)) {
            bin.writeInt(values.size());
            for (ValuePrediction v : values) {
                bin.writeLong(Double.doubleToRawLongBits(v.value()));
                bin.writeLong(Double.doubleToRawLongBits(v.spread()));
            }
        }
        CliRun predict = CliRun.of(
                "predict",
                "--model",
                run.resolve("ensemble").toString(),
                "--data",
                "csv:" + rows,
                "--out",
                out.resolve("predictions.csv").toString());
        assertThat(predict.exitCode()).as(predict.err()).isZero();
    }

    @Test
    void writeTheGoldenBatchNormRun() throws Exception {
        Path out = Path.of(System.getProperty("saep.golden.out")).resolve("batch-norm");
        Files.createDirectories(out);
        Path space = Files.writeString(out.resolve("space.json"), SPACE);
        searchAndScore(out, "--preset", "paper", "--space", space.toString(), "--iterations", "3", "--steps", "150");
    }

    /**
     * A run at the default (validated) preset with the modern training options: its manifest holds the temperature
     * fitted on the validation part, its report the preset, the calibration figures and the training settings.
     */
    @Test
    void writeTheGoldenValidatedRun() throws Exception {
        searchAndScore(
                Path.of(System.getProperty("saep.golden.out")).resolve("validated"),
                "--width",
                "8",
                "--iterations",
                "3",
                "--steps",
                "200",
                "--optimizer",
                "adamw",
                "--weight-decay",
                "0.01",
                "--schedule",
                "cosine",
                "--warmup-steps",
                "20",
                "--label-smoothing",
                "0.1",
                "--validation",
                "0.3");
    }

    /**
     * Runs with robust scaling ({@code --scaling robust}) and piecewise-linear encoding ({@code --scaling ple}): each
     * manifest's first preprocessing step is the fitted {@code robust-scale} (medians and scales) or
     * {@code piecewise-linear} (each column's bin edges), each stored configuration says its {@code data.scaling};
     * and {@code --scaling auto} (a later build): its report holds the {@code encoding} each run scored and kept.
     */
    @ParameterizedTest(name = "{1}")
    @CsvSource({"robust, robust", "piecewise-linear, ple", "scaling-auto, auto"})
    void writeTheGoldenScaledRuns(String name, String scaling) throws Exception {
        searchAndScore(
                Path.of(System.getProperty("saep.golden.out")).resolve(name),
                "--scaling",
                scaling,
                "--width",
                "8",
                "--iterations",
                "2",
                "--steps",
                "200");
    }

    /**
     * A run whose final members were retrained on the training rows and the validation part together
     * ({@code --refit}): its stored configuration holds {@code validation.refit}, its report
     * {@code dataUse.finalTraining}.
     */
    @Test
    void writeTheGoldenRefitRun() throws Exception {
        searchAndScore(
                Path.of(System.getProperty("saep.golden.out")).resolve("refit"),
                "--refit",
                "--width",
                "8",
                "--iterations",
                "2",
                "--steps",
                "200");
    }

    /**
     * A comparison of AdaNet with the {@code single} and {@code deep-ensemble-2} baselines at the default preset: the
     * baselines' stored configurations hold {@code validation.checkBasis} (their early stopping checks at the
     * candidates' interval).
     */
    @Test
    void writeTheGoldenBaselineComparison() throws Exception {
        Path out = Path.of(System.getProperty("saep.golden.out")).resolve("baselines");
        Files.createDirectories(out);
        Path blobs = Files.copy(GoldenFilesTest.golden("csv/blobs.csv"), out.resolve("blobs.csv"));
        CliRun compare = CliRun.of(
                "compare",
                "--data",
                "csv:" + blobs,
                "--methods",
                "adanet,single,deep-ensemble-2",
                "--seeds",
                "1",
                "--scaling",
                "robust",
                "--width",
                "8",
                "--iterations",
                "2",
                "--steps",
                "200",
                "--out",
                out.resolve("compare-run").toString(),
                "--quiet");
        assertThat(compare.exitCode()).as(compare.err()).isZero();
    }

    /**
     * Two families of a space file, each with an optimizer's optional settings: {@code sgd-momentum} with its coupled
     * {@code weightDecay}, {@code adamw} with a decay other than its default; each rate other than the {@code --lr}
     * the search replaces them with.
     */
    static final String OPTIMIZERS_SPACE = """
            {
              "formatVersion": 1,
              "name": "golden-space-optimizers",
              "description": "sgd-momentum with a coupled weight decay, adamw with its own decay",
              "families": [
                {"name": "sgd", "type": "dense", "widths": [6], "depths": {"rule": "adanet"},
                 "optimizer": {"type": "sgd-momentum", "learningRate": 0.05, "momentum": 0.9,
                               "weightDecay": 0.0005}},
                {"name": "adamw", "type": "dense", "widths": [6], "depths": {"rule": "fixed", "values": [1]},
                 "optimizer": {"type": "adamw", "learningRate": 0.002, "weightDecay": 0.02},
                 "complexity": "sqrt-depth"}
              ]
            }
            """;

    /** One family training with SGD with momentum and the file's coupled decay, which --weight-decay replaces. */
    static final String SGD_SPACE = """
            {
              "formatVersion": 1,
              "name": "golden-sgd-decay",
              "description": "sgd-momentum whose decay the search's --weight-decay replaces",
              "families": [
                {"name": "sgd", "type": "dense", "widths": [6], "depths": {"rule": "adanet"},
                 "optimizer": {"type": "sgd-momentum", "learningRate": 0.05, "weightDecay": 0.0005}}
              ]
            }
            """;

    /**
     * The optional optimizer fields (golden/v5/space-optimizers, README): {@code lr/} searches {@link
     * #OPTIMIZERS_SPACE} with an explicit {@code --lr}, so its report's {@code config.training.learningRate} is set and
     * its members' optimizers are sgd-momentum with {@code weightDecay} and adamw, both at that rate;
     * {@code weight-decay/} searches {@link #SGD_SPACE} with {@code --weight-decay} on the space's own optimizer, so
     * its configuration's training holds the space's optimizer with a decay and its members the decay it gave them.
     */
    @Test
    void writeTheGoldenSpaceOptimizerRuns() throws Exception {
        Path out = Path.of(System.getProperty("saep.golden.out")).resolve("space-optimizers");
        Files.createDirectories(out);
        Path blobs = Files.copy(GoldenFilesTest.golden("csv/blobs.csv"), out.resolve("blobs.csv"));
        Path lr = Files.createDirectories(out.resolve("lr"));
        Path space = Files.writeString(lr.resolve("space.json"), OPTIMIZERS_SPACE);
        searchAndScore(lr, blobs, "--space", space.toString(), "--lr", "0.02", "--iterations", "2", "--steps", "120");
        Path decay = Files.createDirectories(out.resolve("weight-decay"));
        Path sgd = Files.writeString(decay.resolve("space.json"), SGD_SPACE);
        searchAndScore(
                decay,
                blobs,
                "--space",
                sgd.toString(),
                "--weight-decay",
                "0.001",
                "--iterations",
                "2",
                "--steps",
                "120");
    }

    /**
     * Searches blobs.csv (a copy in {@code out}) with the given options into {@code out/run}, then writes what the
     * ensemble gives on its rows: {@code predictions.csv} by {@code saep predict} and {@code logits.bin}.
     */
    private static void searchAndScore(Path out, String... options) throws Exception {
        Files.createDirectories(out);
        searchAndScore(out, Files.copy(GoldenFilesTest.golden("csv/blobs.csv"), out.resolve("blobs.csv")), options);
    }

    /** As {@link #searchAndScore(Path, String...)}, on blobs.csv's copy {@code blobs} (kept once for a set's runs). */
    private static void searchAndScore(Path out, Path blobs, String... options) throws Exception {
        Path run = out.resolve("run");
        List<String> args = new java.util.ArrayList<>(List.of("search", "--data", "csv:" + blobs));
        args.addAll(List.of(options));
        args.addAll(List.of("--out", run.toString(), "--quiet"));
        CliRun search = CliRun.of(args.toArray(String[]::new));
        assertThat(search.exitCode()).as(search.err()).isZero();
        CliRun predict = CliRun.of(
                "predict",
                "--model",
                run.resolve("ensemble").toString(),
                "--data",
                "csv:" + blobs,
                "--out",
                out.resolve("predictions.csv").toString());
        assertThat(predict.exitCode()).as(predict.err()).isZero();
        writeLogits(
                SavedEnsemble.load(run.resolve("ensemble"), Backends.best()).predictLogits(features(blobs)),
                out.resolve("logits.bin"));
    }

    private static void writeLogits(float[][] logits, Path file) throws Exception {
        try (OutputStream raw = Files.newOutputStream(file);
                DataOutputStream bin = new DataOutputStream(raw)) {
            bin.writeInt(logits.length);
            bin.writeInt(logits[0].length);
            for (float[] row : logits) {
                for (float v : row) {
                    bin.writeInt(Float.floatToRawIntBits(v));
                }
            }
        }
    }

    /** @return the feature cells of a CSV with a header and the label last, as floats */
    static float[][] features(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        float[][] rows = new float[lines.size() - 1][];
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",");
            rows[i - 1] = new float[cells.length - 1];
            for (int j = 0; j < cells.length - 1; j++) {
                rows[i - 1][j] = Float.parseFloat(cells[j]);
            }
        }
        return rows;
    }
}
