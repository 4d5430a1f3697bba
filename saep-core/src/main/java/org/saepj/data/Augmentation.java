package org.saepj.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * On-the-fly augmentation of training images: each sample of a batch is shifted by a random offset of up to
 * {@link #shift()} pixels in each direction, the uncovered border filled with 0 (the same as padding by that many
 * pixels and cropping at a random place), and, with {@link #flip()}, mirrored left to right with probability ½.
 * Images are height × width × channels ({@link Shape}); tabular rows cannot be augmented.
 *
 * <p>The draws of a batch come from a stream derived from a seed and the step alone, so a batch is augmented the same
 * whatever thread trains it, in whatever order, and a resumed search augments as an uninterrupted one.
 *
 * @param shift the largest offset in pixels, 0 for none
 * @param flip whether to mirror half of the images left to right
 */
public record Augmentation(int shift, boolean flip) {
    /** No augmentation: today's and the paper's training. */
    public static final Augmentation NONE = new Augmentation(0, false);

    /** The offset {@code shift} without a number gives: the usual "pad 4, crop at random". */
    public static final int DEFAULT_SHIFT = 4;

    /**
     * Checks the offset.
     *
     * @param shift the largest offset in pixels, 0 for none
     * @param flip whether to mirror half of the images left to right
     */
    public Augmentation {
        if (shift < 0) {
            throw new IllegalArgumentException("the shift must be 0 or more pixels, got " + shift);
        }
    }

    /**
     * Reads the typed or stored form: a comma-separated list of {@code shift} (or {@code shift=N} pixels) and
     * {@code flip}; {@code none} or an empty text for none.
     *
     * @param text the list
     * @return the augmentation
     * @throws IllegalArgumentException naming what is not understood and what is accepted
     */
    public static Augmentation parse(String text) {
        int shift = 0;
        boolean flip = false;
        for (String part : text.split(",", -1)) {
            String p = part.strip();
            if (p.isEmpty() || p.equals("none")) {
                continue;
            }
            if (p.equals("flip")) {
                flip = true;
            } else if (p.equals("shift")) {
                shift = DEFAULT_SHIFT;
            } else if (p.startsWith("shift=")) {
                shift = pixels(p.substring("shift=".length()));
            } else {
                throw new IllegalArgumentException(
                        "'" + p + "' is not understood: expected shift, shift=PIXELS or flip, separated by commas");
            }
        }
        return new Augmentation(shift, flip);
    }

    private static int pixels(String n) {
        try {
            int v = Integer.parseInt(n.strip());
            if (v >= 1) {
                return v;
            }
        } catch (NumberFormatException e) {
            // the message below says what was expected
        }
        throw new IllegalArgumentException("shift=" + n + ": expected a whole number of pixels of at least 1");
    }

    /** @return true when nothing is changed */
    @com.fasterxml.jackson.annotation.JsonIgnore // a property of the value, not a setting to store
    public boolean isNone() {
        return shift == 0 && !flip;
    }

    /**
     * Checks that the data can be augmented.
     *
     * @param shape the samples' shape
     * @return null when it can, else what is wrong, for a message
     */
    public String unfitFor(Shape shape) {
        if (isNone() || shape.isImage()) {
            return null;
        }
        return "needs images, and the samples are rows of " + shape.size() + " features";
    }

    /**
     * Augments a batch in place.
     *
     * @param x the batch, {@code batch × shape.size()}, overwritten with the augmented images
     * @param batch the number of samples
     * @param shape the image shape
     * @param seed the stream of this training run
     * @param step the step, which with the seed fixes every draw
     * @param scratch a buffer of at least {@code shape.size()} values
     */
    public void apply(float[] x, int batch, Shape shape, long seed, long step, float[] scratch) {
        if (isNone()) {
            return;
        }
        SplittableRandom rng = new SplittableRandom(seed ^ (step * 0x9E3779B97F4A7C15L));
        int size = shape.size();
        for (int i = 0; i < batch; i++) {
            // every draw is made, used or not, so the shift's stream does not depend on the flip and back
            int dy = rng.nextInt(2 * shift + 1) - shift;
            int dx = rng.nextInt(2 * shift + 1) - shift;
            boolean mirror = rng.nextBoolean() && flip;
            System.arraycopy(x, i * size, scratch, 0, size);
            transform(scratch, 0, x, i * size, shape, dy, dx, mirror);
        }
    }

    /**
     * Writes one image moved down by {@code dy} and right by {@code dx} pixels (negative: up, left), the uncovered
     * border 0, then mirrored left to right when asked.
     *
     * @param src the source values
     * @param from where the source image starts
     * @param dst where the result goes
     * @param to where the result starts
     * @param shape the image shape
     * @param dy rows down
     * @param dx columns right
     * @param mirror whether to mirror the moved image
     */
    public static void transform(
            float[] src, int from, float[] dst, int to, Shape shape, int dy, int dx, boolean mirror) {
        int h = shape.height();
        int w = shape.width();
        int c = shape.channels();
        int row = w * c;
        // the columns that receive a pixel: col − dx within the image
        int first = Math.max(0, dx);
        int end = Math.min(w, w + dx);
        for (int r = 0; r < h; r++) {
            int sr = r - dy;
            int out = to + r * row;
            if (sr < 0 || sr >= h || first >= end) {
                java.util.Arrays.fill(dst, out, out + row, 0f);
                continue;
            }
            int in = from + sr * row;
            if (!mirror) {
                // one run per row: fill, the moved pixels, fill
                java.util.Arrays.fill(dst, out, out + first * c, 0f);
                System.arraycopy(src, in + (first - dx) * c, dst, out + first * c, (end - first) * c);
                java.util.Arrays.fill(dst, out + end * c, out + row, 0f);
                continue;
            }
            for (int col = 0; col < w; col++) {
                int moved = w - 1 - col;
                int at = out + col * c;
                if (moved < first || moved >= end) {
                    java.util.Arrays.fill(dst, at, at + c, 0f);
                } else {
                    int sc = in + (moved - dx) * c;
                    for (int k = 0; k < c; k++) {
                        dst[at + k] = src[sc + k];
                    }
                }
            }
        }
    }

    @Override
    public String toString() {
        if (isNone()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        if (shift > 0) {
            parts.add("shift=" + shift);
        }
        if (flip) {
            parts.add("flip");
        }
        return String.join(",", parts);
    }
}
