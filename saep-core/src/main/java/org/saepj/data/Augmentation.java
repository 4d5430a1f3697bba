package org.saepj.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * On-the-fly augmentation of training images: each sample of a batch is shifted by a random offset of up to
 * {@link #shift()} pixels in each direction, the uncovered border filled with 0; with {@link #flip()}, mirrored left
 * to right with probability ½; with {@link #erase()}, a random rectangle of it set to 0 with probability ½ (after the
 * shift and the flip). Images are height × width × channels ({@link Shape}); tabular rows cannot be augmented.
 *
 * <p>The shift is exactly torchvision's {@code RandomCrop(size, padding=P)} with zero fill: padding by P pixels and
 * cropping the original size at an offset drawn uniformly from [0, 2P] in each direction leaves the image moved by
 * P − offset, uniform in [−P, P], the uncovered border 0 — what the shift does. {@code crop} names it so; without a
 * number of pixels it pads 4 on images of at least 32 pixels a side and 2 on smaller ones (CIFAR's and MNIST's usual
 * padding). The erasing is torchvision's {@code RandomErasing()} with its defaults: probability 0.5, an area of 0.02
 * to 0.33 of the image, an aspect ratio of 0.3 to 3.3 (drawn on a log scale), up to 10 tries for a rectangle that
 * fits, value 0 on every channel.
 *
 * <p>The draws of a batch come from a stream derived from a seed and the step alone, so a batch is augmented the same
 * whatever thread trains it, in whatever order, and a resumed search augments as an uninterrupted one.
 *
 * @param shift the largest offset in pixels, 0 for none, {@link #CROP_FOR_IMAGE} for the image's usual padding
 * @param flip whether to mirror half of the images left to right
 * @param erase whether to erase a random rectangle of half of the images
 */
public record Augmentation(int shift, boolean flip, boolean erase) {
    /** No augmentation: today's and the paper's training. */
    public static final Augmentation NONE = new Augmentation(0, false, false);

    /** The offset {@code shift} without a number gives: the usual "pad 4, crop at random". */
    public static final int DEFAULT_SHIFT = 4;

    /** The shift of {@code crop} without a number: the padding {@link #padding} gives for the image's size. */
    public static final int CROP_FOR_IMAGE = -1;

    /** torchvision's RandomErasing defaults: probability, area range, aspect-ratio range, tries. */
    static final double ERASE_PROBABILITY = 0.5;

    static final double ERASE_MIN_AREA = 0.02;
    static final double ERASE_MAX_AREA = 0.33;
    static final double ERASE_MIN_RATIO = 0.3;
    static final double ERASE_MAX_RATIO = 3.3;
    static final int ERASE_TRIES = 10;

    /**
     * Checks the offset.
     *
     * @param shift the largest offset in pixels, 0 for none, {@link #CROP_FOR_IMAGE} for the image's usual padding
     * @param flip whether to mirror half of the images left to right
     * @param erase whether to erase a random rectangle of half of the images
     */
    public Augmentation {
        if (shift < CROP_FOR_IMAGE) {
            throw new IllegalArgumentException("the shift must be 0 or more pixels, got " + shift);
        }
    }

    /**
     * Shift and flip without erasing.
     *
     * @param shift the largest offset in pixels, 0 for none
     * @param flip whether to mirror half of the images left to right
     */
    public Augmentation(int shift, boolean flip) {
        this(shift, flip, false);
    }

    /**
     * The stored form, read: an augmentation stored before erasing existed has no {@code erase} and erases nothing.
     *
     * @param shift the largest offset in pixels
     * @param flip whether to mirror half of the images
     * @param erase whether to erase a rectangle of half of the images; null when absent
     * @return the augmentation
     */
    @com.fasterxml.jackson.annotation.JsonCreator
    static Augmentation stored(
            @com.fasterxml.jackson.annotation.JsonProperty("shift") int shift,
            @com.fasterxml.jackson.annotation.JsonProperty("flip") boolean flip,
            @com.fasterxml.jackson.annotation.JsonProperty("erase") Boolean erase) {
        return new Augmentation(shift, flip, Boolean.TRUE.equals(erase));
    }

    /**
     * @param shape the images' shape
     * @return the largest offset in pixels on such images: {@link #shift()}, or for {@link #CROP_FOR_IMAGE} 4 when
     *     both sides have at least 32 pixels and 2 otherwise
     */
    public int padding(Shape shape) {
        if (shift != CROP_FOR_IMAGE) {
            return shift;
        }
        return Math.min(shape.height(), shape.width()) >= 32 ? 4 : 2;
    }

    /**
     * Reads the typed or stored form: a comma-separated list of {@code shift} (or {@code shift=N} pixels), its alias
     * {@code crop} (or {@code crop=P} pixels of padding), {@code flip} and {@code erase}; {@code none} or an empty
     * text for none.
     *
     * @param text the list
     * @return the augmentation
     * @throws IllegalArgumentException naming what is not understood and what is accepted
     */
    public static Augmentation parse(String text) {
        int shift = 0;
        boolean flip = false;
        boolean erase = false;
        for (String part : text.split(",", -1)) {
            String p = part.strip();
            if (p.isEmpty() || p.equals("none")) {
                continue;
            }
            if (p.equals("flip")) {
                flip = true;
            } else if (p.equals("erase")) {
                erase = true;
            } else if (p.equals("shift")) {
                shift = DEFAULT_SHIFT;
            } else if (p.equals("crop")) {
                shift = CROP_FOR_IMAGE;
            } else if (p.startsWith("shift=") || p.startsWith("crop=")) {
                shift = pixels(p);
            } else {
                throw new IllegalArgumentException("'" + p + "' is not understood: expected crop, crop=PIXELS, shift,"
                        + " shift=PIXELS, flip or erase, separated by commas");
            }
        }
        return new Augmentation(shift, flip, erase);
    }

    private static int pixels(String option) {
        String n = option.substring(option.indexOf('=') + 1);
        try {
            int v = Integer.parseInt(n.strip());
            if (v >= 1) {
                return v;
            }
        } catch (NumberFormatException e) {
            // the message below says what was expected
        }
        throw new IllegalArgumentException(option + ": expected a whole number of pixels of at least 1");
    }

    /** @return true when nothing is changed */
    @com.fasterxml.jackson.annotation.JsonIgnore // a property of the value, not a setting to store
    public boolean isNone() {
        return shift == 0 && !flip && !erase;
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
        int pad = padding(shape);
        for (int i = 0; i < batch; i++) {
            // every draw is made, used or not, so the shift's stream does not depend on the flip and back
            int dy = rng.nextInt(2 * pad + 1) - pad;
            int dx = rng.nextInt(2 * pad + 1) - pad;
            boolean mirror = rng.nextBoolean() && flip;
            if (dy != 0 || dx != 0 || mirror) {
                System.arraycopy(x, i * size, scratch, 0, size);
                transform(scratch, 0, x, i * size, shape, dy, dx, mirror);
            }
            // the erasing draws after the sample's shift and flip, and only when asked: without it every draw is as
            // before
            if (erase) {
                erase(x, i * size, shape, rng);
            }
        }
    }

    /**
     * torchvision's {@code RandomErasing.forward} and {@code get_params} with the default settings and value 0: with
     * probability ½, up to 10 tries of an area and a log-uniform aspect ratio, rounded half to even as Python's
     * {@code round}, until the rectangle fits inside the image; then its top-left corner uniformly among the places
     * where it fits.
     *
     * @param x the images
     * @param at where the image starts
     * @param shape its shape
     * @param rng the batch's stream
     */
    static void erase(float[] x, int at, Shape shape, SplittableRandom rng) {
        if (!(rng.nextDouble() < ERASE_PROBABILITY)) {
            return;
        }
        int h = shape.height();
        int w = shape.width();
        int c = shape.channels();
        double area = (double) h * w;
        double logLow = Math.log(ERASE_MIN_RATIO);
        double logHigh = Math.log(ERASE_MAX_RATIO);
        for (int t = 0; t < ERASE_TRIES; t++) {
            double target = area * (ERASE_MIN_AREA + (ERASE_MAX_AREA - ERASE_MIN_AREA) * rng.nextDouble());
            double ratio = Math.exp(logLow + (logHigh - logLow) * rng.nextDouble());
            int eh = (int) Math.rint(Math.sqrt(target * ratio));
            int ew = (int) Math.rint(Math.sqrt(target / ratio));
            if (!(eh < h && ew < w)) {
                continue;
            }
            int top = rng.nextInt(h - eh + 1);
            int left = rng.nextInt(w - ew + 1);
            for (int r = top; r < top + eh; r++) {
                int from = at + (r * w + left) * c;
                Arrays.fill(x, from, from + ew * c, 0f);
            }
            return;
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
                Arrays.fill(dst, out, out + row, 0f);
                continue;
            }
            int in = from + sr * row;
            if (!mirror) {
                // one run per row: fill, the moved pixels, fill
                Arrays.fill(dst, out, out + first * c, 0f);
                System.arraycopy(src, in + (first - dx) * c, dst, out + first * c, (end - first) * c);
                Arrays.fill(dst, out + end * c, out + row, 0f);
                continue;
            }
            // output column col shows column w − 1 − col of the moved image: those in [lo, hi) have a pixel
            int lo = w - end;
            int hi = w - first;
            Arrays.fill(dst, out, out + lo * c, 0f);
            if (c == 1) {
                int mirrored = in + w - 1 - dx;
                for (int col = lo; col < hi; col++) {
                    dst[out + col] = src[mirrored - col];
                }
            } else {
                for (int col = lo; col < hi; col++) {
                    System.arraycopy(src, in + (w - 1 - col - dx) * c, dst, out + col * c, c);
                }
            }
            Arrays.fill(dst, out + hi * c, out + row, 0f);
        }
    }

    @Override
    public String toString() {
        if (isNone()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        if (shift == CROP_FOR_IMAGE) {
            parts.add("crop");
        } else if (shift > 0) {
            parts.add("shift=" + shift);
        }
        if (flip) {
            parts.add("flip");
        }
        if (erase) {
            parts.add("erase");
        }
        return String.join(",", parts);
    }
}
