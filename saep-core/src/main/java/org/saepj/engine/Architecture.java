package org.saepj.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.saepj.data.Shape;
import org.saepj.engine.kernel.Kernels;
import org.saepj.engine.layer.Conv2DKind;
import org.saepj.engine.layer.DenseKind;
import org.saepj.engine.layer.FlattenKind;
import org.saepj.engine.layer.Layer;
import org.saepj.engine.layer.LayerGraph;
import org.saepj.engine.layer.LayerSpec;
import org.saepj.engine.layer.MaxPoolKind;
import org.saepj.engine.layer.ReluKind;

/**
 * The structure of a subnetwork (spec §3): what the search proposes and what a saved ensemble records. Every
 * architecture is a {@link LayerGraph}; the paper's families ({@link DenseStack}, {@link ConvNet}) describe theirs in a
 * few numbers and keep their own stored form, and {@link GraphArchitecture} holds any graph.
 */
public interface Architecture {
    /**
     * The layers as a graph: the one description a {@link Network} runs, so the order of its nodes is the order of
     * the parameters and of their initialisation.
     *
     * @return the graph
     */
    LayerGraph graph();

    /**
     * @param kernels the matrix kernels the layers use
     * @return fresh layers, one per node of the {@link #graph()}, in order
     */
    default List<Layer> layers(Kernels kernels) {
        return graph().layers(kernels);
    }

    /**
     * The layers for what they tell of sizes (outputs, parameters, scratch memory), not to run: built on the scalar
     * kernels, so a caller outside the engine needs no kernels.
     *
     * @return fresh layers, one per node of the {@link #graph()}, in order
     */
    default List<Layer> layers() {
        return layers(org.saepj.engine.kernel.KernelsProvider.scalar());
    }

    /** @return the input shape */
    Shape input();

    /** @return the number of output logits */
    int classes();

    /** @return "dnn" (or "linear" at depth 0) or "cnn" */
    String kind();

    /** @return the number of hidden layers (DNN) or 1 (CNN) */
    int depth();

    /** @return the complexity measure r(h) of spec §3: √depth for a DNN, 1 for the CNN */
    double complexity();

    /**
     * The number of parameters, computed without building the network, so a size read from a file can be
     * checked before anything is allocated.
     *
     * @return the parameter count
     */
    default long parameterCount() {
        return graph().parameterCount();
    }

    /**
     * The paper's DNN: {@code hidden.length} × [Dense(width, ReLU)] then Dense(classes). With no hidden layer
     * it is a linear model. Also describes the MLP 784-512-10 of the benchmark.
     *
     * @param input the input shape (flattened)
     * @param hidden the width of each hidden layer
     * @param classes the number of classes
     */
    record DenseStack(Shape input, int[] hidden, int classes) implements Architecture {
        /**
         * Copies the widths and checks them.
         *
         * @param input the input shape (flattened)
         * @param hidden the width of each hidden layer
         * @param classes the number of classes
         */
        public DenseStack {
            hidden = hidden.clone();
            for (int width : hidden) {
                if (width <= 0) {
                    throw new IllegalArgumentException("hidden widths must be positive: " + Arrays.toString(hidden));
                }
            }
            if (classes < 1) {
                throw new IllegalArgumentException("at least 1 output needed, got " + classes);
            }
        }

        /**
         * @param input the input shape
         * @param depth hidden layers
         * @param width units per hidden layer
         * @param classes the number of classes
         * @return the paper's DNN of the given depth
         */
        public static DenseStack dnn(Shape input, int depth, int width, int classes) {
            int[] hidden = new int[depth];
            Arrays.fill(hidden, width);
            return new DenseStack(input, hidden, classes);
        }

        /** @return [flatten (images only)], hidden × [dense(width), relu], dense(classes): a chain */
        @Override
        public LayerGraph graph() {
            List<LayerSpec> layers = new ArrayList<>();
            if (input.isImage()) {
                layers.add(new FlattenKind.Spec());
            }
            for (int width : hidden) {
                layers.add(new DenseKind.Spec(width));
                layers.add(new ReluKind.Spec());
            }
            layers.add(new DenseKind.Spec(classes));
            return LayerGraph.chain(input, layers);
        }

        @Override
        public String kind() {
            return hidden.length == 0 ? "linear" : "dnn";
        }

        @Override
        public int depth() {
            return hidden.length;
        }

        @Override
        public double complexity() {
            return Math.sqrt(hidden.length);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof DenseStack d
                    && d.input.equals(input)
                    && Arrays.equals(d.hidden, hidden)
                    && d.classes == classes;
        }

