package org.saepj.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.saepj.FileException;

/**
 * Reads a manifest of an earlier format as the current one, one step per format, each step taking the tree one
 * format on, so every old file goes through the same chain:
 * <ul>
 *   <li>1 and 2 to 3: each member's {@code kind}, {@code depth}, {@code hidden}, {@code filters}, {@code dense} and
 *       {@code blocks} become its architecture in the one stored form, the provenance string map becomes the typed
 *       provenance, and the mixture the map named becomes the manifest's;</li>
 *   <li>3 to 4: the one preprocessing object ({@code {"type": "scale"}} or {@code {"type": "standardize", "mean",
 *       "deviation"}}) becomes a pipeline of that one step.</li>
 * </ul>
 * Works on the JSON tree, so the current records carry no field that exists only for old files. {@link #CHAIN} is
 * the chain; {@link SavedEnsemble#load}, the manifest's one reader, applies it.
 */
final class ManifestUpgrade {
    /** The manifest's versions: 1 to 5 are read, formats 1–3 through the steps below (4 and 5 share a layout). */
    static final FormatChain CHAIN = FormatChain.of(
                    "ensemble manifest", "formatVersion", SavedEnsemble.NEWEST_FORMAT_VERSION)
            .step(3, ManifestUpgrade::toFormat3)
            .step(4, (file, tree) -> toFormat4(tree));

    private ManifestUpgrade() {}

    private static void toFormat3(java.nio.file.Path file, ObjectNode tree) {
        JsonNode shape = tree.get("inputShape");
        JsonNode classes = tree.get("classNames");
        JsonNode members = tree.get("members");
        if (members instanceof ArrayNode list && shape != null && classes != null && classes.isArray()) {
            for (int j = 0; j < list.size(); j++) {
                if (list.get(j) instanceof ObjectNode m) {
                    upgradeMember(file, m, shape, classes.size());
                }
            }
        }
        JsonNode provenance = tree.get("provenance");
        if (provenance instanceof ObjectNode p) {
            tree.put("mixture", p.path("mixture").asText("uniform"));
            ObjectNode typed = tree.putObject("provenance");
            for (String field : new String[] {"version", "gitCommit", "java", "engine", "startedAt"}) {
                typed.set(field, p.get(field));
            }
        } else {
            tree.put("mixture", "uniform");
        }
    }

    /** The one step of formats 1–3, its fields as they were (a scale step's null mean and deviation left out). */
    private static void toFormat4(ObjectNode tree) {
        if (tree.get("preprocessing") instanceof ObjectNode step) {
            ObjectNode kept = step.objectNode();
            step.properties().forEach(e -> {
                if (!e.getValue().isNull()) {
                    kept.set(e.getKey(), e.getValue());
                }
            });
            tree.putArray("preprocessing").add(kept);
        }
    }

    private static void upgradeMember(java.nio.file.Path file, ObjectNode m, JsonNode shape, int classes) {
        String kind = m.path("kind").asText(null);
        if (kind == null) {
            throw new FileException(file + ": every member needs a kind, a file and a weight");
        }
        ObjectNode a = m.objectNode();
        switch (kind) {
            case "dnn", "linear" -> {
                a.put("type", "dense");
                a.set("input", shape);
                a.put("classes", classes);
                a.set("hidden", m.hasNonNull("hidden") ? m.get("hidden") : a.arrayNode());
            }
            case "cnn" -> {
                a.put("type", "conv");
                a.set("input", shape);
                a.put("classes", classes);
                if (m.hasNonNull("blocks")) {
                    a.set("blocks", m.get("blocks"));
                } else {
                    a.set("filters", m.get("filters")); // format 1: one 3×3 block
                }
                a.set("dense", m.get("dense"));
            }
            default ->
                throw new FileException(file + ": member " + m.path("id").asText("?") + " has unknown kind '" + kind
                        + "': expected linear, dnn or cnn");
        }
        int depth = m.path("depth").asInt();
        m.put(
                "name",
                switch (kind) {
                    case "dnn" -> "dnn-depth-" + depth;
                    default -> kind;
                });
        m.set("architecture", a);
        m.remove(java.util.List.of("kind", "depth", "hidden", "filters", "dense", "blocks"));
    }
}
