package org.saepj.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.saepj.cli.display.Json;

/**
 * What a search's report.json says about its result, read the same way from every schema version: the final
 * figures, the members and each iteration's selection, members and pruning. Timings, versions and the layout
 * of the other records are left out, so reports of different schemas written for the same search compare equal.
 */
record ReportFacts(List<String> result, List<String> members, List<String> iterations) {
    static ReportFacts of(Path report) throws IOException {
        JsonNode n = Json.MAPPER.readTree(report.toFile());
        JsonNode f = n.get("final");
        List<String> result = List.of(
                f.get("testAccuracy").toString(),
                f.get("testLoss").toString(),
                f.get("ensembleSize").toString(),
                f.get("parameters").toString(),
                f.get("diversity").toString());
        List<String> members = new ArrayList<>();
        for (JsonNode m : n.get("members")) {
            members.add(m.get("id") + " " + m.get("iteration") + " " + m.get("weight") + " " + m.get("parameters"));
        }
        List<String> iterations = new ArrayList<>();
        for (JsonNode it : n.get("iterations")) {
            iterations.add(it.get("iteration") + " " + it.get("selected") + " " + it.get("memberIds") + " "
                    + it.get("pruned") + " " + it.get("testAccuracy") + " " + it.get("selectionObjective") + " "
                    + it.get("weights"));
        }
        return new ReportFacts(result, members, iterations);
    }
}
