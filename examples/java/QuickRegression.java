import java.util.Random;
import org.saepj.api.Saep;
import org.saepj.api.SaepRegressor;
import org.saepj.task.RegressionMetrics;

/** SAEP-J regression from Java in a dozen lines: a search with PAP pruning learns a smooth function of 4 features. */
public class QuickRegression {
    public static void main(String[] args) {
        Random random = new Random(42);
        float[][] features = new float[600][4];
        double[] targets = new double[600];
        for (int i = 0; i < features.length; i++) {
            for (int j = 0; j < 4; j++) {
                features[i][j] = (float) (random.nextDouble() * 4 - 2);
            }
            targets[i] = 20 + 5 * Math.sin(features[i][0]) + 3 * features[i][1] * features[i][2] - features[i][3];
        }
        SaepRegressor model =
                Saep.regressor().method("pap").iterations(4).steps(1600).fit(features, targets);
        RegressionMetrics test = model.report().orElseThrow().regression().orElseThrow();
        System.out.printf(
                "test RMSE %.4f (mean predictor %.4f), R2 %.4f with %d members%n",
                test.rmse(), test.baselineRmse(), test.r2(), model.members().size());
    }
}
