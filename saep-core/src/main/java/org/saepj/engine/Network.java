package org.saepj.engine;

import java.util.List;
import java.util.SplittableRandom;
import org.saepj.data.Dataset;
import org.saepj.engine.kernel.Kernels;
import org.saepj.engine.layer.Chunks;
import org.saepj.engine.layer.InferencePlan;
import org.saepj.engine.layer.Layer;
import org.saepj.engine.layer.LayerGraph;
import org.saepj.engine.layer.MergeLayer;
import org.saepj.engine.layer.Pass;
import org.saepj.engine.layer.TrainingPlan;
import org.saepj.engine.optim.Optimizer;
import org.saepj.task.Loss;

/**
 * A subnetwork: its architecture's {@link LayerGraph} run node by node, with all parameters in one flat float array
 * laid out in node order.
 *
 * <p>A chain (each node reading the one before) runs as a plain sequence, unless its {@link TrainingPlan} runs some
 * nodes together in training (then as a graph, with the plan's bit-exact runs only). In any other graph a merge node
 * reads several outputs, and a node whose output several nodes read receives the sum of their gradients: the last
 * reader in node order writes it, the earlier ones add theirs in descending node order, so results do not vary.
 *
 * <p>Layers that keep non-trainable state (running statistics) keep it in the network's state array, laid out by node
 * like the parameters, and see the mode of each pass — training in {@link #lossAndGradients}, inference in
 * {@link #forward(float[], int)} — through one {@link Pass}, which also gives each layer a random stream per step
 * derived from the seed of {@link #initialize}.
 *
 * <p>Activation buffers are allocated for the largest batch seen and reused, so a training loop at a fixed
 * batch size allocates nothing. A network is used by one thread at a time; different networks train
 * concurrently without sharing anything.
 */
public final class Network {
    /**
     * Samples per chunk of batched inference. Measured on the paper's networks, 64-sample chunks ran 1.5–1.7×
     * faster than 512 (a CNN chunk's buffers then fit in the caches: about 19 MB instead of 150 MB), and they
     * match the default batch, so a trained network reuses its training buffers. A sample's logits do not
     * depend on the chunk size (tested).
     */
    public static final int INFERENCE_CHUNK = 64;

    /**
     * Row ranges a batched inference ({@link #logits(Dataset)}) is cut into when idle threads may help
     * ({@link Chunks#mayShare()}): fixed, never the thread count, so the same chunks go through the same calls. Two,
     * as a default search on 2 threads has one idle thread for a candidate still training beside a finished one: each
     * range beyond the first is computed by a replica that keeps its buffers (a CNN's 64-sample ones hold tens of
     * megabytes) until {@link #releaseBuffers()}; four ranges through replicas made at every call cost 6–14% more CPU
     * in a short search (docs/BENCHMARKS.md).
     */
    static final int INFERENCE_RANGES = 2;

    private final Architecture architecture;
    private final LayerGraph graph;
    private final List<Layer> layers;
    private final float[] params;
    private final float[] grads;
    private final float[] state;
    private final Pass pass;
    private final Kernels kernels;
    private float[][] acts = new float[0][];
    private float[][] deltas = new float[0][];
    private int capacity;
    private int[] identityRows = new int[0];
    /** Whether layer i must compute its input gradient: only when some earlier layer has parameters. */
    private final boolean[] needsInputGradient;
    /** Whether the graph is a chain: then the plain sequence runs, with no bookkeeping per node. */
    private final boolean chain;
    /** Per node, where each input is in {@link #acts}: 0 for the network's input, i + 1 for node i's output. */
    private final int[][] reads;
    /** Per node, whether the node or one it reads (directly or not) has parameters, so it must be back-propagated. */
    private final boolean[] needsGradient;
    /** Per node and input: whether a later reader already wrote that input's gradient, so this one adds to it. */
    private final boolean[][] addsGradient;
    /** Per merge node, its inputs and their gradients: arrays filled at each pass, allocated once. */
    private final float[][][] mergeInputs;

    private final float[][][] mergeGradients;
    /** Gradients to be added into a shared input's: one buffer per input position of a node. */
    private float[][] partial = new float[0][];
    /** How inference runs the nodes: runs of a convolution, batch norm and ReLU as one sweep; null when none fuse. */
    private final InferencePlan inference;

