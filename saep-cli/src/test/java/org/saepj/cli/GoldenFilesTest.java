package org.saepj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.DataInputStream;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.saepj.cli.data.ModelData;
import org.saepj.cli.display.Json;
import org.saepj.cli.output.Invocation;
import org.saepj.data.io.CsvReader;
import org.saepj.data.source.DataSources;
import org.saepj.data.source.DatasetLocator;
import org.saepj.engine.Backends;
import org.saepj.persistence.SavedEnsemble;
import org.saepj.testing.TestFiles;

/**
 * Files written by the last build before any format change (test resources {@code golden/v1}, see its
 * README) still load with this build and give the same results: the same logits bit for bit, the same
 * predictions file and evaluation, and a killed run's checkpoint resumes to the report that build wrote.
 */
class GoldenFilesTest {
    @TempDir
    Path dir;

    static Path golden(String name) {
        return golden(1, name);
    }

    static Path golden(int version, String name) {
        try {
            return Path.of(GoldenFilesTest.class
                    .getResource("/golden/v" + version + "/" + name)
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Points a golden run's stored settings (made with the relative source idx:fixture) at a copy of the fixture. */
    static void pointAtFixture(Path runDir, Path fixture) throws Exception {
        ObjectNode inv =
                (ObjectNode) Json.MAPPER.readTree(runDir.resolve("run.json").toFile());
        pointAtFixture((ObjectNode) inv.get("config"), "idx:" + fixture);
        Files.writeString(runDir.resolve("run.json"), Json.pretty(inv));
    }

    /**
     * Sets a stored configuration's data source: at the top level in the flat configs of formats 1 and 2, under
     * {@code data} in format 3's parts. (The golden files of format 3 hold the absolute path they were written with.)
     */
    static void pointAtFixture(ObjectNode config, String source) {
        if (config.get("data") instanceof ObjectNode data) {
            data.put("dataset", source);
        } else {
            config.put("dataset", source);
        }
    }

    /** @return the data source the golden model of this kind was searched on, as a copy in the temporary directory */
    String source(String kind) throws Exception {
        if (kind.equals("csv")) {
            Path csv = dir.resolve("blobs.csv");
            return "csv:" + (Files.exists(csv) ? csv : Files.copy(golden("csv/blobs.csv"), csv));
        }
        return "idx:" + TestFiles.fashionMnistFixture(dir.resolve("fixture"));
    }

    static float[] logits(Path file) throws Exception {
        try (InputStream raw = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(raw)) {
            float[] f = new float[in.readInt() * in.readInt()];
            for (int i = 0; i < f.length; i++) {
                f[i] = Float.intBitsToFloat(in.readInt());
            }
            return f;
        }
    }

    @ParameterizedTest(name = "format {0}")
    @ValueSource(ints = {1, 2, 3, 4})
    void everyGoldenEnsembleGivesTheSameLogitsPredictionsAndEvaluation(int version) throws Exception {
        // format 4 changed the manifest's preprocessing only: an image and a tabular ensemble show it
        List<String> kinds = switch (version) {
            case 1 -> List.of("dnn", "cnn", "csv");
            case 4 -> List.of("dnn", "csv");
            default -> List.of("dnn", "cnn", "csv", "space");
        };
        for (String kind : kinds) {
            Path model = golden(version, kind + "/ensemble");
            String source = source(kind);
            SavedEnsemble ensemble = SavedEnsemble.load(model, Backends.best());
            assertThat(ensemble.manifest().formatVersion()).isEqualTo(version);
            // manifests before format 5 record no target: they are classifiers
            assertThat(ensemble.manifest().target()).isNull();
            assertThat(ensemble.task().id()).isEqualTo(org.saepj.task.ClassificationTask.ID);
            DataSources sources = new DataSources(DatasetLocator.standard(null), CsvReader.Options.defaults());
            ModelData.Scored scored = ModelData.prepare(ensemble, sources, source, "test");
            assertThat(scored.rows()).as(kind).contains("the search's own test split");
            float[] expected = logits(golden(version, kind + "/test-logits.bin"));
            float[] actual = ensemble.logits(scored.data());
            assertThat(actual.length).isEqualTo(expected.length);
            for (int i = 0; i < expected.length; i++) {
                assertThat(Float.floatToRawIntBits(actual[i]))
                        .as(kind + " logit " + i)
                        .isEqualTo(Float.floatToRawIntBits(expected[i]));
            }
            Path predictions = dir.resolve(kind + "-predictions.csv");
            CliRun predict = CliRun.of(
                    "predict",
                    "--model",
                    model.toString(),
                    "--data",
                    source,
                    "--partition",
                    "test",
                    "--out",
                    predictions.toString());
            assertThat(predict.exitCode()).as(predict.err()).isZero();
            assertThat(Files.readString(predictions))
                    .as(kind)
                    .isEqualTo(Files.readString(golden(version, kind + "/predictions.csv")));
            CliRun evaluate = CliRun.of("evaluate", "--model", model.toString(), "--data", source, "--json");
            assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();
            JsonNode now = Json.MAPPER.readTree(evaluate.out());
            JsonNode then = Json.MAPPER.readTree(
                    golden(version, kind + "/evaluate.json").toFile());
            for (String field : List.of("samples", "accuracy", "loss", "ensembleSize", "diversity")) {
                assertThat(now.get(field)).as(kind + " " + field).isEqualTo(then.get(field));
            }
        }
    }

    /**
     * Manifest format 5 (a regression ensemble) and a regression run's report, as written at format 5 (golden/v5,
     * README): the same values bit for bit, the same predict file, the report read whole.
     */
    @Test
    void theGoldenRegressionEnsembleGivesTheSameValuesAndItsReportReads() throws Exception {
        Path run = golden(5, "regression/run");
        SavedEnsemble ensemble = SavedEnsemble.load(run.resolve("ensemble"), Backends.best());
        assertThat(ensemble.manifest().formatVersion()).isEqualTo(5);
        assertThat(ensemble.task().id()).isEqualTo(org.saepj.task.RegressionTask.ID);
        float[][] rows = GoldenRegressionWriter.rows(25, 12, null);
        List<org.saepj.persistence.ValuePrediction> values = ensemble.predictValues(rows);
        try (InputStream raw = Files.newInputStream(golden(5, "regression/values.bin"));
                DataInputStream in = new DataInputStream(raw)) {
            assertThat(values).hasSize(in.readInt());
            for (int i = 0; i < values.size(); i++) {
                assertThat(Double.doubleToRawLongBits(values.get(i).value()))
                        .as("value " + i)
                        .isEqualTo(in.readLong());
                assertThat(Double.doubleToRawLongBits(values.get(i).spread()))
                        .as("spread " + i)
                        .isEqualTo(in.readLong());
            }
        }
        assertPredictsTheSame(run.resolve("ensemble"), "regression/rows.csv", "regression/predictions.csv");
        org.saepj.run.RunReport report = org.saepj.run.RunReport.read(run.resolve("report.json"));
        assertThat(report.dataset().task()).isEqualTo(org.saepj.task.RegressionTask.ID);
        assertThat(report.members()).hasSameSizeAs(ensemble.manifest().members());
        assertThat(org.saepj.run.RunSummary.read(run.resolve("report.json")).ensembleSize())
                .isEqualTo(ensemble.manifest().members().size());
    }

    /**
     * Parameter files of version 2 (batch_norm's running statistics) in a graph space's ensemble, as written at
     * format 5 (golden/v5): the same logits bit for bit and the same predict file.
     */
    @Test
    void theGoldenBatchNormEnsembleGivesTheSameLogits() throws Exception {
        Path model = golden(5, "batch-norm/run/ensemble");
        SavedEnsemble ensemble = SavedEnsemble.load(model, Backends.best());
        assertThat(ensemble.manifest().members())
                .anySatisfy(m -> assertThat(Files.readAllBytes(model.resolve(m.file()))[7])
                        .as("parameter file version")
                        .isEqualTo((byte) 2));
        float[][] logits = ensemble.predictLogits(GoldenRegressionWriter.features(golden(5, "batch-norm/blobs.csv")));
        try (InputStream raw = Files.newInputStream(golden(5, "batch-norm/logits.bin"));
                DataInputStream in = new DataInputStream(raw)) {
            assertThat(logits.length).isEqualTo(in.readInt());
            int classes = in.readInt();
            for (int i = 0; i < logits.length; i++) {
                assertThat(logits[i]).hasSize(classes);
                for (int k = 0; k < classes; k++) {
                    assertThat(Float.floatToRawIntBits(logits[i][k]))
                            .as("row " + i + " logit " + k)
                            .isEqualTo(in.readInt());
                }
            }
        }
        assertPredictsTheSame(model, "batch-norm/blobs.csv", "batch-norm/predictions.csv");
    }

    /**
     * A run at the default (validated) preset with AdamW, a warmed-up cosine schedule and label smoothing, as written
     * at format 5 (golden/v5/validated): its manifest's temperature (fitted on the validation part) still divides the
     * logits, bit for bit, predict writes the same file, and its report reads whole with the preset, the training
     * settings and the calibration that fitted that temperature.
     */
    @Test
    void theGoldenValidatedEnsembleKeepsItsTemperatureAndItsReportItsSettings() throws Exception {
        Path model = golden(5, "validated/run/ensemble");
        SavedEnsemble ensemble = SavedEnsemble.load(model, Backends.best());
        assertThat(ensemble.manifest().temperature()).isNotNull().isLessThan(1.0);
        float[][] logits = ensemble.predictLogits(GoldenRegressionWriter.features(golden(5, "validated/blobs.csv")));
        try (InputStream raw = Files.newInputStream(golden(5, "validated/logits.bin"));
                DataInputStream in = new DataInputStream(raw)) {
            assertThat(logits.length).isEqualTo(in.readInt());
            int classes = in.readInt();
            for (int i = 0; i < logits.length; i++) {
                for (int k = 0; k < classes; k++) {
                    assertThat(Float.floatToRawIntBits(logits[i][k]))
                            .as("row " + i + " logit " + k)
                            .isEqualTo(in.readInt());
                }
            }
        }
        assertPredictsTheSame(model, "validated/blobs.csv", "validated/predictions.csv");
        org.saepj.run.RunReport report = org.saepj.run.RunReport.read(golden(5, "validated/run/report.json"));
        // the validated preset's choices with a larger validation part: "custom", as the report names it
        assertThat(report.preset()).isEqualTo("custom").isEqualTo(org.saepj.search.Preset.describe(report.config()));
        assertThat(report.config().validation()).isEqualTo(org.saepj.search.ValidationPlan.VALIDATED);
        assertThat(report.config().training().weightDecay()).isEqualTo(0.01);
        assertThat(report.config().training().labelSmoothing()).isEqualTo(0.1);
        assertThat(report.result().calibration().temperature())
                .isEqualTo(ensemble.manifest().temperature());
        assertThat(report.result().calibration().eceScaled())
                .isLessThan(report.result().calibration().ece());
        assertThat(report.dataUse().temperature()).contains("validation part");
    }

    /**
     * Runs with {@code --scaling robust} (golden/v5/robust) and {@code --scaling ple} (golden/v5/piecewise-linear):
     * the manifest's fitted first step still transforms the rows, so the logits are the same bit for bit and predict
     * writes the same file; the stored configuration reads back with its scaling.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"robust, robust-scale, ROBUST", "piecewise-linear, piecewise-linear, PLE"})
    void theGoldenScaledEnsemblesTransformTheirRowsAsWhenTheyWereWritten(
            String name, String step, org.saepj.data.preprocess.Scaling scaling) throws Exception {
        Path model = golden(5, name + "/run/ensemble");
        SavedEnsemble ensemble = SavedEnsemble.load(model, Backends.best());
        JsonNode manifest = Json.MAPPER.readTree(model.resolve("manifest.json").toFile());
        assertThat(manifest.at("/preprocessing/0/type").asText()).isEqualTo(step);
        assertThat(ensemble.predictLogits(GoldenRegressionWriter.features(golden(5, name + "/blobs.csv"))))
                .isDeepEqualTo(logitRows(golden(5, name + "/logits.bin")));
        assertPredictsTheSame(model, name + "/blobs.csv", name + "/predictions.csv");
        org.saepj.run.RunReport report = org.saepj.run.RunReport.read(golden(5, name + "/run/report.json"));
        assertThat(report.config().data().scaling()).isEqualTo(scaling);
        assertThat(Invocation.load(golden(5, name + "/run")).config().data().scaling())
                .isEqualTo(scaling);
    }

    /**
     * golden/v5/scaling-auto: a search with {@code --scaling auto} (five bags on blobs.csv, each encoding run; the
     * piecewise-linear encoding kept). Its manifest holds {@code standardize} then the fitted {@code piecewise-linear},
     * which still give the stored logits bit for bit and predict's file byte for byte; its report reads back whole with
     * the choice ({@code encoding}: both runs' validation losses, the kept one the lower) and the configuration's
     * scaling, and its {@code dataUse} says what made the choice.
     */
    @Test
    void theGoldenScalingAutoRunKeepsItsEncodingStepsAndItsChoice() throws Exception {
        Path model = golden(5, "scaling-auto/run/ensemble");
        SavedEnsemble ensemble = SavedEnsemble.load(model, Backends.best());
        assertThat(ensemble.manifest().preprocessing().types()).containsExactly("standardize", "piecewise-linear");
        assertThat(ensemble.predictLogits(GoldenRegressionWriter.features(golden(5, "scaling-auto/blobs.csv"))))
                .isDeepEqualTo(logitRows(golden(5, "scaling-auto/logits.bin")));
        assertPredictsTheSame(model, "scaling-auto/blobs.csv", "scaling-auto/predictions.csv");
        org.saepj.run.RunReport report = org.saepj.run.RunReport.read(golden(5, "scaling-auto/run/report.json"));
        assertThat(report.config().data().scaling()).isEqualTo(org.saepj.data.preprocess.Scaling.AUTO);
        assertThat(ensemble.manifest().config().data().scaling()).isEqualTo(org.saepj.data.preprocess.Scaling.AUTO);
        org.saepj.search.EncodingChoice choice = report.encoding();
        assertThat(choice.chosen()).isEqualTo(org.saepj.data.preprocess.Scaling.PLE);
        assertThat(choice.tried())
                .extracting(org.saepj.search.EncodingChoice.Tried::scaling)
                .containsExactly(org.saepj.data.preprocess.Scaling.STANDARD, org.saepj.data.preprocess.Scaling.PLE);
        assertThat(choice.tried().get(1).validationLoss())
                .isLessThan(choice.tried().get(0).validationLoss());
        assertThat(report.bags()).hasSize(5);
        assertThat(report.dataUse().encoding()).contains("kept ple");
    }

    /**
     * golden/v5/standardised-indicators: a table with a text column (a rare level), a 0/1 column and gaps, searched by
     * the build of 37b4ac3, the last that standardised 0/1 columns like numbers. Today's fit keeps such columns 0/1;
     * the stored {@code standardize} step still holds the statistics that build fitted for them, and applying it as
     * stored gives predict's file byte for byte.
     */
    @Test
    void aTableEnsembleWrittenBeforeIndicatorsStayedZeroOrOneAppliesItsStoredStatistics() throws Exception {
        Path model = golden(5, "standardised-indicators/run/ensemble");
        SavedEnsemble ensemble = SavedEnsemble.load(model, Backends.best());
        assertThat(ensemble.manifest().preprocessing().types())
                .containsExactly("columns", "impute", "one_hot", "standardize");
        JsonNode standardize =
                Json.MAPPER.readTree(model.resolve("manifest.json").toFile()).at("/preprocessing/3");
        // feature 6 is the 0/1 column "member" (1 in 37 of its 108 training rows): centred and scaled when written
        assertThat(standardize.at("/mean/6").floatValue()).isEqualTo(0.3425926f);
        assertThat(standardize.at("/deviation/6").floatValue()).isEqualTo(0.47457656f);
        assertPredictsTheSame(model, "standardised-indicators/table.csv", "standardised-indicators/predictions.csv");
    }

    /**
     * golden/v5/refit: a run whose final members were retrained on the training rows and the validation part together
     * ({@code --refit}). The stored ensemble gives the same logits bit for bit and predict the same file; the stored
     * configurations (report, manifest, run.json) read back with the choice, the report with what the members were
     * retrained on; resuming the stored run finds it complete with the same figures.
     */
    @Test
    void theGoldenRefitRunKeepsItsChoiceAndItsRetrainingAndResumesComplete() throws Exception {
        Path model = golden(5, "refit/run/ensemble");
        SavedEnsemble ensemble = SavedEnsemble.load(model, Backends.best());
        assertThat(ensemble.predictLogits(GoldenRegressionWriter.features(golden(5, "refit/blobs.csv"))))
                .isDeepEqualTo(logitRows(golden(5, "refit/logits.bin")));
        assertPredictsTheSame(model, "refit/blobs.csv", "refit/predictions.csv");
        org.saepj.run.RunReport report = org.saepj.run.RunReport.read(golden(5, "refit/run/report.json"));
        for (org.saepj.search.SearchConfig config : storedConfigs(report, ensemble, golden(5, "refit/run"))) {
            assertThat(config.validation().refits()).isTrue();
        }
        assertThat(report.dataUse().finalTraining())
                .isEqualTo("the final members retrained on the training data and the validation part together (240"
                        + " rows), each for the steps its early stopping kept scaled to the added rows: [112, 112]");
        assertResumesComplete("refit", "refit/blobs.csv", "refit");
    }

    /**
     * A comparison of AdaNet with the {@code single} and {@code deep-ensemble-2} baselines (golden/v5/baselines):
     * the baselines' stored configurations keep {@code validation.checkBasis} (the candidates' steps their early
     * stopping took its interval from), and resuming the stored comparison finds every run complete with the same
     * figures.
     */
    @Test
    void theGoldenBaselineComparisonKeepsItsCheckBasisAndResumesComplete() throws Exception {
        Path cmp = dir.resolve("baselines");
        FaultAuditTest.copyTree(golden(5, "baselines/compare-run"), cmp);
        Path blobs = Files.copy(golden(5, "baselines/blobs.csv"), dir.resolve("baselines-blobs.csv"));
        ObjectNode stored =
                (ObjectNode) Json.MAPPER.readTree(cmp.resolve("compare.json").toFile());
        pointAtFixture((ObjectNode) stored.at("/plan/base"), "csv:" + blobs);
        pointAtFixture((ObjectNode) stored.at("/invocation/config"), "csv:" + blobs);
        Files.writeString(cmp.resolve("compare.json"), Json.pretty(stored));
        for (String baseline : List.of("single-single-seed1", "deep-ensemble-2-uniform-seed1")) {
            org.saepj.run.RunReport report =
                    org.saepj.run.RunReport.read(cmp.resolve("runs/" + baseline + "/report.json"));
            org.saepj.search.CheckBasis basis = report.config().validation().checkBasis();
            assertThat(basis).as(baseline).isNotNull();
            assertThat(basis.steps()).as(baseline).isPositive();
            assertThat(SavedEnsemble.load(cmp.resolve("runs/" + baseline + "/ensemble"), Backends.best())
                            .manifest()
                            .members())
                    .as(baseline)
                    .isNotEmpty();
        }
        assertThat(org.saepj.run.RunReport.read(cmp.resolve("runs/adanet-uniform-seed1/report.json"))
                        .config()
                        .validation()
                        .checkBasis())
                .as("the search's own runs check at their own interval")
                .isNull();
        CliRun resumed = CliRun.of("compare", "--resume", cmp.toString());
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out().lines().filter(l -> l.contains("(already complete)")))
                .as(resumed.out())
                .hasSize(3);
        JsonNode then = Json.MAPPER.readTree(
                golden(5, "baselines/compare-run/comparison.json").toFile());
        JsonNode now = Json.MAPPER.readTree(cmp.resolve("comparison.json").toFile());
        assertThat(now.get("runs")).isEqualTo(then.get("runs"));
    }

    /**
     * The runs of golden/v5/space-optimizers (README): each stored ensemble (members training with sgd-momentum and
     * its {@code weightDecay}, with adamw) gives the same logits bit for bit and predict the same file byte for byte,
     * and resuming the stored run finds it complete with the figures its report holds.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"lr", "weight-decay"})
    void theGoldenSpaceOptimizerRunsGiveTheSameLogitsAndResumeComplete(String name) throws Exception {
        String set = "space-optimizers/" + name;
        Path model = golden(5, set + "/run/ensemble");
        SavedEnsemble ensemble = SavedEnsemble.load(model, Backends.best());
        assertThat(ensemble.predictLogits(GoldenRegressionWriter.features(golden(5, "space-optimizers/blobs.csv"))))
                .isDeepEqualTo(logitRows(golden(5, set + "/logits.bin")));
        assertPredictsTheSame(model, "space-optimizers/blobs.csv", set + "/predictions.csv");
        assertResumesComplete(set, "space-optimizers/blobs.csv", name);
    }

    /**
     * @return a run's configuration as each of its files stores it: its report, its ensemble's manifest, its run.json
     */
    private static List<org.saepj.search.SearchConfig> storedConfigs(
            org.saepj.run.RunReport report, SavedEnsemble ensemble, Path run) {
        return List.of(
                report.config(),
                ensemble.manifest().config(),
                Invocation.load(run).config());
    }

    /**
     * Copies a golden run of version 5, points its run.json at a copy of its data and resumes it: the run says it is
     * already complete with its stored figures, and its report's facts are the stored ones.
     *
     * @param set the golden set holding {@code run/}
     * @param data the set's data file, relative to golden/v5
     * @param name a name for the copies, unique in the test class
     */
    private void assertResumesComplete(String set, String data, String name) throws Exception {
        Path run = dir.resolve(name);
        FaultAuditTest.copyTree(golden(5, set + "/run"), run);
        Path blobs = Files.copy(golden(5, data), dir.resolve(name + "-blobs.csv"));
        ObjectNode inv =
                (ObjectNode) Json.MAPPER.readTree(run.resolve("run.json").toFile());
        pointAtFixture((ObjectNode) inv.get("config"), "csv:" + blobs);
        Files.writeString(run.resolve("run.json"), Json.pretty(inv));
        CliRun resumed = CliRun.of("search", "--resume", run.toString(), "--quiet");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        org.saepj.run.RunSummary then = org.saepj.run.RunSummary.read(golden(5, set + "/run/report.json"));
        assertThat(resumed.out())
                .contains(String.format(
                        "already complete: %s %.4f, ensemble of %d",
                        then.score().label(), then.testScore(), then.ensembleSize()));
        assertThat(ReportFacts.of(run.resolve("report.json")))
                .isEqualTo(ReportFacts.of(golden(5, set + "/run/report.json")));
    }

    /**
     * golden/v5/space-optimizers/lr: a space file's sgd-momentum family with {@code weightDecay} and adamw family
     * searched with an explicit {@code --lr 0.02}. The values read back (not only their presence): the configuration's
     * {@code training.learningRate}, each family's optimizer in the stored definition as the file gave it, and the
     * members' optimizers (manifest and report) at the one rate with each family's decay.
     */
    @Test
    void theGoldenExplicitRateRunReadsItsRateAndItsFamiliesOptimizers() throws Exception {
        Path run = golden(5, "space-optimizers/lr/run");
        org.saepj.run.RunReport report = org.saepj.run.RunReport.read(run.resolve("report.json"));
        SavedEnsemble ensemble = SavedEnsemble.load(run.resolve("ensemble"), Backends.best());
        for (org.saepj.search.SearchConfig config : storedConfigs(report, ensemble, run)) {
            org.saepj.search.TrainingPlan training = config.training();
            assertThat(training.learningRate()).isEqualTo(0.02);
            assertThat(training.optimizer()).isEqualTo(org.saepj.search.TrainingPlan.OptimizerChoice.SPACE);
            assertThat(training.weightDecay()).isZero();
            List<org.saepj.subnetwork.SpaceDefinition.Family> families =
                    config.space().definition().families();
            assertThat(families).extracting(f -> f.optimizer().type()).containsExactly("sgd-momentum", "adamw");
            assertThat(families).extracting(f -> f.optimizer().learningRate()).containsExactly(0.05, 0.002);
            assertThat(families).extracting(f -> f.optimizer().weightDecay()).containsExactly(0.0005, 0.02);
        }
        java.util.Map<String, org.saepj.engine.optim.OptimizerSpec> expected = java.util.Map.of(
                "sgd-d1-w6", new org.saepj.engine.optim.OptimizerSpec.SgdMomentum(0.02f, 0.9f, 0, 0.0005f),
                "adamw-d1-w6", new org.saepj.engine.optim.OptimizerSpec.AdamW(0.02f, 0.9f, 0.999f, 1e-8f, 0.02f));
        assertMembersTrainWith(ensemble.manifest().members(), expected);
        assertMembersTrainWith(report.members(), expected);
    }

    /**
     * golden/v5/space-optimizers/weight-decay: a space file's sgd-momentum family (its own {@code weightDecay}
     * 0.0005) searched with {@code --weight-decay 0.001} on the space's own optimizer. The configuration reads back
     * with that decay and no rate of its own, the stored definition with the file's decay, and every member's
     * SGD with the decay the option gave it.
     */
    @Test
    void theGoldenSpaceWeightDecayRunReadsTheDecayItsMembersTookFromTheOption() throws Exception {
        Path run = golden(5, "space-optimizers/weight-decay/run");
        org.saepj.run.RunReport report = org.saepj.run.RunReport.read(run.resolve("report.json"));
        SavedEnsemble ensemble = SavedEnsemble.load(run.resolve("ensemble"), Backends.best());
        for (org.saepj.search.SearchConfig config : storedConfigs(report, ensemble, run)) {
            org.saepj.search.TrainingPlan training = config.training();
            assertThat(training.optimizer()).isEqualTo(org.saepj.search.TrainingPlan.OptimizerChoice.SPACE);
            assertThat(training.weightDecay()).isEqualTo(0.001);
            assertThat(training.learningRate()).isNull();
            assertThat(config.space().definition().families()).singleElement().satisfies(f -> {
                assertThat(f.optimizer().type()).isEqualTo("sgd-momentum");
                assertThat(f.optimizer().weightDecay()).isEqualTo(0.0005);
            });
        }
        java.util.Map<String, org.saepj.engine.optim.OptimizerSpec> expected = java.util.Map.of(
                "sgd-d1-w6", new org.saepj.engine.optim.OptimizerSpec.SgdMomentum(0.05f, 0.9f, 0, 0.001f),
                "sgd-d2-w6", new org.saepj.engine.optim.OptimizerSpec.SgdMomentum(0.05f, 0.9f, 0, 0.001f));
        assertMembersTrainWith(ensemble.manifest().members(), expected);
        assertMembersTrainWith(report.members(), expected);
    }

    /** Each stored member, by its candidate's name, reads back with the optimizer given for that name, every field. */
    private static void assertMembersTrainWith(
            List<org.saepj.persistence.MemberRecord> members,
            java.util.Map<String, org.saepj.engine.optim.OptimizerSpec> expected) {
        assertThat(members)
                .extracting(org.saepj.persistence.MemberRecord::name)
                .containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (org.saepj.persistence.MemberRecord m : members) {
            assertThat(m.optimizer()).as(m.name()).isEqualTo(expected.get(m.name()));
        }
    }

    /** @return the logits of a golden {@code logits.bin} as rows */
    static float[][] logitRows(Path file) throws Exception {
        try (InputStream raw = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(raw)) {
            float[][] rows = new float[in.readInt()][in.readInt()];
            for (float[] row : rows) {
                for (int k = 0; k < row.length; k++) {
                    row[k] = Float.intBitsToFloat(in.readInt());
                }
            }
            return rows;
        }
    }

    /** {@code saep predict} of the model on a golden CSV writes the golden predictions file, byte for byte. */
    private void assertPredictsTheSame(Path model, String rows, String expected) throws Exception {
        Path predictions = dir.resolve("predictions-now.csv");
        CliRun predict = CliRun.of(
                "predict",
                "--model",
                model.toString(),
                "--data",
                "csv:" + golden(5, rows),
                "--out",
                predictions.toString(),
                "--overwrite");
        assertThat(predict.exitCode()).as(predict.err()).isZero();
        assertThat(Files.readString(predictions)).isEqualTo(Files.readString(golden(5, expected)));
    }

    /** The reports of schema 3, today's, read whole; those of every schema give their figures. */
    @ParameterizedTest(name = "schema {0}")
    @ValueSource(ints = {1, 2, 3})
    void storedReportsAreRead(int version) {
        for (String kind : List.of("dnn", "cnn", "csv")) {
            Path file = golden(version, kind + "/report.json");
            org.saepj.run.RunSummary figures = org.saepj.run.RunSummary.read(file);
            assertThat(figures.ensembleSize()).as(kind).isPositive();
            if (version == org.saepj.run.RunReport.SCHEMA_VERSION) {
                org.saepj.run.RunReport whole = org.saepj.run.RunReport.read(file);
                assertThat(whole.members()).as(kind).hasSize(figures.ensembleSize());
                assertThat(whole.result().testAccuracy()).as(kind).isEqualTo(figures.testAccuracy());
            }
        }
    }

    @ParameterizedTest(name = "format {0}")
    @ValueSource(ints = {1, 2, 3})
    void aStoredCheckpointResumesToTheReportItsBuildWrote(int version) throws Exception {
        Path run = dir.resolve("checkpoint-run");
        FaultAuditTest.copyTree(golden(version, "checkpoint-run"), run);
        Files.delete(run.resolve("resumed-report.json"));
        Files.delete(run.resolve("resumed-iterations.csv"));
        pointAtFixture(run, TestFiles.fashionMnistFixture(dir.resolve("fixture")));
        CliRun resumed = CliRun.of("search", "--resume", run.toString(), "--quiet");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        if (version == 1) {
            assertThat(resumed.err()).contains("warning: ").contains("did not record the data's fingerprint");
        } else {
            assertThat(resumed.err()).doesNotContain("warning: ");
        }
        assertThat(ReportFacts.of(run.resolve("report.json")))
                .isEqualTo(ReportFacts.of(golden(version, "checkpoint-run/resumed-report.json")));
        assertThat(Files.readString(run.resolve("iterations.csv"))
                        .lines()
                        .map(GoldenFilesTest::withoutTimes)
                        .toList())
                .isEqualTo(Files.readString(golden(version, "checkpoint-run/resumed-iterations.csv"))
                        .lines()
                        .map(GoldenFilesTest::withoutTimes)
                        .toList());
    }

    /** An iterations.csv line without its last two columns (train seconds and seconds). */
    static String withoutTimes(String line) {
        String[] cells = line.split(",", -1);
        return String.join(",", java.util.Arrays.copyOf(cells, cells.length - 2));
    }

    @ParameterizedTest(name = "format {0}")
    @ValueSource(ints = {1, 2, 3})
    void storedRunsAndComparisonsAreReadWithTheirCriterion(int version) throws Exception {
        Invocation pie = Invocation.load(golden(version, "dnn"));
        // Stored before PIE had a target size: the criterion it names is PIE with its default (n − 1).
        assertThat(org.saepj.pruning.Criteria.discover().resolve(pie.config().criterion()))
                .isEqualTo(org.saepj.pruning.CriterionSpec.of("pie", java.util.Map.of("alpha", 0.5, "keep", 0.0)));
        Path cmp = dir.resolve("compare-run");
        FaultAuditTest.copyTree(golden(version, "compare-run"), cmp);
        ObjectNode stored =
                (ObjectNode) Json.MAPPER.readTree(cmp.resolve("compare.json").toFile());
        String fixture = "idx:" + TestFiles.fashionMnistFixture(dir.resolve("fixture"));
        pointAtFixture((ObjectNode) stored.at("/plan/base"), fixture);
        pointAtFixture((ObjectNode) stored.at("/invocation/config"), fixture);
        Files.writeString(cmp.resolve("compare.json"), Json.pretty(stored));
        CliRun resumed = CliRun.of("compare", "--resume", cmp.toString());
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out())
                .contains("adanet/uniform")
                .contains("pie/uniform")
                .contains("(already complete)");
        JsonNode now = Json.MAPPER.readTree(cmp.resolve("comparison.json").toFile());
        JsonNode then = Json.MAPPER.readTree(
                golden(version, "compare-run/comparison.json").toFile());
        // Every figure the old build wrote is the same; the depth and diversity figures are new (read from the runs'
        // reports).
        for (int i = 0; i < then.get("runs").size(); i++) {
            JsonNode old = then.get("runs").get(i);
            JsonNode run = now.get("runs").get(i);
            old.fieldNames().forEachRemaining(k -> assertThat(run.get(k)).as(k).isEqualTo(old.get(k)));
            assertThat(run.get("maxDepth").asInt()).isPositive();
            assertThat(run.get("meanDepth").isNumber()).isTrue();
        }
        assertThat(now.at("/plan/criterionParameters/alpha").asDouble()).isEqualTo(0.25);
    }
}
