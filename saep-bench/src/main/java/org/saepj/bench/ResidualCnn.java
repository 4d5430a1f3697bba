package org.saepj.bench;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import java.util.ArrayList;
import java.util.List;
import org.saepj.data.Shape;
import org.saepj.engine.GraphArchitecture;
import org.saepj.engine.layer.AddKind;
import org.saepj.engine.layer.BatchNormKind;
import org.saepj.engine.layer.Conv2DKind;
import org.saepj.engine.layer.DenseKind;
import org.saepj.engine.layer.FlattenKind;
import org.saepj.engine.layer.LayerGraph;
import org.saepj.engine.layer.LayerSpec;
import org.saepj.engine.layer.MaxPoolKind;
import org.saepj.engine.layer.ReluKind;

/**
 * The benchmark's residual CNN with batch normalisation, the network of examples/spaces/residual-cnn.json with a
 * logits head: a 3×3 convolution stem, batch normalisation, ReLU and 2×2 max pooling; {@code blocks} residual blocks
 * (3×3 conv, batch norm, ReLU, 3×3 conv, batch norm, added to the block's input, ReLU); 2×2 max pooling, flatten,
 * optionally a hidden dense layer with ReLU (the {@code tta} row's network, as in examples/spaces/residual-cnn.json),
 * and a dense layer to the classes. Built once as our layer graph and once as DJL blocks, layer for layer.
 *
 * @param input the image shape
 * @param filters the filters of every convolution
 * @param blocks the residual blocks, at least 1
 * @param dense the units of the hidden dense layer before the head, 0 for none (the {@code res} rows' network)
 * @param classes the number of classes
 */
record ResidualCnn(Shape input, int filters, int blocks, int dense, int classes) {
    /** Batch normalisation's weight of a batch in the running statistics, PyTorch's default (as in the example). */
    static final float MOMENTUM = 0.1f;
    /** Batch normalisation's ε, PyTorch's default. */
    static final float EPSILON = 1e-5f;

    ResidualCnn {
        if (filters < 1 || blocks < 1 || dense < 0 || classes < 2 || !input.isImage()) {
            throw new IllegalArgumentException("a residual CNN needs filters ≥ 1, blocks ≥ 1, dense ≥ 0, classes ≥ 2"
                    + " and an image input, got " + filters + ", " + blocks + ", " + dense + ", " + classes + ", "
                    + input);
        }
    }

    /**
     * The network without a hidden dense layer, the {@code res} rows'.
     *
     * @param input the image shape
     * @param filters the filters of every convolution
     * @param blocks the residual blocks, at least 1
     * @param classes the number of classes
     */
    ResidualCnn(Shape input, int filters, int blocks, int classes) {
        this(input, filters, blocks, 0, classes);
    }

    /**
     * @return the name of its bench rows, e.g. {@code res-conv16-bn-2blocks-pool-10}, or with the hidden dense layer
     *     {@code res-conv32-bn-1blocks-pool-128-10}
     */
    String name() {
        return "res-conv" + filters + "-bn-" + blocks + "blocks-pool-" + (dense > 0 ? dense + "-" : "") + classes;
    }

    /** @return the network as our layer graph, in the family the search knows as "resnet" */
    GraphArchitecture architecture() {
        List<LayerGraph.Node> nodes = new ArrayList<>();
        String last = add(nodes, "stem_conv", new Conv2DKind.Spec(filters, 3), LayerGraph.INPUT);
        last = add(nodes, "stem_bn", new BatchNormKind.Spec(MOMENTUM, EPSILON), last);
        last = add(nodes, "stem_relu", new ReluKind.Spec(), last);
        last = add(nodes, "stem_pool", new MaxPoolKind.Spec(), last);
        for (int b = 0; b < blocks; b++) {
            String p = "res" + b + "_";
            String in = last;
            last = add(nodes, p + "conv1", new Conv2DKind.Spec(filters, 3), in);
            last = add(nodes, p + "bn1", new BatchNormKind.Spec(MOMENTUM, EPSILON), last);
            last = add(nodes, p + "relu1", new ReluKind.Spec(), last);
            last = add(nodes, p + "conv2", new Conv2DKind.Spec(filters, 3), last);
            last = add(nodes, p + "bn2", new BatchNormKind.Spec(MOMENTUM, EPSILON), last);
            nodes.add(new LayerGraph.Node(p + "sum", new AddKind.Spec(), List.of(in, last)));
            last = add(nodes, p + "relu2", new ReluKind.Spec(), p + "sum");
        }
        last = add(nodes, "out_pool", new MaxPoolKind.Spec(), last);
        last = add(nodes, "out_flat", new FlattenKind.Spec(), last);
        if (dense > 0) {
            last = add(nodes, "fc", new DenseKind.Spec(dense), last);
            last = add(nodes, "fc_relu", new ReluKind.Spec(), last);
        }
        add(nodes, "logits", new DenseKind.Spec(classes), last);
        int depth = 1 + 2 * blocks + (dense > 0 ? 1 : 0);
        return new GraphArchitecture(new LayerGraph(input, nodes), "resnet", depth, Math.sqrt(depth));
    }

    private static String add(List<LayerGraph.Node> nodes, String id, LayerSpec spec, String from) {
        nodes.add(new LayerGraph.Node(id, spec, List.of(from)));
        return id;
    }

    /** @return the same network as DJL blocks (NCHW; the bench's images have one channel, so HWC equals CHW) */
    Block djlBlock() {
        SequentialBlock net = new SequentialBlock()
                .add(conv())
                .add(batchNorm())
                .add(Activation::relu)
                .add(Pool.maxPool2dBlock(new ai.djl.ndarray.types.Shape(2, 2), new ai.djl.ndarray.types.Shape(2, 2)));
        for (int b = 0; b < blocks; b++) {
            SequentialBlock branch = new SequentialBlock()
                    .add(conv())
                    .add(batchNorm())
                    .add(Activation::relu)
                    .add(conv())
                    .add(batchNorm());
            net.add(new ParallelBlock(
                            parts -> new ai.djl.ndarray.NDList(parts.get(0)
                                    .singletonOrThrow()
                                    .add(parts.get(1).singletonOrThrow())),
                            List.of(branch, Blocks.identityBlock())))
                    .add(Activation::relu);
        }
        net.add(Pool.maxPool2dBlock(new ai.djl.ndarray.types.Shape(2, 2), new ai.djl.ndarray.types.Shape(2, 2)))
                .add(Blocks.batchFlattenBlock());
        if (dense > 0) {
            net.add(Linear.builder().setUnits(dense).build()).add(Activation::relu);
        }
        return net.add(Linear.builder().setUnits(classes).build());
    }

    private Block conv() {
        return Conv2d.builder()
                .setKernelShape(new ai.djl.ndarray.types.Shape(3, 3))
                .optPadding(new ai.djl.ndarray.types.Shape(1, 1))
                .setFilters(filters)
                .build();
    }

    /** DJL's momentum is the weight of the running statistics, so PyTorch's 0.1 is its 0.9. */
    private static Block batchNorm() {
        return BatchNorm.builder().optMomentum(1 - MOMENTUM).optEpsilon(EPSILON).build();
    }
}
