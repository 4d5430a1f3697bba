package org.saepj.run;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.saepj.FileException;
import org.saepj.SaepException;
import org.saepj.ensemble.Member;
import org.saepj.persistence.JsonFormat;
import org.saepj.persistence.MemberRecord;
import org.saepj.search.DataUse;
import org.saepj.search.DatasetInfo;
import org.saepj.search.FinalMetrics;
import org.saepj.search.IterationRecord;
import org.saepj.search.Preset;
import org.saepj.search.Provenance;
import org.saepj.search.SearchConfig;
import org.saepj.search.SearchResult;
import org.saepj.search.Timing;

/**
 * A search's {@code report.json} (schema 3): the result's records, each in the one form every file stores it
 * (the configuration as in run.json and the manifest, members as {@link MemberRecord}, iterations and pruning
 * decisions as in the checkpoint). Written by Jackson from these records, nothing by hand; see docs/FORMATS.md.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION}
 * @param config the search's configuration
 * @param preset the preset whose settings the configuration keeps ({@link Preset#describe}: {@code paper},
 *     {@code validated}, or {@code custom}); absent in reports written before it existed
 * @param stoppedEarly why the search ended before its last iteration, or null
 * @param dataUse what each choice was made on (absent in reports written before it existed)
 * @param dataset the data it ran on
 * @param result the final ensemble's figures (the key {@code final})
 * @param members the final members
 * @param iterations every iteration, from 0
 * @param timing where the time went
 * @param provenance versions, engine and start time
 * @param bags what each bag's search chose, in a bagged search (its iterations carry their bag); absent for one search
 * @param encoding which encoding of the features a search with scaling {@code auto} kept and what each scored on the
 *     validation data (the other fields are the kept run's); absent otherwise, and in reports written before it existed
 */
@JsonPropertyOrder({
    "schemaVersion",
    "config",
    "preset",
    "stoppedEarly",
    "dataUse",
    "dataset",
    "final",
    "members",
    "iterations",
    "timing",
    "provenance",
    "bags",
    "encoding"
})
public record RunReport(
        int schemaVersion,
        SearchConfig config,
        String preset,
        StoppedEarly stoppedEarly,
        DataUse dataUse,
        DatasetInfo dataset,
        @JsonProperty("final") FinalMetrics result,
        List<MemberRecord> members,
        List<IterationRecord> iterations,
        Timing timing,
        Provenance provenance,

        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        List<org.saepj.search.BagRecord> bags,

        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        org.saepj.search.EncodingChoice encoding) {
    /** The schema this build writes; it reads the figures of schemas 1 and 2 through {@link RunSummary}. */
    public static final int SCHEMA_VERSION = 3;
    /**
     * The report's versions, which {@link #read} and {@link RunSummary#read} (its two readers: the whole report of
     * this schema, the figures of any) check alike. Schemas 1 to 3 keep the figures at the same places, so the chain
     * has no steps. A report without a schema is read as the earliest, so a truncated one ({@code {}}, a kill while
     * it was copied) is refused by the figures it lacks, with what to do about it.
     */
    static final org.saepj.persistence.FormatChain CHAIN = org.saepj.persistence.FormatChain.of(
                    "run report", "schemaVersion", SCHEMA_VERSION)
            .absentMeans(1);
    /** The report's file name in a run directory; a directory with one holds a finished run. */
    public static final String FILE = "report.json";

    /**
     * @param iterationsRun how many iterations ran
     * @param reason the stopping rule that ended the search
     */
    public record StoppedEarly(int iterationsRun, String reason) {}

    /**
     * @param r a finished search
     * @return its report
     */
    public static RunReport of(SearchResult r) {
        List<MemberRecord> members = new ArrayList<>();
        for (int j = 0; j < r.ensemble().size(); j++) {
            Member m = r.ensemble().members().get(j);
            members.add(MemberRecord.weighted(m, r.ensemble().weights()[j]));
        }
        return new RunReport(
                SCHEMA_VERSION,
                r.config(),
                Preset.describe(r.config()),
                r.stoppedEarly() == null
                        ? null
                        : new StoppedEarly(r.iterations().size(), r.stoppedEarly()),
                DataUse.of(r),
                r.dataset(),
                r.metrics(),
                members,
                r.iterations(),
                r.timing(),
                r.provenance(),
                r.bags(),
                r.encoding());
    }

    /**
     * Writes the report atomically.
     *
     * @param file where
     */
    public void write(Path file) {
        JsonFormat.write(file, this, "the report");
    }

    /**
     * Reads a report of this schema.
     *
     * @param file a report.json written by this build
     * @return the report
     * @throws SaepException naming the file when it is not a report of schema {@link #SCHEMA_VERSION}
     */
    public static RunReport read(Path file) {
        try {
            com.fasterxml.jackson.databind.node.ObjectNode tree = CHAIN.read(
                    file, JsonFormat.mapper().readTree(org.saepj.data.io.InputFiles.readAll(file, "a run's report")));
            int schema = CHAIN.version(file, tree);
            if (schema != SCHEMA_VERSION) {
                throw new FileException(file + ": report schema " + schema + ": this build reads whole reports of"
                        + " schema " + SCHEMA_VERSION + " (the figures of older ones through RunSummary)");
            }
            return JsonFormat.mapper().treeToValue(tree, RunReport.class);
        } catch (java.io.IOException e) {
            throw new FileException(
                    file + ": cannot read the report ("
                            + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + ")",
                    e);
        }
    }
}
