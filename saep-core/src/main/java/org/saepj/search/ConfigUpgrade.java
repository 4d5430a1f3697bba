package org.saepj.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import org.saepj.pruning.Criteria;
import org.saepj.pruning.CriterionSpec;

/**
 * Reads configurations stored by earlier builds. Until criteria became plug-ins, a configuration held
 * {@code "method": "PIE"} and a general {@code "alpha"}; now it holds
 * {@code "criterion": {"id": "pie", "parameters": {"alpha": 0.5}}}, the parameters living with their criterion.
 * Until configurations came in parts, every setting stood at the top level ({@code "dataset"}, {@code "iterations"},
 * {@code "space"} the file's definition, …); now they stand in {@code data}, {@code space}, {@code budget} and
 * {@code objective}.
 */
public final class ConfigUpgrade {
    private ConfigUpgrade() {}

    /**
     * Rewrites an earlier configuration's JSON in place into the current form; a current one is left as it is.
     *
     * @param config a stored SearchConfig's JSON object
     * @return the alpha the earlier form held, or NaN (a current form, or none)
     */
    public static double upgrade(ObjectNode config) {
        double alpha = criterion(config);
        nest(config);
        return alpha;
    }

    /** Moves the settings of a flat configuration into its parts; a nested one is left as it is. */
    private static void nest(ObjectNode config) {
        if (!config.has("dataset") || config.has("data")) {
            return;
        }
        ObjectNode data = config.objectNode();
        move(config, data, "dataset", "pair", "folds", "testFraction", "selection");
        ObjectNode space = config.objectNode();
        JsonNode definition = config.remove("space");
        move(config, space, "model");
        space.set("definition", definition);
        move(config, space, "width", "learningRate");
        ObjectNode budget = config.objectNode();
        move(config, budget, "iterations", "totalSteps", "batchSize", "stopping");
        ObjectNode objective = config.objectNode();
        move(config, objective, "lambda", "beta", "mixture");
        config.set("data", data);
        config.set("space", space);
        config.set("budget", budget);
        config.set("objective", objective);
    }

    private static void move(ObjectNode from, ObjectNode to, String... fields) {
        for (String f : fields) {
            JsonNode v = from.remove(f);
            if (v != null) {
                to.set(f, v);
            }
        }
    }

    private static double criterion(ObjectNode config) {
        if (config.has("criterion") || !config.has("method")) {
            return Double.NaN;
        }
        JsonNode method = config.remove("method");
        JsonNode alpha = config.remove("alpha");
        String id = method.asText().toLowerCase(Locale.ROOT);
        ObjectNode criterion = config.putObject("criterion");
        criterion.put("id", id);
        ObjectNode parameters = criterion.putObject("parameters");
        if (id.equals("pie") && alpha != null && alpha.isNumber()) {
            parameters.put("alpha", alpha.asDouble());
        }
        Criteria criteria = Criteria.discover();
        if (criteria.providers().stream().anyMatch(p -> p.id().equals(id))) {
            // The parameters the criterion has gained since (PIE's keep) take their defaults: the run used them.
            Map<String, Double> given = new java.util.TreeMap<>();
            parameters
                    .fields()
                    .forEachRemaining(e -> given.put(e.getKey(), e.getValue().asDouble()));
            criteria.resolve(CriterionSpec.of(id, given)).parameters().forEach(parameters::put);
        }
        return alpha != null && alpha.isNumber() ? alpha.asDouble() : Double.NaN;
    }
}
