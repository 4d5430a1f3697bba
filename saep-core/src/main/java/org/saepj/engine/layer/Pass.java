package org.saepj.engine.layer;

/**
 * What a forward or backward pass tells its layers beyond the data: training or inference, the network's
 * non-trainable state (running statistics) and a random stream per layer and step for masks. One per network,
 * updated in place, so a step allocates nothing.
 *
 * <p>A layer's random stream is a function of the network's seed, the layer's node index and the training step
 * only, never of a thread or of another network, so results do not depend on the thread count.
 */
public final class Pass {
    private boolean training;
    private float[] state;
    private long seed;
    private long step;
    private Chunks chunks = Chunks.SEQUENTIAL;

    /**
     * @param state the network's state array
     */
    public Pass(float[] state) {
        this.state = state;
    }

    /** @return true while training (batch statistics, masks), false for inference (running statistics, no masks) */
    public boolean training() {
        return training;
    }

    /**
     * The network's non-trainable state, laid out by node as the parameters are: a layer's part starts at its
     * {@link Layer#stateOffset()}.
     *
     * @return the live state array
     */
    public float[] state() {
        return state;
    }

    /** @return the training steps taken so far */
    public long step() {
        return step;
    }

    /**
     * @param layer a layer of the network
     * @return the seed of that layer's random stream at this step: draw with {@link #uniform(long, long)}
     */
    public long seed(Layer layer) {
        return mix(mix(mix(seed) ^ layer.index()) ^ step);
    }

    /**
     * A counter-based uniform draw: the i-th value of the stream of a seed, computed directly so a mask over a batch
     * needs no generator object and the same element gets the same value however the work is split.
     *
     * @param seed a stream's seed, from {@link #seed(Layer)}
     * @param i the element's index
     * @return a float in [0, 1)
     */
    public static float uniform(long seed, long i) {
        return (mix(seed + i * 0x9E3779B97F4A7C15L) >>> 40) * 0x1.0p-24f;
    }

    /** SplitMix64's finaliser: consecutive inputs give independent-looking outputs. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Sets the mode of the passes that follow; called by the network.
     *
     * @param training true for training
     */
    public void training(boolean training) {
        this.training = training;
    }

    /**
     * Sets the seed the random streams derive from; called by the network when it is initialised.
     *
     * @param seed the network's seed
     */
    public void seed(long seed) {
        this.seed = seed;
    }

    /** @return the seed the random streams derive from */
    public long seed() {
        return seed;
    }

    /**
     * Counts a training step; called by the network after each update, so each step draws new masks.
     */
    public void advance() {
        step++;
    }

    /**
     * @return who runs the independent chunks of a layer's pass: the calling thread alone unless the network was
     *     given idle threads to share ({@link #chunks(Chunks)})
     */
    public Chunks chunks() {
        return chunks;
    }

    /**
     * Sets who runs the independent chunks of the layers' passes; called by the network.
     *
     * @param chunks the calling thread alone ({@link Chunks#SEQUENTIAL}) or with idle threads
     */
    public void chunks(Chunks chunks) {
        this.chunks = chunks;
    }

    /**
     * Restores the step counter (a replica continues its original's streams).
     *
     * @param step the training steps taken
     */
    public void step(long step) {
        this.step = step;
    }
}