    /**
     * The replicas that compute the row ranges of a shared {@link #logits(Dataset)} beyond the first, by range (the
     * first is null), kept with their buffers between calls; null until one is needed and after
     * {@link #releaseBuffers()}.
     */
    private Network[] rangeReplicas;
    /** How a graph's training passes run: a batch norm and the ReLU reading it as one call; null when none fuse. */
    private final TrainingPlan training;

    /**
     * Builds the network with zero parameters; call {@link #initialize} or {@link #setParameters}.
     *
     * @param architecture the structure
     * @param kernels the matrix kernels
     */
    public Network(Architecture architecture, Kernels kernels) {
        this(architecture, kernels, true);
    }

    /**
     * @param architecture the structure
     * @param kernels the matrix kernels
     * @param fuseTraining false to run every training pass node by node (the reference the fused passes must match)
     */
    Network(Architecture architecture, Kernels kernels, boolean fuseTraining) {
        this.architecture = architecture;
        this.graph = architecture.graph();
        this.layers = graph.layers(kernels);
        int offset = 0;
        for (Layer layer : layers) {
            layer.place(offset);
            offset += layer.parameterCount();
        }
        this.needsInputGradient = new boolean[layers.size()];
        boolean trainableBefore = false;
        for (int i = 0; i < layers.size(); i++) {
            needsInputGradient[i] = trainableBefore;
            trainableBefore |= layers.get(i).parameterCount() > 0;
        }
        this.params = new float[offset];
        this.grads = new float[offset];
        int stateAt = 0;
        for (int i = 0; i < layers.size(); i++) {
            layers.get(i).placeState(i, stateAt);
            stateAt += layers.get(i).stateCount();
        }
        this.state = new float[stateAt];
        for (Layer layer : layers) {
            layer.initializeState(state);
        }
        this.pass = new Pass(state);
        this.kernels = kernels;
        this.chain = graph.isChain();
        int n = layers.size();
        this.reads = new int[n][];
        this.needsGradient = new boolean[n];
        this.addsGradient = new boolean[n][];
        this.mergeInputs = new float[n][][];
        this.mergeGradients = new float[n][][];
        for (int i = 0; i < n; i++) {
            int[] in = graph.inputsOf(i);
            reads[i] = new int[in.length];
            needsGradient[i] = layers.get(i).parameterCount() > 0;
            for (int k = 0; k < in.length; k++) {
                reads[i][k] = in[k] + 1;
                needsGradient[i] |= in[k] >= 0 && needsGradient[in[k]];
            }
            if (layers.get(i) instanceof MergeLayer) {
                mergeInputs[i] = new float[in.length][];
                mergeGradients[i] = new float[in.length][];
            }
        }
        InferencePlan plan = new InferencePlan(graph, layers);
        this.inference = plan.fuses() ? plan : null;
        // A chain (the paper's networks among them) keeps the bits of its layers one by one: no stem's run.
        TrainingPlan pairs = new TrainingPlan(graph, layers, !chain);
        this.training = fuseTraining && pairs.fuses() ? pairs : null;
        // Back-propagation visits nodes last to first: the first reader met writes a shared input's gradient.
        boolean[] written = new boolean[n + 1];
        for (int i = n - 1; i >= 0; i--) {
            addsGradient[i] = new boolean[reads[i].length];
            for (int k = 0; k < reads[i].length; k++) {
                addsGradient[i][k] = written[reads[i][k]];
                written[reads[i][k]] = true;
            }
        }
    }

    /**
     * Draws the initial parameters from a seed, layer by layer, and resets the state; the seed is also the root of the
     * layers' random streams.
     *
     * @param seed the seed
     * @return this network
     */
    public Network initialize(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        for (Layer layer : layers) {
            layer.initialize(params, rng);
            layer.initializeState(state);
        }
        pass.seed(seed);
        pass.step(0);
        return this;
    }

    /**
     * @return the seed of {@link #initialize}, the root of the layers' random streams: a backend that trains the
     *     network elsewhere draws the same dropout masks from it
     */
    public long seed() {
        return pass.seed();
    }

