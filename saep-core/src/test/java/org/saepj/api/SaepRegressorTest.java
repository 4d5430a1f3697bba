package org.saepj.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.SaepException;
import org.saepj.persistence.ValuePrediction;
import org.saepj.task.RegressionMetrics;
import org.saepj.task.RegressionTask;

/** The regressor's one-call API end to end on a smooth synthetic target: fit, predict, evaluate, save, load, report. */
class SaepRegressorTest {
    @TempDir
    Path dir;

    /**
     * Rows uniform in [-2, 2]³ with the target {@code 50 + 10·(x0 − 0.5·x1² + sin x2)}: smooth, with a curve a linear
     * model misses.
     *
     * @param features the rows to fill
     * @param seed the draw
     * @return each row's target
     */
    static double[] smooth(float[][] features, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] y = new double[features.length];
        for (int i = 0; i < features.length; i++) {
            features[i] = new float[3];
            for (int j = 0; j < 3; j++) {
                features[i][j] = (float) (rng.nextDouble() * 4 - 2);
            }
            y[i] = 50 + 10 * (features[i][0] - 0.5 * features[i][1] * features[i][1] + Math.sin(features[i][2]));
        }
        return y;
    }

    /** A small search: a few seconds on one thread. */
    static RegressorBuilder small() {
        return Saep.regressor()
                .method("prs")
                .iterations(3)
                .steps(1500)
                .learningRate(0.01)
                .threads(1)
                .seed(3);
    }

    /**
     * A bagged regressor ({@code bags(3)}; regression is never bagged by default): the union averages the bags'
     * members' outputs (their weights thirds of the bags'), and its records say which bag ran each iteration.
     */
    @Test
    void aBaggedRegressorAveragesItsBagsAndScoresAsSaved() {
        float[][] train = new float[300][];
        double[] yTrain = smooth(train, 1);
        float[][] test = new float[100][];
        double[] yTest = smooth(test, 2);
        SaepRegressor one = small().iterations(2).steps(400).fit(train, yTrain);
        SaepRegressor bagged = small().iterations(2).steps(400).bags(3).fit(train, yTrain);
        FitReport report = bagged.report().orElseThrow();
        assertThat(one.report().orElseThrow().config().validation().bagCount()).isEqualTo(1);
        assertThat(report.config().validation().bagCount()).isEqualTo(3);
        assertThat(report.iterations()).hasSize(3 * 2);
        assertThat(report.iterations()).extracting(it -> it.bag()).containsExactly(1, 1, 2, 2, 3, 3);
        assertThat(report.dataUse().finalEnsemble()).startsWith("the union of the 3 bags' ensembles");
        double weights = bagged.members().stream().mapToDouble(m -> m.weight()).sum();
        assertThat(weights).isCloseTo(1.0, within(1e-9)); // uniform mixtures: each bag's thirds
        // the union predicts rows no bag saw as well as one search does, give or take
        RegressionMetrics e = bagged.evaluate(test, yTest);
        assertThat(e.r2()).isGreaterThan(0.8);
        assertThat(e.rmse()).isLessThan(1.5 * one.evaluate(test, yTest).rmse());
    }

    @Test
    void learnsASmoothFunctionAndSavesLoadsBitForBit() {
        float[][] train = new float[500][];
        double[] yTrain = smooth(train, 1);
        float[][] test = new float[200][];
        double[] yTest = smooth(test, 2);

        SaepRegressor model = small().fit(train, yTrain);
        assertThat(model.featureCount()).isEqualTo(3);
        assertThat(model.ensemble().task().id()).isEqualTo(RegressionTask.ID);

        double[] predicted = model.predict(test);
        RegressionMetrics e = model.evaluate(test, yTest);
        // R² on rows the search never saw, against an independent computation from the predictions
        double mean = java.util.Arrays.stream(yTest).average().orElseThrow();
        double sse = 0;
        double sst = 0;
        double sae = 0;
        for (int i = 0; i < test.length; i++) {
            sse += (predicted[i] - yTest[i]) * (predicted[i] - yTest[i]);
            sae += Math.abs(predicted[i] - yTest[i]);
            sst += (yTest[i] - mean) * (yTest[i] - mean);
        }
        assertThat(1 - sse / sst).isGreaterThan(0.95);
        assertThat(e.r2()).isCloseTo(1 - sse / sst, within(1e-9));
        assertThat(e.rmse()).isCloseTo(Math.sqrt(sse / test.length), within(1e-9));
        assertThat(e.mae()).isCloseTo(sae / test.length, within(1e-9));
        assertThat(e.baselineRmse()).isGreaterThan(3 * e.rmse());
        // the ambiguity decomposition holds: ensemble error = average member error − average ambiguity
        assertThat(e.ensembleMse())
                .isCloseTo(e.averageMemberMse() - e.averageAmbiguity(), within(1e-6 * e.averageMemberMse()));

        List<ValuePrediction> spread = model.predictWithSpread(test);
        for (int i = 0; i < test.length; i++) {
            assertThat(spread.get(i).value()).isEqualTo(predicted[i]);
            assertThat(spread.get(i).spread()).isGreaterThanOrEqualTo(0);
        }

        FitReport report = model.report().orElseThrow();
        assertThat(report.iterations()).hasSize(3);
        assertThat(report.members()).isEqualTo(model.members());
        assertThat(report.regression()).isPresent();
        assertThat(report.regression().orElseThrow().r2()).isGreaterThan(0.9);
        assertThat(report.testAccuracy()).isNaN();

        model.save(dir.resolve("model"));
        SaepRegressor back = Saep.loadRegressor(dir.resolve("model"));
        assertThat(back.predict(test)).isEqualTo(predicted);
        assertThat(back.evaluate(test, yTest)).isEqualTo(e);
        assertThat(back.report()).isEmpty();
        assertThatThrownBy(() -> Saep.loadClassifier(dir.resolve("model")))
                .isInstanceOf(SaepException.class)
                .hasMessageContaining("regression ensemble, which predicts values: load it with Saep.loadRegressor");
    }

    @Test
    void aCsvFileIsReadWithItsTargetColumnByNameAndDoublesAreFloats() throws Exception {
        float[][] rows = new float[200][];
        double[] y = smooth(rows, 4);
        StringBuilder text = new StringBuilder("a,target,b,c\n");
        double[][] doubles = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            text.append(rows[i][0]).append(',').append(y[i]).append(',');
            text.append(rows[i][1]).append(',').append(rows[i][2]).append('\n');
            doubles[i] = new double[] {rows[i][0], rows[i][1], rows[i][2]};
        }
        Path csv = Files.writeString(dir.resolve("table.csv"), text);
        RegressorBuilder builder = small().iterations(1).steps(200);

        SaepRegressor fromFile = builder.targetColumn("target").fit(csv);
        assertThat(fromFile.featureNames()).containsExactly("a", "b", "c");
        // the same rows as arrays: the same search, the same model
        SaepRegressor fromArrays = small().iterations(1).steps(200).fit(doubles, y);
        assertThat(fromArrays.predict(rows)).isEqualTo(fromFile.predict(rows));
        assertThat(fromArrays.predict(doubles)).isEqualTo(fromFile.predict(rows));

        assertThatThrownBy(() -> builder.fit(rows, y))
                .isInstanceOf(SaepException.class)
                .hasMessage("targetColumn: for a CSV file only; arrays give their targets as an argument");
    }

    @Test
    void badTargetsAreOneLineBeforeAnyTraining() {
        float[][] rows = new float[20][];
        double[] y = smooth(rows, 5);
        assertThatThrownBy(() -> small().fit(rows, new double[19]))
                .isInstanceOf(SaepException.class)
                .hasMessage("targets: 19 values for 20 rows of features: expected one value per row");
        y[7] = Double.NaN;
        assertThatThrownBy(() -> small().fit(rows, y))
                .isInstanceOf(SaepException.class)
                .hasMessage("targets: the value of row 7 is NaN: every target must be a finite number");
        assertThatThrownBy(() -> small().fit(rows, new double[20]))
                .isInstanceOf(SaepException.class)
                .hasMessageContaining("every training target is 0.0: a regression target must vary");
        double[] varying = smooth(rows, 6);
        assertThatThrownBy(() -> small().method("kappa").fit(rows, varying))
                .isInstanceOf(SaepException.class)
                .hasMessageStartingWith("method kappa judges members by their predicted classes, which a regression"
                        + " search has not: use ")
                .hasMessageContaining("pie")
                .hasMessageContaining("topk");
        assertThatThrownBy(() -> small().featureNames(List.of("a", "b", "c")).fit(dir.resolve("x.csv")))
                .isInstanceOf(SaepException.class)
                .hasMessage("featureNames: for arrays only; a CSV file names its own features");
    }
}