        @Override
        public int hashCode() {
            return 31 * (31 * input.hashCode() + Arrays.hashCode(hidden)) + classes;
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder().append(input.size());
            for (int width : hidden) {
                sb.append('-').append(width);
            }
            return sb.append('-').append(classes).toString();
        }
    }

    /**
     * One convolution block of a {@link ConvNet}: Conv(filters, K×K, same) + ReLU → MaxPool 2×2.
     *
     * @param filters the convolution's filters
     * @param kernel K: 3 or 5
     */
    record ConvBlock(int filters, int kernel) {
        /**
         * Checks the sizes.
         *
         * @param filters the convolution's filters
         * @param kernel K: 3 or 5
         */
        public ConvBlock {
            if (filters < 1 || kernel != 3 && kernel != 5) {
                throw new IllegalArgumentException("a convolution block needs filters ≥ 1 and a 3×3 or 5×5 kernel, got "
                        + filters + " filters of " + kernel + "×" + kernel);
            }
        }
    }

    /**
     * A CNN: 1 to 4 blocks of Conv(filters, K×K, same) + ReLU → MaxPool 2×2, then Flatten → Dense(dense, ReLU) →
     * Dense(classes). The paper's CNN is one 3×3 block of 16 filters and 64 dense units.
     *
     * @param input the image shape
     * @param blocks the convolution blocks, in order
     * @param dense units of the hidden dense layer
     * @param classes the number of classes
     */
    record ConvNet(Shape input, List<ConvBlock> blocks, int dense, int classes) implements Architecture {
        /** The most blocks a ConvNet has. */
        public static final int MAX_BLOCKS = 4;

        /**
         * @param input the image shape
         * @param filters the filters of its one 3×3 block
         * @param dense units of the hidden dense layer
         * @param classes the number of classes
         */
        public ConvNet(Shape input, int filters, int dense, int classes) {
            this(input, List.of(new ConvBlock(filters, 3)), dense, classes);
        }

        /**
         * @param input the image shape
         * @param classes the number of classes
         * @return the paper's CNN (one 3×3 block of 16 filters, 64 dense units)
         */
        public static ConvNet paper(Shape input, int classes) {
            return new ConvNet(input, 16, 64, classes);
        }

        /**
         * Checks the sizes.
         *
         * @param input the image shape
         * @param blocks the convolution blocks, in order
         * @param dense units of the hidden dense layer
         * @param classes the number of classes
         */
        public ConvNet {
            blocks = blocks == null ? null : List.copyOf(blocks);
            if (blocks == null || blocks.isEmpty() || blocks.size() > MAX_BLOCKS) {
                throw new IllegalArgumentException("a ConvNet has 1 to " + MAX_BLOCKS + " convolution blocks, got "
                        + (blocks == null ? 0 : blocks.size()));
            }
            int side = 1 << blocks.size();
            // one output is a regression's value
            if (dense < 1 || classes < 1 || input.height() < side || input.width() < side) {
                throw new IllegalArgumentException("a ConvNet of " + blocks.size()
                        + " blocks needs dense units ≥ 1, outputs ≥ 1 and" + " an image of at least " + side + "×"
                        + side + ", got " + dense + ", " + classes + ", " + input);
            }
        }

        /** @return the filters of the first block (the paper's CNN has one) */
        public int filters() {
            return blocks.get(0).filters();
        }

        /** @return blocks × [conv2d, max_pool, relu], flatten, dense(dense), relu, dense(classes): a chain */
        @Override
        public LayerGraph graph() {
            List<LayerSpec> layers = new ArrayList<>();
            for (ConvBlock b : blocks) {
                layers.add(new Conv2DKind.Spec(b.filters(), b.kernel()));
                // ReLU after the pooling, on a quarter of the values: max and ReLU commute exactly, forward and
                // backward (the gradient reaches the same position, or none when the window's maximum is ≤ 0).
                layers.add(new MaxPoolKind.Spec());
                layers.add(new ReluKind.Spec());
            }
            layers.add(new FlattenKind.Spec());
            layers.add(new DenseKind.Spec(dense));
            layers.add(new ReluKind.Spec());
            layers.add(new DenseKind.Spec(classes));
            return LayerGraph.chain(input, layers);
        }

        @Override
        public String kind() {
            return "cnn";
        }

        @Override
        public int depth() {
            return blocks.size();
        }

        @Override
        public double complexity() {
            return 1;
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            for (ConvBlock b : blocks) {
                sb.append("conv")
                        .append(b.filters())
                        .append(b.kernel() == 3 ? "" : "x" + b.kernel())
                        .append("-pool-");
            }
            return sb.append(dense).append('-').append(classes).toString();
        }
    }
}
