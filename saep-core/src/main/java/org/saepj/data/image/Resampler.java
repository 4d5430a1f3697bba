package org.saepj.data.image;

/**
 * Resizes and converts {@link Pixels} with SAEP-J's own float arithmetic, so the samples are the same bit for bit on
 * every machine and JDK (java.awt's scaling may run native code and passes grey images through colour-space
 * conversions). Each axis on its own: a shrunk axis averages the source pixels each target pixel covers, weighted by
 * the part covered (area averaging), a grown axis interpolates linearly between the two nearest source pixel centres
 * (bilinear, edges clamped).
 */
public final class Resampler {
    /** ITU-R BT.601 luma weights: colour to grey as the JPEG and most image tools do it. */
    private static final float RED = 0.299f;

    private static final float GREEN = 0.587f;
    private static final float BLUE = 0.114f;

    private Resampler() {}

    /**
     * @param image an image
     * @param size the target size, or null to keep its own
     * @param channels the target channels, 1 or 3
     * @return the image at that size with that many channels (the same object when nothing changes)
     */
    public static Pixels convert(Pixels image, ImageSize size, int channels) {
        Pixels p = channels(image, channels);
        return size == null ? p : resize(p, size.height(), size.width());
    }

    /**
     * @param image an image
     * @param channels 1 (colour becomes its luma) or 3 (grey is repeated in each channel)
     * @return the image with that many channels
     */
    public static Pixels channels(Pixels image, int channels) {
        if (image.channels() == channels) {
            return image;
        }
        int n = image.height() * image.width();
        float[] from = image.values();
        float[] to = new float[n * channels];
        for (int i = 0; i < n; i++) {
            if (channels == 3) {
                to[3 * i] = from[i];
                to[3 * i + 1] = from[i];
                to[3 * i + 2] = from[i];
            } else {
                to[i] = RED * from[3 * i] + GREEN * from[3 * i + 1] + BLUE * from[3 * i + 2];
            }
        }
        return new Pixels(image.height(), image.width(), channels, to);
    }

    /**
     * @param image an image
     * @param height the target rows
     * @param width the target columns
     * @return the image at that size (the same object when it already is)
     */
    public static Pixels resize(Pixels image, int height, int width) {
        if (image.height() == height && image.width() == width) {
            return image;
        }
        int c = image.channels();
        Taps cols = Taps.of(image.width(), width);
        Taps rows = Taps.of(image.height(), height);
        float[] from = image.values();
        float[] across = new float[image.height() * width * c]; // columns first: source rows × target columns
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < width; x++) {
                for (int t = cols.start[x]; t < cols.start[x + 1]; t++) {
                    float wgt = cols.weight[t];
                    int src = (y * image.width() + cols.index[t]) * c;
                    int dst = (y * width + x) * c;
                    for (int k = 0; k < c; k++) {
                        across[dst + k] += wgt * from[src + k];
                    }
                }
            }
        }
        float[] to = new float[height * width * c];
        for (int y = 0; y < height; y++) {
            for (int t = rows.start[y]; t < rows.start[y + 1]; t++) {
                float wgt = rows.weight[t];
                int src = rows.index[t] * width * c;
                int dst = y * width * c;
                for (int j = 0; j < width * c; j++) {
                    to[dst + j] += wgt * across[src + j];
                }
            }
        }
        return new Pixels(height, width, c, to);
    }

    /**
     * For each target pixel of one axis, the source pixels it draws on and their weights (summing to 1): target
     * {@code i}'s taps are {@code index[start[i]..start[i+1])}.
     */
    private record Taps(int[] start, int[] index, float[] weight) {
        static Taps of(int from, int to) {
            int[] start = new int[to + 1];
            java.util.List<Integer> idx = new java.util.ArrayList<>();
            java.util.List<Float> wgt = new java.util.ArrayList<>();
            double scale = (double) from / to;
            for (int i = 0; i < to; i++) {
                start[i] = idx.size();
                if (scale >= 1) {
                    // area: target pixel i covers source [i·scale, (i+1)·scale)
                    double lo = i * scale;
                    double hi = (i + 1) * scale;
                    for (int s = (int) Math.floor(lo); s < Math.min(from, (int) Math.ceil(hi)); s++) {
                        double covered = Math.min(hi, s + 1) - Math.max(lo, s);
                        if (covered > 0) {
                            idx.add(s);
                            wgt.add((float) (covered / scale));
                        }
                    }
                } else {
                    // bilinear between the two source centres around target pixel i's centre
                    double centre = Math.max(0, Math.min(from - 1, (i + 0.5) * scale - 0.5));
                    int left = (int) Math.floor(centre);
                    int right = Math.min(from - 1, left + 1);
                    double f = centre - left;
                    idx.add(left);
                    wgt.add((float) (1 - f));
                    if (right != left && f > 0) {
                        idx.add(right);
                        wgt.add((float) f);
                    }
                }
            }
            start[to] = idx.size();
            int[] index = new int[idx.size()];
            float[] weight = new float[idx.size()];
            for (int t = 0; t < index.length; t++) {
                index[t] = idx.get(t);
                weight[t] = wgt.get(t);
            }
            return new Taps(start, index, weight);
        }
    }
}
