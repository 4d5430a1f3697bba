package org.saepj.data.preprocess;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.saepj.DataException;
import org.saepj.data.table.ColumnType;
import org.saepj.export.OnnxGraph;

/**
 * The ONNX inputs of a table with text columns ({@link Columns#onnxInputs}): one input per column, named after it, and
 * for each text column an ONNX-ML {@code LabelEncoder} from its cells to the value {@link Columns.Encoder} reads them
 * as — a level's index (−1 for a level the training file never had), 1/0 for a boolean, NaN for a gap — then the
 * columns side by side. ONNX has no case-insensitive match, so gap markers and true/false words are listed in every
 * spelling of their case (the common ones only for a word of more than {@value #ALL_CASES_UP_TO} letters). A boolean
 * cell that is neither true nor false, which {@code predict} refuses, reads as a gap: a graph cannot refuse a row.
 */
final class ColumnInputs {
    /** Words with at most this many cased letters are listed in all 2^n spellings. */
    static final int ALL_CASES_UP_TO = 10;
    /** The graph's outputs' names (a classifier's, a regression's), which no input may have. */
    private static final List<String> OUTPUT_NAMES = List.of("logits", "probabilities", "value");

    private final Columns columns;

    ColumnInputs(Columns columns) {
        this.columns = columns;
    }

    String write(OnnxGraph graph, String batch) {
        // every input first, so no tensor of the graph's own is given a column's name
        for (int j = 0; j < columns.names().size(); j++) {
            String name = columns.names().get(j);
            if (OUTPUT_NAMES.contains(name)) {
                throw new DataException("column '" + name + "' cannot name an input of the ONNX graph: its outputs are"
                        + " named " + String.join(", ", OUTPUT_NAMES) + "; rename the column in the training file");
            }
            if (columns.types().get(j) == ColumnType.NUMERIC) {
                graph.floatInput(name, batch, 1);
            } else {
                graph.stringInput(name, batch, 1);
            }
        }
        List<String> each = new ArrayList<>();
        for (int j = 0; j < columns.names().size(); j++) {
            String name = columns.names().get(j);
            if (columns.types().get(j) == ColumnType.NUMERIC) {
                each.add(name);
                continue;
            }
            Map<String, Float> cells = cellValues(j);
            float[] values = new float[cells.size()];
            int k = 0;
            for (float v : cells.values()) {
                values[k++] = v;
            }
            float otherwise = columns.types().get(j) == ColumnType.CATEGORICAL ? Columns.UNSEEN : Float.NaN;
            each.add(graph.mlNode(
                    "LabelEncoder",
                    List.of(name),
                    OnnxGraph.Attribute.strings("keys_strings", List.copyOf(cells.keySet())),
                    OnnxGraph.Attribute.floats("values_floats", values),
                    OnnxGraph.Attribute.real("default_float", otherwise)));
        }
        return each.size() == 1 ? each.get(0) : graph.node("Concat", each, OnnxGraph.Attribute.of("axis", 1));
    }

    /** A text column's cells and their values: gaps first, as the encoder tests for a gap first. */
    private Map<String, Float> cellValues(int j) {
        Map<String, Float> out = new LinkedHashMap<>();
        out.put("", Float.NaN);
        for (String marker : columns.missingValues()) {
            caseVariants(marker.trim()).forEach(v -> out.putIfAbsent(v, Float.NaN));
        }
        if (columns.types().get(j) == ColumnType.CATEGORICAL) {
            List<String> levels = columns.levels().get(j);
            for (int k = 0; k < levels.size(); k++) {
                out.putIfAbsent(levels.get(k), (float) k);
            }
        } else {
            Columns.TRUE.stream().sorted().forEach(w -> caseVariants(w).forEach(v -> out.putIfAbsent(v, 1f)));
            Columns.FALSE.stream().sorted().forEach(w -> caseVariants(w).forEach(v -> out.putIfAbsent(v, 0f)));
        }
        return out;
    }

    /**
     * @param word a word
     * @return its spellings in every case (as written first); only as written, lower, upper and capitalised when it
     *     has more than {@value #ALL_CASES_UP_TO} cased letters
     */
    static List<String> caseVariants(String word) {
        List<Integer> cased = new ArrayList<>();
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.toLowerCase(c) != Character.toUpperCase(c)) {
                cased.add(i);
            }
        }
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        out.add(word);
        if (cased.size() > ALL_CASES_UP_TO) {
            String lower = word.toLowerCase(Locale.ROOT);
            out.add(lower);
            out.add(word.toUpperCase(Locale.ROOT));
            out.add(lower.isEmpty() ? lower : lower.substring(0, 1).toUpperCase(Locale.ROOT) + lower.substring(1));
            return List.copyOf(out);
        }
        for (int mask = 0; mask < 1 << cased.size(); mask++) {
            char[] chars = word.toCharArray();
            for (int b = 0; b < cased.size(); b++) {
                int at = cased.get(b);
                chars[at] = (mask & 1 << b) != 0 ? Character.toUpperCase(chars[at]) : Character.toLowerCase(chars[at]);
            }
            out.add(new String(chars));
        }
        return List.copyOf(out);
    }
}
