package org.saepj.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * Reads configurations stored by earlier builds: until criteria became plug-ins, a configuration held
 * {@code "method": "PIE"} and a general {@code "alpha"}; now it holds
 * {@code "criterion": {"id": "pie", "parameters": {"alpha": 0.5}}}, the parameters living with their criterion.
 */
public final class ConfigUpgrade {
    private ConfigUpgrade() {
    }

    /**
     * Rewrites an earlier configuration's JSON in place into the current form; a current one is left as it is.
     *
     * @param config a stored SearchConfig's JSON object
     * @return the alpha the earlier form held, or NaN (a current form, or none)
     */
    public static double upgrade(ObjectNode config) {
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
        return alpha != null && alpha.isNumber() ? alpha.asDouble() : Double.NaN;
    }
}
