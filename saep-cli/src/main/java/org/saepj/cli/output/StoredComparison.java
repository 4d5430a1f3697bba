package org.saepj.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import org.saepj.FileException;
import org.saepj.persistence.AtomicFiles;
import org.saepj.run.ComparisonPlan;
import org.saepj.search.ConfigUpgrade;

/**
 * A comparison's plan and data options, stored as {@code compare.json} so {@code compare --resume} can
 * continue it: finished runs are read back, interrupted ones continue from their checkpoints.
 *
 * @param plan what to compare
 * @param invocation the data settings
 */
public record StoredComparison(ComparisonPlan plan, Invocation invocation) {
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
     * Rewrites a comparison stored before criteria became plug-ins: its configurations, and PIE's alpha into the plan.
     */
    private static void upgrade(JsonNode tree) {
        if (tree == null || !(tree.get("plan") instanceof ObjectNode plan)) {
            return;
        }
        double alpha = plan.get("base") instanceof ObjectNode base ? ConfigUpgrade.upgrade(base) : Double.NaN;
        if (tree.at("/invocation/config") instanceof ObjectNode config) {
            ConfigUpgrade.upgrade(config);
        }
        boolean pie = plan.path("methods").isArray()
                && java.util.stream.StreamSupport.stream(plan.get("methods").spliterator(), false)
                        .anyMatch(m -> m.asText().equals("pie"));
        if (!plan.has("criterionParameters") && pie && !Double.isNaN(alpha)) {
            plan.putObject("criterionParameters").put("alpha", alpha);
        }
    }

    public static StoredComparison load(Path dir) {
        Path file = dir.resolve(ComparisonPlan.FILE);
        try {
            JsonNode tree = JSON.readTree(org.saepj.data.io.InputFiles.readAll(file, ""));
            upgrade(tree);
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
