package org.saepj.engine.layer;

/**
 * Joins inputs of one height and width along the channels (the features of a flat input): each position of the
 * output holds the first input's channels, then the second's, and so on.
 */
public final class Concat extends MergeLayer {
    private final int positions;
    private final int[] channels;
    private final int out;

    /**
     * @param positions height × width of every input (1 for flat inputs)
     * @param channels each input's channels, in order
     */
    public Concat(int positions, int... channels) {
        super(sizes(positions, channels));
        this.positions = positions;
        this.channels = channels.clone();
        int sum = 0;
        for (int c : channels) {
            sum += c;
        }
        this.out = sum;
    }

    private static int[] sizes(int positions, int[] channels) {
        int[] sizes = new int[channels.length];
        for (int k = 0; k < channels.length; k++) {
            sizes[k] = positions * channels[k];
        }
        return sizes;
    }

    @Override
    public int outputSize() {
        return positions * out;
    }

    @Override
    public void forward(float[] params, float[][] xs, float[] y, int batch) {
        int rows = batch * positions;
        int at = 0;
        for (int k = 0; k < xs.length; k++) {
            int c = channels[k];
            float[] x = xs[k];
            for (int r = 0; r < rows; r++) {
                System.arraycopy(x, r * c, y, r * out + at, c);
            }
            at += c;
        }
    }

    @Override
    public void backward(float[] params, float[][] xs, float[] y, float[] dy, float[][] dxs, float[] grads, int batch) {
        int rows = batch * positions;
        int at = 0;
        for (int k = 0; k < dxs.length; k++) {
            int c = channels[k];
            float[] dx = dxs[k];
            if (dx != null) {
                for (int r = 0; r < rows; r++) {
                    System.arraycopy(dy, r * out + at, dx, r * c, c);
                }
            }
            at += c;
        }
    }

    @Override
    public String toString() {
        return "Concat(" + java.util.Arrays.toString(channels).replace(", ", "+") + ")";
    }
}
