package org.saepj.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.saepj.search.SearchResult;

/**
 * The figures a folds summary needs from one run, from a fresh result or from a finished run's report.json.
 *
 * @param testAccuracy final test accuracy
 * @param ensembleSize final ensemble size
 * @param parameters final parameter count
 * @param totalSeconds search time
 */
record FoldSummary(double testAccuracy, int ensembleSize, long parameters, double totalSeconds) {
    static FoldSummary of(SearchResult r) {
        return new FoldSummary(r.metrics().testAccuracy(), r.metrics().ensembleSize(), r.metrics().parameters(), r.timing().totalSeconds());
    }

    static FoldSummary read(Path report) {
        JsonNode n = FinishedReport.read(report);
        return new FoldSummary(n.at("/final/testAccuracy").asDouble(), n.at("/final/ensembleSize").asInt(),
                n.at("/final/parameters").asLong(), n.at("/timing/totalSeconds").asDouble());
    }
}
