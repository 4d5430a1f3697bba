package org.saepj.data;

/**
 * The shape of one sample: height × width × channels for images; {@code 1 × 1 × n} for tabular rows.
 *
 * @param height rows of an image (1 for tabular data)
 * @param width columns of an image (1 for tabular data)
 * @param channels channels of an image, or the number of tabular features
 */
public record Shape(int height, int width, int channels) {
    /**
     * Checks that every dimension is positive.
     *
     * @param height rows of an image (1 for tabular data)
     * @param width columns of an image (1 for tabular data)
     * @param channels channels of an image, or the number of tabular features
     */
    public Shape {
        if (height <= 0 || width <= 0 || channels <= 0) {
            throw new IllegalArgumentException(
                    "shape dimensions must be positive: " + height + "×" + width + "×" + channels);
        }
    }

    /**
     * A flat vector of features.
     *
     * @param features the number of features
     * @return the shape {@code 1 × 1 × features}
     */
    public static Shape vector(int features) {
        return new Shape(1, 1, features);
    }

    /** @return the number of values of one sample */
    public int size() {
        return height * width * channels;
    }

    /** @return true when this is an image (height or width above 1) */
    public boolean isImage() {
        return height > 1 || width > 1;
    }

    @Override
    public String toString() {
        return isImage() ? height + "×" + width + "×" + channels : Integer.toString(channels);
    }
}