    /** @return the structure */
    public Architecture architecture() {
        return architecture;
    }

    /** @return the graph the network runs */
    public LayerGraph graph() {
        return graph;
    }

    /** @return the layers, one per node of the {@link #graph()}, in order */
    public List<Layer> layers() {
        return layers;
    }

    /** @return the number of trainable parameters */
    public int parameterCount() {
        return params.length;
    }

    /** @return the name of the kernels in use */
    public String kernelsName() {
        return kernels.name();
    }

    /**
     * The live parameter array: exposed for optimizers, serialisation and tests; do not resize.
     *
     * @return the parameters
     */
    public float[] parameters() {
        return params;
    }

    /**
     * The gradient of the last {@link #lossAndGradients} call, same layout as the parameters.
     *
     * @return the gradient array
     */
    public float[] gradients() {
        return grads;
    }

    /**
     * The live non-trainable state (running statistics), laid out by node: exposed for serialisation and tests.
     *
     * @return the state, empty when no layer keeps any
     */
    public float[] state() {
        return state;
    }

    /**
     * Replaces the state.
     *
     * @param values exactly {@code state().length} values
     */
    public void setState(float[] values) {
        if (values.length != state.length) {
            throw new IllegalArgumentException(
                    architecture + " keeps " + state.length + " state values, got " + values.length);
        }
        System.arraycopy(values, 0, state, 0, state.length);
    }

    /**
     * Replaces all parameters.
     *
     * @param values exactly {@link #parameterCount()} values
     */
    public void setParameters(float[] values) {
        if (values.length != params.length) {
            throw new IllegalArgumentException(
                    architecture + " has " + params.length + " parameters, got " + values.length);
        }
        System.arraycopy(values, 0, params, 0, params.length);
    }

    /**
     * Forward and backward pass: fills {@link #gradients()} without updating parameters.
     *
     * @param x inputs, {@code batch × inputSize}
     * @param loss the task's loss over the targets the rows name
     * @param rows the target row of each sample
     * @param batch the number of samples
     * @return the mean loss of the batch
     */
    public float lossAndGradients(float[] x, Loss loss, int[] rows, int batch) {
        forward(x, batch, true);
        int last = layers.size();
        float loss0 = loss.batch(acts[last], rows, batch, deltas[last]);
        if (!chain || training != null) {
            backwardGraph(batch);
            return loss0;
        }
        for (int i = last - 1; i >= 0; i--) {
            float[] in = i == 0 ? x : acts[i];
            float[] dx = needsInputGradient[i] ? deltas[i] : null;
            layers.get(i).backward(params, in, acts[i + 1], deltas[i + 1], dx, grads, batch, pass);
        }
        return loss0;
    }

    /**
     * Forward and backward pass of a batch whose targets are the loss's first {@code batch} rows, in order.
     *
     * @param x inputs, {@code batch × inputSize}
     * @param loss the task's loss over the batch's own targets
     * @param batch the number of samples
     * @return the mean loss of the batch
     */
    public float lossAndGradients(float[] x, Loss loss, int batch) {
        return lossAndGradients(x, loss, identityRows(batch), batch);
    }

    private int[] identityRows(int batch) {
        if (identityRows.length < batch) {
            identityRows = java.util.stream.IntStream.range(0, batch).toArray();
        }
        return identityRows;
    }

