package org.saepj.data.preprocess;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.saepj.data.Dataset;
import org.saepj.data.Shape;
import org.saepj.export.OnnxGraph;

/**
 * {@code piecewise-linear}: the piecewise-linear encoding of numeric features with quantile bins (Gorishniy,
 * Rubachev and Babenko, "On Embeddings for Numerical Features in Tabular Deep Learning", NeurIPS 2022). Each feature
 * has bin edges b0 &lt; b1 &lt; … &lt; bT from its training values; a value x becomes T numbers, one a bin: 1 for a bin
 * wholly below x, 0 for a bin above it, (x − lo) / (hi − lo) inside its bin. As in the paper the first bin is open
 * below and the last open above (a value beyond the training range goes on linearly there), so on the training part
 * every value lies in [0, 1]. A network reads from it where in a feature's range a value lies, as a tree's splits do,
 * without standardising first (quantiles do not depend on a feature's scale).
 *
 * <p>The edges are the training part's quantiles at 0, 1/T, …, 1 (order statistics, not interpolated), T at most
 * {@link Kind#MAX_BINS}, repeated edges dropped; a feature with at most T + 1 distinct values has them all as edges (a
 * 0/1 column is one bin: itself). A constant feature has one edge and gives one value, always 0. Stored as {@code
 * {"type": "piecewise-linear", "edges": [[...], ...]}}, one ascending list a feature.
 *
 * @param edges each feature's bin edges, ascending: one edge (a constant feature) or two or more
 */
public record PiecewiseLinear(float[][] edges) implements PreprocessingStep {
    /** The type name in stored files. */
    public static final String TYPE = "piecewise-linear";

    /** The kind of {@link PiecewiseLinear}, registered in the services file. */
    public static final class Kind implements StepKind<PiecewiseLinear> {
        /**
         * The most bins a feature gets. The paper tunes T per data set (up to 256 on large tables); 16 keeps bins of
         * at least about ten rows on the 150–300-row tables the encoding is meant for.
         */
        public static final int MAX_BINS = 16;

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Class<PiecewiseLinear> stepClass() {
            return PiecewiseLinear.class;
        }

        @Override
        public PiecewiseLinear fit(Dataset train) {
            int d = train.featureSize();
            int n = train.size();
            float[] x = train.features();
            float[][] edges = new float[d][];
            for (int j = 0; j < d; j++) {
                float[] column = new float[n];
                int kept = 0;
                for (int i = 0; i < n; i++) {
                    float v = x[i * d + j];
                    if (!Float.isNaN(v)) { // a gap carries no rank; the table plan fills gaps before this step
                        column[kept++] = v;
                    }
                }
                float[] sorted = Arrays.copyOf(column, kept);
                Arrays.sort(sorted);
                edges[j] = edges(sorted, MAX_BINS);
            }
            return new PiecewiseLinear(edges);
        }

        /**
         * @param sorted a feature's training values, ascending
         * @param bins the most bins
         * @return its edges: every distinct value when there are at most bins + 1, else the distinct quantiles
         */
        static float[] edges(float[] sorted, int bins) {
            float[] distinct = distinct(sorted);
            if (distinct.length <= bins + 1) {
                return distinct.length == 0 ? new float[] {0f} : distinct;
            }
            float[] quantiles = new float[bins + 1];
            int last = sorted.length - 1;
            for (int t = 0; t <= bins; t++) {
                quantiles[t] = sorted[(int) Math.round((double) t * last / bins)];
            }
            return distinct(quantiles);
        }

        private static float[] distinct(float[] sorted) {
            float[] out = new float[sorted.length];
            int m = 0;
            for (float v : sorted) {
                if (m == 0 || v != out[m - 1]) {
                    out[m++] = v;
                }
            }
            return Arrays.copyOf(out, m);
        }
    }

    /**
     * The encoding as one flat list of output values, the arithmetic {@link #apply} and {@link #onnx} share: output k
     * is min(max((x[column k] − lo k) / width k, lower k), upper k).
     */
    private record Plan(long[] column, float[] lo, float[] width, float[] lower, float[] upper) {}

    private Plan plan() {
        int out = outputWidth(edges.length);
        Plan p = new Plan(new long[out], new float[out], new float[out], new float[out], new float[out]);
        int k = 0;
        for (int j = 0; j < edges.length; j++) {
            float[] e = edges[j];
            if (e.length == 1) { // a constant feature: one value, always 0
                p.column[k] = j;
                p.lo[k] = e[0];
                p.width[k] = 1f;
                k++;
                continue;
            }
            int bins = e.length - 1;
            for (int t = 0; t < bins; t++) {
                p.column[k] = j;
                p.lo[k] = e[t];
                p.width[k] = e[t + 1] - e[t];
                p.lower[k] = t == 0 ? Float.NEGATIVE_INFINITY : 0f;
                p.upper[k] = t == bins - 1 ? Float.POSITIVE_INFINITY : 1f;
                k++;
            }
        }
        return p;
    }

    @Override
    public Dataset apply(Dataset data) {
        int d = edges.length;
        if (data.featureSize() != d) {
            throw new IllegalArgumentException(TYPE + " has " + d + " features, data has " + data.featureSize());
        }
        Plan p = plan();
        int out = p.column.length;
        float[] x = data.features();
        float[] y = new float[data.size() * out];
        for (int i = 0; i < data.size(); i++) {
            for (int k = 0; k < out; k++) {
                float v = (x[i * d + (int) p.column[k]] - p.lo[k]) / p.width[k];
                y[i * out + k] = Math.min(Math.max(v, p.lower[k]), p.upper[k]);
            }
        }
        return new Dataset(data.name(), y, data.targets(), Shape.vector(out));
    }

    @Override
    public OptionalInt inputWidth() {
        return OptionalInt.of(edges.length);
    }

    @Override
    public int outputWidth(int inputWidth) {
        int out = 0;
        for (float[] e : edges) {
            out += Math.max(1, e.length - 1);
        }
        return out;
    }

    @Override
    public void check(int features) {
        if (edges == null || edges.length != features) {
            throw new IllegalArgumentException(TYPE + " needs the edges of " + features + " features");
        }
        for (int j = 0; j < features; j++) {
            float[] e = edges[j];
            if (e == null || e.length == 0) {
                throw new IllegalArgumentException(TYPE + " feature " + j + " has no edges: expected at least one");
            }
            for (int t = 0; t < e.length; t++) {
                if (!Float.isFinite(e[t]) || (t > 0 && e[t] <= e[t - 1])) {
                    throw new IllegalArgumentException(TYPE + " feature " + j + " has edges " + Arrays.toString(e)
                            + ": expected finite numbers in ascending order, none repeated");
                }
            }
        }
    }

    @Override
    public String onnx(OnnxGraph graph, String input, int features) {
        Plan p = plan();
        int out = p.column.length;
        String gathered = graph.node(
                "Gather", List.of(input, graph.longs("ple_column", p.column)), OnnxGraph.Attribute.of("axis", 1));
        // the same order of operations as apply: subtract, divide, then the lower and upper bounds
        String shifted = graph.node("Sub", List.of(gathered, graph.floats("ple_lo", p.lo, out)));
        String scaled = graph.node("Div", List.of(shifted, graph.floats("ple_width", p.width, out)));
        String floored = graph.node("Max", List.of(scaled, graph.floats("ple_lower", p.lower, out)));
        return graph.node("Min", List.of(floored, graph.floats("ple_upper", p.upper, out)));
    }

    @Override
    public String describe() {
        return "piecewise-linear (quantile bins of the training part, up to " + Kind.MAX_BINS + " a feature)";
    }
}
