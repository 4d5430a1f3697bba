package org.saepj.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.saepj.persistence.JsonFormat;

/**
 * A configuration as the rows of a table a person reads, instead of raw JSON: every setting on a row of its own,
 * named by its path in words ({@code budget › total steps}), settings left unset (null) out, yes/no for flags,
 * whole numbers without ".0", lists of plain values joined by commas. What has no plain form (a search-space file's
 * families) stays compact JSON on its row. Generic over the stored form, so a new setting needs nothing here.
 */
public final class ConfigRows {
    private static final String SEPARATOR = " › ";

    private ConfigRows() {}

    /**
     * @param config a configuration record (SearchConfig), stored as report.json stores it
     * @param rows where to add its rows, in the stored order
     */
    public static void add(Object config, Map<String, String> rows) {
        add("", JsonFormat.mapper().valueToTree(config), rows);
    }

    private static void add(String path, JsonNode node, Map<String, String> rows) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (!e.getValue().isNull()
                        && !(e.getValue().isObject() && e.getValue().isEmpty())) {
                    add(path.isEmpty() ? words(e.getKey()) : path + SEPARATOR + words(e.getKey()), e.getValue(), rows);
                }
            });
            return;
        }
        rows.put(path, value(node));
    }

    /** @return a value as text: plain values as a person writes them, lists of them joined, anything else as JSON */
    static String value(JsonNode v) {
        if (v.isBoolean()) {
            return v.asBoolean() ? "yes" : "no";
        }
        if (v.isNumber()) {
            double d = v.asDouble();
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : v.asText();
        }
        if (v.isArray()) {
            List<String> items = new ArrayList<>();
            for (JsonNode item : v) {
                if (item.isContainerNode()) {
                    return v.toString();
                }
                items.add(value(item));
            }
            return String.join(", ", items);
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    /** @return a camelCase key in words: {@code totalSteps} → {@code total steps} (single capitals only) */
    static String words(String key) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean lowerBefore = i > 0 && Character.isLowerCase(key.charAt(i - 1));
            if (Character.isUpperCase(c) && lowerBefore) {
                sb.append(' ').append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
