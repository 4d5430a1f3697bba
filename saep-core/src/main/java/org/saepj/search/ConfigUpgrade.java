package org.saepj.search;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
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
 *
 * <p>A configuration is stored inside other files (run.json, compare.json, manifest.json, report.json), and its layout
 * changed within their versions, so the layout is recognised by its fields, not by a file's version. The one reader
 * of a configuration, {@link org.saepj.persistence.JsonFormat}'s mapper, applies it ({@link #reader()}): no file's
 * reader upgrades a configuration itself.
 */
public final class ConfigUpgrade {
    private ConfigUpgrade() {}

    /** @return the hook that makes every read of a {@link SearchConfig} read an earlier layout as the current one */
    public static BeanDeserializerModifier reader() {
        return new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(
                    DeserializationConfig config, BeanDescription description, JsonDeserializer<?> deserializer) {
                return description.getBeanClass() == SearchConfig.class ? new Reader(deserializer) : deserializer;
            }
        };
    }

    /** Reads the configuration's tree, brings it to the current layout, then binds it as before. */
    private static final class Reader extends DelegatingDeserializer {
        Reader(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new Reader(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext context) throws IOException {
            JsonNode tree = context.readTree(p);
            if (tree instanceof ObjectNode config) {
                upgrade(config);
            }
            try (JsonParser upgraded = tree.traverse(p.getCodec())) {
                upgraded.nextToken();
                return _delegatee.deserialize(upgraded, context);
            }
        }
    }

    /**
     * Rewrites an earlier configuration's JSON in place into the current form; a current one is left as it is.
     *
     * @param config a stored SearchConfig's JSON object
     */
    static void upgrade(ObjectNode config) {
        criterion(config);
        nest(config);
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

    private static void criterion(ObjectNode config) {
        if (config.has("criterion") || !config.has("method")) {
            return;
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
    }
}
