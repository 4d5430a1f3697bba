package org.saepj.cli.display;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.saepj.diversity.Diversity;
import org.saepj.persistence.SavedEnsemble;

/** JSON helpers for reports: non-finite numbers become null so every report is valid JSON. */
public final class Json {
    public static final ObjectMapper MAPPER = SavedEnsemble.json();

    private Json() {}

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static void put(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, value);
        } else {
            node.putNull(key);
        }
    }

    public static ArrayNode array(double[] values) {
        ArrayNode a = MAPPER.createArrayNode();
        for (double v : values) {
            if (Double.isFinite(v)) {
                a.add(v);
            } else {
                a.addNull();
            }
        }
        return a;
    }

    public static ArrayNode matrix(double[][] values) {
        ArrayNode a = MAPPER.createArrayNode();
        for (double[] row : values) {
            a.add(array(row));
        }
        return a;
    }

    public static ObjectNode diversity(Diversity d) {
        ObjectNode n = object();
        put(n, "disagreement", d.disagreement());
        put(n, "disagreementWithLabels", d.disagreementWithLabels());
        put(n, "qStatistic", d.qStatistic());
        put(n, "kappa", d.kappa());
        put(n, "doubleFault", d.doubleFault());
        n.put("pairs", d.pairs());
        return n;
    }

    public static String pretty(JsonNode node) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
