package org.saepj.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.SaepException;
import org.saepj.persistence.SavedEnsemble;
import org.saepj.search.Epochs;
import org.saepj.search.Preset;
import org.saepj.search.SearchConfig;
import org.saepj.search.ValidationPlan;
import org.saepj.subnetwork.ModelKind;

/** The one-call API end to end on synthetic data: fit, predict, evaluate, save, load, export, report. */
class SaepClassifierTest {
    private static final Blobs TRAIN = Blobs.draw(240, 1);
    private static final Blobs TEST = Blobs.draw(90, 2);

    @TempDir
    Path dir;

    /** A small search: a few seconds on one thread. */
    /** One search (no bags: DefaultBags would bag these small blobs), small and quick. */
    private static ClassifierBuilder small() {
        return Saep.classifier()
                .bags(1)
                .method("pap")
                .iterations(3)
                .steps(300)
                .batchSize(32)
                .threads(1)
                .seed(5);
    }

    @Test
    void fitsPredictsEvaluatesSavesLoadsAndExports() {
        // the paper's DNN, whose log loss on these blobs the test bounds; the default space is tested below
        SaepClassifier model = small().model(ModelKind.DNN).fit(TRAIN.features(), TRAIN.labels());
        assertThat(model.classes()).containsExactly("10", "20", "30");
        assertThat(model.featureCount()).isEqualTo(4);

        int[] predicted = model.predict(TEST.features());
        assertThat(Arrays.stream(predicted).boxed().toList()).hasSize(90).isSubsetOf(10, 20, 30);
        double[][] p = model.predictProbabilities(TEST.features());
        for (double[] row : p) {
            assertThat(Arrays.stream(row).sum()).isCloseTo(1.0, within(1e-9));
        }
        Evaluation e = model.evaluate(TEST.features(), TEST.labels());
        assertThat(e.samples()).isEqualTo(90);
        assertThat(e.accuracy()).isGreaterThan(0.9);
        long right = java.util.stream.IntStream.range(0, 90)
                .filter(i -> predicted[i] == TEST.labels()[i])
                .count();
        assertThat(e.accuracy()).isEqualTo(right / 90.0);
        assertThat(e.logLoss()).isPositive().isLessThan(1.0);
        assertThat(e.calibrationError()).isBetween(0.0, 1.0);
        assertThat(e.metrics().confusion()).hasDimensions(3, 3);

        FitReport report = model.report().orElseThrow();
        assertThat(report.iterations()).hasSize(3);
        assertThat(report.members()).hasSize(report.metrics().ensembleSize()).isEqualTo(model.members());
        assertThat(report.config().criterion().id()).isEqualTo("pap");
        assertThat(report.testAccuracy()).isGreaterThan(0.9);
        assertThat(model.runFolder()).isEmpty();

        model.save(dir.resolve("model"));
        SaepClassifier back = SaepClassifier.load(dir.resolve("model"));
        assertThat(back.predict(TEST.features())).isEqualTo(predicted);
        assertThat(back.predictProbabilities(TEST.features())).isDeepEqualTo(p);
        assertThat(back.evaluate(TEST.features(), TEST.labels())).isEqualTo(e);
        assertThat(back.report()).isEmpty();
        // The saved form is the CLI's: the lower-level loader reads it and predicts the same.
        assertThat(SavedEnsemble.load(dir.resolve("model")).predict(TEST.features()))
                .isEqualTo(Arrays.stream(predicted).mapToObj(Integer::toString).toList());

        model.exportOnnx(dir.resolve("model.onnx"));
        assertThat(dir.resolve("model.onnx")).isNotEmptyFile();
        assertThatThrownBy(() -> model.exportOnnx(dir.resolve("model.onnx")))
                .isInstanceOf(SaepException.class)
                .hasMessageContaining("model.onnx exists: choose a new file");
        assertThatThrownBy(() -> model.save(dir.resolve("model")))
                .isInstanceOf(SaepException.class)
                .hasMessageStartingWith("save ")
                .hasMessageContaining("is not empty");
    }

