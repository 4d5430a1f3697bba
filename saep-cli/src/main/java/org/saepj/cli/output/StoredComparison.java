package org.saepj.cli.output;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import org.saepj.FileException;
import org.saepj.persistence.AtomicFiles;
import org.saepj.persistence.FormatChain;
import org.saepj.run.ComparisonPlan;

/**
 * A comparison's plan and data options, stored as {@code compare.json} so {@code compare --resume} can
 * continue it: finished runs are read back, interrupted ones continue from their checkpoints.
 *
 * @param plan what to compare
 * @param invocation the data settings
 */
public record StoredComparison(ComparisonPlan plan, Invocation invocation) {
    /** The format this build writes. */
    public static final int FORMAT_VERSION = 2;
    /** compare.json's versions: 1, without the field, may hold PIE's alpha in its base configuration. */
    private static final FormatChain CHAIN = FormatChain.of("comparison plan", "formatVersion", FORMAT_VERSION)
            .absentMeans(1)
            .step(2, StoredComparison::criterionIntoPlan);

    private static final ObjectMapper JSON = org.saepj.persistence.JsonFormat.mapper();

    public void save(Path dir) {
        try {
            byte[] bytes = JSON.writeValueAsBytes(this);
            AtomicFiles.write(dir.resolve(ComparisonPlan.FILE), out -> out.write(bytes));
        } catch (IOException e) {
            throw new FileException(dir.resolve(ComparisonPlan.FILE) + ": cannot write: " + e.getMessage(), e);
        }
    }

    /**
     * @return the format this build writes: 2 (compare.json held no version before it: read as 1)
     */
    @JsonProperty("formatVersion")
    public int formatVersion() {
        return FORMAT_VERSION;
    }

    /**
     * Moves the alpha of a plan stored before criteria became plug-ins (a base configuration with {@code "method"}
     * and a general {@code "alpha"}) into the plan's PIE parameters; its configurations are read as every
     * configuration is ({@code ConfigUpgrade}).
     */
    private static void criterionIntoPlan(Path file, ObjectNode tree) {
        if (!(tree.get("plan") instanceof ObjectNode plan) || !(plan.get("base") instanceof ObjectNode base)) {
            return;
        }
        boolean flat = base.has("method") && !base.has("criterion");
        boolean pie = plan.path("methods").isArray()
                && java.util.stream.StreamSupport.stream(plan.get("methods").spliterator(), false)
                        .anyMatch(m -> m.asText().equals("pie"));
        if (flat
                && pie
                && !plan.has("criterionParameters")
                && base.path("alpha").isNumber()) {
            plan.putObject("criterionParameters").put("alpha", base.get("alpha").asDouble());
        }
    }

    public static StoredComparison load(Path dir) {
        Path file = dir.resolve(ComparisonPlan.FILE);
        try {
            JsonNode tree = CHAIN.read(file, JSON.readTree(org.saepj.data.io.InputFiles.readAll(file, "")));
            StoredComparison s = JSON.treeToValue(tree, StoredComparison.class);
            if (s == null
                    || s.plan() == null
                    || s.invocation() == null
                    || s.plan().base() == null
                    || s.plan().methods() == null
                    || s.plan().methods().isEmpty()
                    || s.plan().mixtures() == null
                    || s.plan().mixtures().isEmpty()
                    || s.plan().seeds() == null
                    || s.plan().seeds().isEmpty()) {
                throw new FileException(file + ": incomplete: not a comparison this build can resume");
            }
            s.invocation().check(file);
            return s;
        } catch (com.fasterxml.jackson.databind.exc.ValueInstantiationException e) {
            // The plan refused its values (a method listed twice): its own words, without Jackson's.
            Throwable why = e.getCause() != null ? e.getCause() : e;
            String said = String.valueOf(why.getMessage()).lines().findFirst().orElse("");
            throw new FileException(file + ": corrupt (" + said + ")", e);
        } catch (IOException | IllegalArgumentException e) {
            throw new FileException(
                    file + ": corrupt (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
    }
}