    /** Back-propagation through a graph: {@code acts[0]} holds the input of the forward pass just run. */
    private void backwardGraph(int batch) {
        for (int i = layers.size() - 1; i >= 0; i--) {
            if (!needsGradient[i]) {
                continue; // neither it nor anything before it has parameters
            }
            int[] in = reads[i];
            Layer layer = layers.get(i);
            if (training != null && training.absorbed(i)) {
                continue; // a node before runs this ReLU's (or pool's) backward pass with its own
            }
            if (training != null && training.rectifies(i)) {
                int out = i + training.span(i); // the slot of the run's last node
                int skip = training.skipInput(i);
                float[] skipDx = skip < 0 ? null : gradientTarget(i + 1, skip);
                training.backward(
                        i,
                        params,
                        acts[in[0]],
                        acts[out],
                        deltas[out],
                        gradientTarget(i, 0),
                        skipDx,
                        grads,
                        batch,
                        pass);
                if (skip >= 0) {
                    addPartial(i + 1, skip, batch); // the sum's node: its other input's gradient, as it would add it
                }
            } else if (layer instanceof MergeLayer merge) {
                float[][] xs = mergeInputs[i];
                float[][] dxs = mergeGradients[i];
                for (int k = 0; k < in.length; k++) {
                    xs[k] = acts[in[k]];
                    dxs[k] = gradientTarget(i, k);
                }
                merge.backward(params, xs, acts[i + 1], deltas[i + 1], dxs, grads, batch);
            } else {
                layer.backward(
                        params, acts[in[0]], acts[i + 1], deltas[i + 1], gradientTarget(i, 0), grads, batch, pass);
            }
            for (int k = 0; k < in.length; k++) {
                addPartial(i, k, batch);
            }
        }
    }

    /** Where node i's input k has a gradient already, adds the one node i wrote into {@link #partial}[k] to it. */
    private void addPartial(int i, int k, int batch) {
        int slot = reads[i][k];
        if (addsGradient[i][k] && wantsGradient(slot)) {
            float[] sum = deltas[slot];
            float[] part = partial[k];
            for (int j = 0, size = batch * layers.get(slot - 1).outputSize(); j < size; j++) {
                sum[j] += part[j];
            }
        }
    }

    /** Whether the output at {@code acts[slot]} needs a gradient: a node's output that leads back to parameters. */
    private boolean wantsGradient(int slot) {
        return slot > 0 && needsGradient[slot - 1];
    }

    /** Where node i writes the gradient of its input k: the reader's delta, a partial sum to add, or nowhere. */
    private float[] gradientTarget(int i, int k) {
        int slot = reads[i][k];
        if (!wantsGradient(slot)) {
            return null;
        }
        return addsGradient[i][k] ? partial[k] : deltas[slot];
    }

    /**
     * One training step: forward, backward and an optimizer update.
     *
     * @param x inputs, {@code batch × inputSize}
     * @param loss the task's loss over the targets the rows name
     * @param rows the target row of each sample
     * @param batch the number of samples
     * @param optimizer the optimizer holding this network's state
     * @return the mean loss of the batch before the update
     */
    public float trainStep(float[] x, Loss loss, int[] rows, int batch, Optimizer optimizer) {
        float value = lossAndGradients(x, loss, rows, batch);
        optimizer.step(params, grads);
        pass.advance();
        return value;
    }

    /**
     * One training step on a batch whose targets are the loss's first {@code batch} rows, in order.
     *
     * @param x inputs, {@code batch × inputSize}
     * @param loss the task's loss over the batch's own targets
     * @param batch the number of samples
     * @param optimizer the optimizer holding this network's state
     * @return the mean loss of the batch before the update
     */
    public float trainStep(float[] x, Loss loss, int batch, Optimizer optimizer) {
        return trainStep(x, loss, identityRows(batch), batch, optimizer);
    }

    /**
     * Forward pass of a batch for inference.
     *
     * @param x inputs, {@code batch × inputSize}
     * @param batch the number of samples
     * @return the logits, {@code batch × classes}, in a buffer reused by the next call
     */
    public float[] forward(float[] x, int batch) {
        return forward(x, batch, false);
    }

    /**
     * Forward pass of a batch in either mode. A training pass uses batch statistics and updates the running ones, and
     * draws this step's masks; it takes no step, so repeating it gives the same outputs.
     *
     * @param x inputs, {@code batch × inputSize}
     * @param batch the number of samples
     * @param training true for a training pass, false for inference
     * @return the logits, {@code batch × classes}, in a buffer reused by the next call
     */
    public float[] forward(float[] x, int batch, boolean training) {
        pass.training(training);
        ensureCapacity(batch);
        if (!training && inference != null) {
            return forwardPlanned(x, batch);
        }
        if (!chain || (training && this.training != null)) {
            return forwardGraph(x, batch);
        }
        float[] in = x;
        for (int i = 0; i < layers.size(); i++) {
            layers.get(i).forward(params, in, acts[i + 1], batch, pass);
            in = acts[i + 1];
        }
        return acts[layers.size()];
    }

