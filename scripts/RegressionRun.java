import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.saepj.data.SourceData;
import org.saepj.data.io.CsvReader;
import org.saepj.search.Experiment;
import org.saepj.search.SearchConfig;
import org.saepj.search.SearchListener;
import org.saepj.search.SearchResult;
import org.saepj.task.RegressionMetrics;

/**
 * SAEP-J's regression search with the default settings on a train and a test CSV (the splits
 * scripts/regression_reference.py and scripts/regression_tables.py write), once per pruning method and seed: prints
 * each run's test RMSE, R², size and wall time. The methods (default adanet,prs,pap,pie), the number of seeds
 * (default 3, seeds 1…S) and the total training steps (default 5000) are optional arguments.
 * The command line does the same ({@code ./saep search --data csv:TRAIN.csv --test csv:TEST.csv}); this runs the
 * library on saep-core's classes so the seeds and methods loop in one JVM:
 *
 * <pre>
 * mvn -q -o -pl saep-core dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java --add-modules jdk.incubator.vector -cp saep-core/target/classes:$(cat cp.txt) scripts/RegressionRun.java \
 *     TRAIN.csv TEST.csv TARGET_COLUMN [METHODS [SEEDS [TOTAL_STEPS]]]
 * </pre>
 */
public final class RegressionRun {
    private RegressionRun() {
    }

    public static void main(String[] args) {
        CsvReader.Options options = new CsvReader.Options(Optional.empty(), Optional.of(args[2]));
        SourceData train = CsvReader.readValues(Path.of(args[0]), options);
        SourceData test = CsvReader.readValues(Path.of(args[1]), options);
        SourceData data = new SourceData(train.name(), train.source(), train.train(), Optional.of(test.train()),
                train.sha256(), false, null, train.featureNames());
        List<String> methods = args.length > 3 ? List.of(args[3].split(",")) : List.of("adanet", "prs", "pap", "pie");
        int seeds = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        int totalSteps = args.length > 5 ? Integer.parseInt(args[5]) : SearchConfig.builder().build().totalSteps();
        for (String method : methods) {
            for (long seed = 1; seed <= seeds; seed++) {
                SearchConfig config = SearchConfig.builder()
                        .method(method)
                        .seed(seed)
                        .threads(2)
                        .totalSteps(totalSteps)
                        .build();
                long start = System.nanoTime();
                SearchResult r = Experiment.run(config, data, SearchListener.NONE).get(0);
                double seconds = (System.nanoTime() - start) / 1e9;
                RegressionMetrics m = r.metrics().regression();
                System.out.printf(Locale.ROOT,
                        "%s\tseed %d\tRMSE %.4f\tR2 %.4f\tmembers %d\tmean predictor %.4f\tseconds %.1f%n",
                        method, seed, m.rmse(), m.r2(), r.metrics().ensembleSize(), m.baselineRmse(), seconds);
            }
        }
    }
}
