import java.util.Random;
import org.saepj.api.Saep;
import org.saepj.api.SaepClassifier;

/** SAEP-J from Java in a dozen lines: a search with PIE pruning on three classes of synthetic data. */
public class QuickStart {
    public static void main(String[] args) {
        Random random = new Random(42);
        float[][] features = new float[600][8];
        int[] labels = new int[600];
        for (int i = 0; i < features.length; i++) {
            labels[i] = i % 3; // class c is shifted along features c, c + 3 and c + 6
            for (int j = 0; j < 8; j++) {
                features[i][j] = (float) (random.nextGaussian() + (j % 3 == labels[i] ? 1.5 : 0));
            }
        }
        SaepClassifier model =
                Saep.classifier().method("pie").iterations(4).steps(800).fit(features, labels);
        System.out.printf(
                "test accuracy %.4f with %d members%n",
                model.report().orElseThrow().testAccuracy(), model.members().size());
    }
}