    private float[] forwardGraph(float[] x, int batch) {
        acts[0] = x; // kept for the backward pass that may follow
        boolean fused = training != null && pass.training();
        for (int i = 0; i < layers.size(); i++) {
            int[] in = reads[i];
            if (fused && training.absorbed(i)) {
                continue; // a node before wrote this ReLU's (or pool's) output
            }
            if (fused && training.rectifies(i)) {
                int skip = training.skipInput(i);
                float[] skipped = skip < 0 ? null : acts[reads[i + 1][skip]];
                training.forward(i, params, acts[in[0]], skipped, acts[i + training.span(i)], batch, pass);
            } else if (layers.get(i) instanceof MergeLayer merge) {
                float[][] xs = mergeInputs[i];
                for (int k = 0; k < in.length; k++) {
                    xs[k] = acts[in[k]];
                }
                merge.forward(params, xs, acts[i + 1], batch);
            } else {
                layers.get(i).forward(params, acts[in[0]], acts[i + 1], batch, pass);
            }
        }
        return acts[layers.size()];
    }

    /**
     * Inference through the {@link #inference} plan: the nodes inside a fused run write no output (none but the run
     * reads it), and the run writes its last node's.
     */
    private float[] forwardPlanned(float[] x, int batch) {
        acts[0] = x;
        for (int i = 0; i < layers.size(); i++) {
            int span = inference.span(i);
            int[] in = reads[i];
            if (span > 1) {
                inference.run(i, params, state, acts[in[0]], acts[i + span], batch);
            } else if (span == 1 && layers.get(i) instanceof MergeLayer merge) {
                float[][] xs = mergeInputs[i];
                for (int k = 0; k < in.length; k++) {
                    xs[k] = acts[in[k]];
                }
                merge.forward(params, xs, acts[i + 1], batch);
            } else if (span == 1) {
                layers.get(i).forward(params, acts[in[0]], acts[i + 1], batch, pass);
            }
        }
        return acts[layers.size()];
    }

    /**
     * Batched inference over a whole dataset. On a thread whose chunks idle threads may take ({@link #shareWork}, a
     * candidate's early-stopping measurements and outputs) the rows go in two ranges of whole
     * {@link #INFERENCE_CHUNK}-sample chunks, each through the calls of one pass: the same logits, bit for bit.
     *
     * @param data the samples
     * @return the logits, {@code size × classes}
     */
    public float[] logits(Dataset data) {
        float[] out = new float[data.size() * architecture.classes()];
        int chunks = chunkCount(data);
        int ranges = Math.min(INFERENCE_RANGES, chunks);
        Chunks shared = pass.chunks();
        if (ranges < 2 || !shared.mayShare()) {
            logitsOfChunks(data, 0, chunks, out);
            return out;
        }
        if (rangeReplicas == null) {
            rangeReplicas = new Network[INFERENCE_RANGES];
        }
        // Range r's rows are written by one network only: this one for the first range, replica r for each other,
        // brought up to date by whoever runs the range (inference reads the parameters and state, never writes them).
        shared.run(ranges, r -> {
            Network net = r == 0 ? this : rangeReplica(r);
            net.logitsOfChunks(data, chunks * r / ranges, chunks * (r + 1) / ranges, out);
        });
        return out;
    }

    /** Replica {@code r} of the inference ranges, made on first use, with this network's parameters and state. */
    private Network rangeReplica(int r) {
        if (rangeReplicas[r] == null) {
            rangeReplicas[r] = replica();
        } else {
            bringUpToDate(rangeReplicas[r]);
        }
        return rangeReplicas[r];
    }

    /**
     * @param data the samples
     * @return the number of {@link #INFERENCE_CHUNK}-sample chunks batched inference splits the data into
     */
    public static int chunkCount(Dataset data) {
        return (data.size() + INFERENCE_CHUNK - 1) / INFERENCE_CHUNK;
    }