    @Test
    void theDefaultsAreTheCommandLinesValidatedPresetAndThePaperIsOneCallAway() {
        SearchConfig byDefault = Saep.classifier()
                .iterations(2)
                .batchSize(32)
                .threads(1)
                .seed(5)
                .fit(TRAIN.features(), TRAIN.labels())
                .report()
                .orElseThrow()
                .config();
        assertThat(Preset.of(byDefault)).contains(Preset.VALIDATED);
        assertThat(byDefault.selection().holdoutFraction()).isEqualTo(0.1);
        // a small table (192 training rows) is bagged by default (DefaultBags), the choices still the preset's
        assertThat(byDefault.validation()).isEqualTo(ValidationPlan.VALIDATED.withBags(5));
        assertThat(byDefault.epochs()).isEqualTo(Epochs.DATA_SCALED);
        // the space, chosen by the data's kind (rows of numbers: a table) as saep search chooses it
        assertThat(byDefault.spaceName()).isEqualTo("space residual-mlp");
        // steps given replace the budget in epochs; the choices stay on the validation part
        SearchConfig stepped = small().fit(TRAIN.features(), TRAIN.labels())
                .report()
                .orElseThrow()
                .config();
        assertThat(stepped.epochs()).isNull();
        assertThat(stepped.totalSteps()).isEqualTo(300);
        assertThat(Preset.of(stepped)).contains(Preset.VALIDATED);
        // the paper's configuration, as SearchConfig.builder() and saep search --preset paper make it
        SearchConfig paper = small().preset(Preset.PAPER)
                .fit(TRAIN.features(), TRAIN.labels())
                .report()
                .orElseThrow()
                .config();
        assertThat(Preset.of(paper)).contains(Preset.PAPER);
        assertThat(paper.selection().isTrain()).isTrue();
        assertThat(paper.validation()).isEqualTo(ValidationPlan.PAPER);
        assertThat(paper.epochs()).isNull();
        assertThat(paper.spaceName()).isEqualTo("dnn");
        assertThat(paper.validation())
                .isEqualTo(SearchConfig.builder().dataset("x").build().validation());
        assertThatThrownBy(() -> Saep.classifier().preset(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aTimeBudgetIsPlannedWithinItsTime() {
        SearchConfig config = Saep.classifier()
                .iterations(3)
                .batchSize(32)
                .threads(1)
                .seed(5)
                .maxTime(java.time.Duration.ofSeconds(10))
                .fit(TRAIN.features(), TRAIN.labels())
                .report()
                .orElseThrow()
                .config();
        assertThat(config.stopping().maxSeconds()).isEqualTo(10);
        assertThat(config.stopping().plan()).isNotNull();
        assertThat(config.stepsPerIteration())
                .isEqualTo(config.stopping().plan().steps());
    }

    @Test
    void textLabelsComeBackAsGiven() {
        SaepClassifier model = small().fit(TRAIN.features(), TRAIN.textLabels());
        assertThat(model.classes()).containsExactly("class-10", "class-20", "class-30");
        String[] predicted = model.predictLabels(TEST.features());
        assertThat(predicted).isSubsetOf("class-10", "class-20", "class-30");
        assertThat(model.evaluate(TEST.features(), TEST.textLabels()).accuracy())
                .isGreaterThan(0.9);
        assertThatThrownBy(() -> model.predict(TEST.features()))
                .isInstanceOf(SaepException.class)
                .hasMessage("predict: the labels are text (class-10, class-20, class-30): predictLabels gives them");
        model.save(dir.resolve("text"));
        assertThat(Saep.loadClassifier(dir.resolve("text")).predictLabels(TEST.features()))
                .isEqualTo(predicted);
        String[] unknown = TEST.textLabels();
        unknown[4] = "class-99";
        assertThatThrownBy(() -> model.evaluate(TEST.features(), unknown))
                .isInstanceOf(SaepException.class)
                .hasMessage("labels: the label 'class-99' of row 4 is not a class of the model (class-10, class-20,"
                        + " class-30)");
    }

    @Test
    void theSameSeedGivesTheSameModelOnAnyThreadCountAndDoublesAreFloats() {
        SaepClassifier a = small().fit(TRAIN.features(), TRAIN.labels());
        SaepClassifier b = small().threads(2).fit(toDouble(TRAIN.features()), TRAIN.labels());
        assertThat(b.predictProbabilities(toDouble(TEST.features())))
                .isDeepEqualTo(a.predictProbabilities(TEST.features()));
        assertThat(b.report().orElseThrow().iterations())
                .hasSameSizeAs(a.report().orElseThrow().iterations());
        SaepClassifier other = small().seed(6).fit(TRAIN.features(), TRAIN.labels());
        assertThat(other.predictProbabilities(TEST.features())).isNotEqualTo(a.predictProbabilities(TEST.features()));
    }

    @Test
    void anOutputFolderHoldsTheRunAsTheCommandWritesItAndTheSameModel() {
        SaepClassifier inMemory = small().fit(TRAIN.features(), TRAIN.labels());
        Path out = dir.resolve("run");
        SaepClassifier written = small().outputFolder(out).fit(TRAIN.features(), TRAIN.labels());
        assertThat(written.runFolder()).contains(out);
        for (String file :
                List.of("report.json", "iterations.csv", "report.html", "accuracy.png", "ensemble/manifest.json")) {
            assertThat(out.resolve(file)).isNotEmptyFile();
        }
        assertThat(out.resolve("checkpoint")).doesNotExist();
        assertThat(written.predictProbabilities(TEST.features()))
                .isDeepEqualTo(inMemory.predictProbabilities(TEST.features()));
        assertThat(SaepClassifier.load(out).predict(TEST.features())).isEqualTo(inMemory.predict(TEST.features()));
        // A folder with files in it is refused before any work, and left as it was.
        assertThatThrownBy(() -> small().outputFolder(out).fit(TRAIN.features(), TRAIN.labels()))
                .isInstanceOf(SaepException.class)
                .hasMessage("outputFolder " + out
                        + " is not empty: choose a new or empty folder (the Java API never replaces files)");
    }

    @Test
    void aSearchSpaceFileDecidesTheCandidates() {
        Path space = Path.of("..", "examples", "spaces", "residual-mlp.json");
        SaepClassifier model = small().spaceFile(space).fit(TRAIN.features(), TRAIN.labels());
        assertThat(model.members())
                .isNotEmpty()
                .allSatisfy(m -> assertThat(m.name()).startsWith("resmlp"));
        assertThat(model.evaluate(TEST.features(), TEST.labels()).accuracy()).isGreaterThan(0.9);
    }

    @Test
    void aCsvSourceIsReadAsSearchReadsIt() throws Exception {
        StringBuilder csv = new StringBuilder("a,b,c,d,kind\n");
        for (int i = 0; i < TRAIN.labels().length; i++) {
            float[] r = TRAIN.features()[i];
            csv.append(r[0])
                    .append(',')
                    .append(r[1])
                    .append(',')
                    .append(r[2])
                    .append(',')
                    .append(r[3])
                    .append(",k")
                    .append(TRAIN.labels()[i])
                    .append('\n');
        }
        Path file = dir.resolve("train.csv");
        Files.writeString(file, csv);
        SaepClassifier model = small().fit("csv:" + file);
        assertThat(model.classes()).containsExactly("k10", "k20", "k30");
        assertThat(model.featureNames()).containsExactly("a", "b", "c", "d");
        String[] expected = Arrays.stream(TEST.labels()).mapToObj(y -> "k" + y).toArray(String[]::new);
        assertThat(model.evaluate(TEST.features(), expected).accuracy()).isGreaterThan(0.9);
        assertThatThrownBy(() -> small().labelColumn("nope").fit("csv:" + file))
                .isInstanceOf(SaepException.class)
                .hasMessageContaining("nope");
    }

    private static double[][] toDouble(float[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = new double[rows[i].length];
            for (int j = 0; j < rows[i].length; j++) {
                out[i][j] = rows[i][j];
            }
        }
        return out;
    }
}
