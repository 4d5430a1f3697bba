package org.saepj.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import org.saepj.SaepException;
import org.saepj.data.io.InputFiles;

/**
 * Reads the report.json of a run that a resumed fold search or comparison finds finished, and checks it
 * holds what the summary takes from it: a report without its final figures is an error naming the file,
 * never counted as a run with zeros.
 */
final class FinishedReport {
    private FinishedReport() {
    }

    static JsonNode read(Path file) {
        JsonNode n;
        try {
            n = Json.MAPPER.readTree(InputFiles.readAll(file, "a finished run's report"));
        } catch (IOException e) {
            throw new SaepException(file + ": cannot read a finished run's report: " + String.valueOf(e.getMessage()).lines()
                    .findFirst().orElse(""), e);
        }
        require(file, n != null && n.isObject(), "not a JSON object");
        require(file, n.at("/final/testAccuracy").isNumber() && n.at("/final/testAccuracy").asDouble() >= 0
                && n.at("/final/testAccuracy").asDouble() <= 1, "final.testAccuracy must be a number in [0, 1]");
        require(file, n.at("/final/ensembleSize").isIntegralNumber() && n.at("/final/ensembleSize").asInt() >= 1,
                "final.ensembleSize must be a whole number ≥ 1");
        require(file, n.at("/final/parameters").isIntegralNumber(), "final.parameters must be a whole number");
        require(file, n.at("/timing/totalSeconds").isNumber(), "timing.totalSeconds must be a number");
        require(file, n.path("iterations").isArray() && !n.path("iterations").isEmpty(), "iterations must be a non-empty list");
        require(file, n.path("provenance").isObject(), "provenance is missing");
        return n;
    }

    private static void require(Path file, boolean ok, String what) {
        if (!ok) {
            throw new SaepException(file + ": not a complete run report (" + what + "): delete it to run that search again");
        }
    }
}
