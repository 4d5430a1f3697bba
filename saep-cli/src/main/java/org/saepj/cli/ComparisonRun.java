package org.saepj.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.saepj.search.IterationRecord;
import org.saepj.search.Provenance;
import org.saepj.search.SearchResult;

/**
 * One run of a comparison and the figures the summary, the plots and the report need. It keeps figures,
 * not the result itself, so a long comparison does not hold every run's networks in memory.
 *
 * @param method "adanet", "prs", "pap", "pie" or "single"
 * @param mixture "uniform", "learned", or "-" for the single-network baseline
 * @param seed the run seed
 * @param fold the fold from 1, or 0 without folds
 * @param directory the run's directory, relative to the comparison's
 * @param testAccuracy final test accuracy
 * @param ensembleSize final ensemble size
 * @param parameters final parameter count
 * @param totalSeconds search time
 * @param trainSeconds candidate-training time
 * @param accuracyByIteration test accuracy after each iteration
 * @param sizeByIteration ensemble size after each iteration
 * @param diversityByIteration disagreement after each iteration
 * @param provenance versions and engine
 */
record ComparisonRun(String method, String mixture, long seed, int fold, String directory, double testAccuracy, int ensembleSize,
                     long parameters, double totalSeconds, double trainSeconds, double[] accuracyByIteration,
                     double[] sizeByIteration, double[] diversityByIteration, Provenance provenance) {
    static ComparisonRun of(String method, String mixture, long seed, int fold, String directory, SearchResult r) {
        List<IterationRecord> its = r.iterations();
        return new ComparisonRun(method, mixture, seed, fold, directory, r.metrics().testAccuracy(), r.metrics().ensembleSize(),
                r.metrics().parameters(), r.timing().totalSeconds(), r.timing().trainSeconds(),
                its.stream().mapToDouble(IterationRecord::testAccuracy).toArray(),
                its.stream().mapToDouble(IterationRecord::ensembleSize).toArray(),
                its.stream().mapToDouble(i -> i.diversity().disagreement()).toArray(), r.provenance());
    }

    /**
     * Reads a finished run back from its report.json (resumed comparisons skip finished runs).
     *
     * @param method the method
     * @param mixture the mixture name
     * @param seed the seed
     * @param fold the fold, or 0
     * @param directory the run's directory, relative
     * @param file the run's report.json
     * @return the run's figures
     */
    static ComparisonRun fromReport(String method, String mixture, long seed, int fold, String directory, java.nio.file.Path file) {
        JsonNode report = FinishedReport.read(file);
        JsonNode its = report.get("iterations");
        double[] acc = new double[its.size()];
        double[] size = new double[its.size()];
        double[] div = new double[its.size()];
        for (int i = 0; i < its.size(); i++) {
            acc[i] = its.get(i).path("testAccuracy").asDouble(Double.NaN);
            size[i] = its.get(i).path("ensembleSize").asDouble();
            div[i] = its.get(i).at("/diversity/disagreement").asDouble(Double.NaN);
        }
        JsonNode p = report.get("provenance");
        Provenance provenance = new Provenance(p.path("version").asText(), p.path("gitCommit").asText(), p.path("java").asText(),
                p.path("engine").asText(), p.path("executor").asText(), p.path("threads").asInt(), p.path("startedAt").asText());
        return new ComparisonRun(method, mixture, seed, fold, directory, report.at("/final/testAccuracy").asDouble(),
                report.at("/final/ensembleSize").asInt(), report.at("/final/parameters").asLong(),
                report.at("/timing/totalSeconds").asDouble(), report.at("/timing/trainSeconds").asDouble(), acc, size, div, provenance);
    }

    /** @return "method/mixture", the group a summary row describes */
    String group() {
        return method + "/" + mixture;
    }

    static List<String> groups(List<ComparisonRun> runs) {
        return runs.stream().map(ComparisonRun::group).distinct().toList();
    }
}