    /**
     * Batched inference over a range of the dataset's chunks. A chunk's logits depend only on its samples, so
     * ranges computed apart (by replicas, on other threads) fill the same numbers as one pass.
     *
     * @param data the samples
     * @param fromChunk the first chunk
     * @param toChunk one past the last chunk
     * @param out the logits of the whole dataset, {@code size × classes}; only this range's rows are written
     */
    public void logitsOfChunks(Dataset data, int fromChunk, int toChunk, float[] out) {
        int d = data.featureSize();
        int c = architecture.classes();
        float[] chunk = new float[Math.min(INFERENCE_CHUNK, data.size()) * d];
        for (int k = fromChunk; k < toChunk; k++) {
            int start = k * INFERENCE_CHUNK;
            int n = Math.min(INFERENCE_CHUNK, data.size() - start);
            System.arraycopy(data.features(), start * d, chunk, 0, n * d);
            float[] logits = forward(chunk, n);
            System.arraycopy(logits, 0, out, start * c, n * c);
        }
    }

    /**
     * A network with the same structure, kernels and parameters and buffers of its own, for inference on
     * another thread.
     *
     * @return the replica
     */
    public Network replica() {
        Network r = new Network(architecture, kernels);
        bringUpToDate(r);
        return r;
    }

    /** Gives a network of the same architecture this one's parameters, state and random stream position. */
    private void bringUpToDate(Network r) {
        r.setParameters(params);
        r.setState(state);
        r.pass.seed(pass.seed());
        r.pass.step(pass.step());
    }

    /**
     * Lets the layers' passes hand independent chunks (a convolution's images, its kernel gradient beside its input
     * gradient) to idle threads. The chunks write disjoint outputs with the calls of the single-threaded loops, so
     * the results are the same bits as with {@link Chunks#SEQUENTIAL}, the default. A {@link #replica()} starts
     * sequential.
     *
     * @param chunks who runs the chunks
     * @return this network
     */
    public Network shareWork(Chunks chunks) {
        pass.chunks(chunks);
        return this;
    }

    /**
     * Gathers a mini-batch from a dataset into a reusable buffer and takes a training step on it.
     *
     * @param data the training partition
     * @param loss the task's loss over the partition's targets
     * @param indices the sample indices of the batch
     * @param x a buffer of at least {@code indices.length × featureSize}
     * @param optimizer the optimizer
     * @return the mean loss of the batch
     * @throws IllegalArgumentException when the data's rows are not this network's input size
     */
    public float trainStep(Dataset data, Loss loss, int[] indices, float[] x, Optimizer optimizer) {
        int d = data.featureSize();
        if (d != architecture.input().size()) {
            // Rows of another width would be read at this network's stride: a wrong result, not an error, without this.
            throw new IllegalArgumentException(
                    "a network of " + architecture.input().size() + " inputs (" + architecture.input()
                            + ") cannot train on " + data.name() + ": " + d + " features a row");
        }
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(data.features(), indices[i] * d, x, i * d, d);
        }
        return trainStep(x, loss, indices, indices.length, optimizer);
    }

    /**
     * Frees the activation buffers (a CNN's buffers for a 64-sample chunk hold about 19 MB).
     * Frozen members call this after computing their outputs; the buffers come back on the next forward pass.
     */
    public void releaseBuffers() {
        rangeReplicas = null;
        acts = new float[0][];
        deltas = new float[0][];
        partial = new float[0][];
        capacity = 0;
        for (Layer layer : layers) {
            layer.releaseBuffers();
        }
    }

    private void ensureCapacity(int batch) {
        if (batch <= capacity) {
            return;
        }
        int n = layers.size();
        acts = new float[n + 1][];
        deltas = new float[n + 1][];
        int widest = 0;
        int shared = 0;
        for (int i = 0; i < n; i++) {
            acts[i + 1] = new float[batch * layers.get(i).outputSize()];
            deltas[i + 1] = new float[batch * layers.get(i).outputSize()];
            widest = Math.max(widest, layers.get(i).outputSize());
            for (int k = 0; k < addsGradient[i].length; k++) {
                shared = addsGradient[i][k] ? Math.max(shared, k + 1) : shared;
            }
        }
        partial = new float[shared][batch * widest];
        capacity = batch;
    }

    @Override
    public String toString() {
        return architecture.kind() + " " + architecture + " " + layers;
    }
}
