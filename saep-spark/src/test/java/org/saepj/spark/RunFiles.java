package org.saepj.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.saepj.persistence.JsonFormat;

/** What the cluster tests compare a run's JSON files by: the tree, without what may differ between two machines. */
final class RunFiles {
    private RunFiles() {}

    /** A JSON tree without what may differ between two machines running the same search: times and provenance. */
    static JsonNode withoutTimes(JsonNode n) {
        JsonNode copy = n.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode n) {
        if (n instanceof ObjectNode o) {
            o.remove(List.of(
                    "timing",
                    "provenance",
                    "seconds",
                    "trainSeconds",
                    "totalSeconds",
                    "secondsMean",
                    "startedAt",
                    "searchOverheadSeconds",
                    "inferenceSamplesPerSecond",
                    "inferenceSeconds"));
            o.forEach(RunFiles::strip);
        } else if (n.isArray()) {
            n.forEach(RunFiles::strip);
        }
    }

    static JsonNode read(Path file) throws Exception {
        return JsonFormat.mapper().readTree(file.toFile());
    }
}
