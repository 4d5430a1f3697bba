package org.saepj.data.image;

/**
 * One decoded image: raw values 0–255, height × width × channels (HWC), 1 channel for grey images and 3 (RGB) for
 * colour ones.
 *
 * @param height rows
 * @param width columns
 * @param channels 1 or 3
 * @param values {@code height × width × channels} values
 */
public record Pixels(int height, int width, int channels, float[] values) {
    /**
     * Checks the length.
     *
     * @param height rows
     * @param width columns
     * @param channels 1 or 3
     * @param values {@code height × width × channels} values
     */
    public Pixels {
        if ((long) height * width * channels != values.length) {
            throw new IllegalArgumentException(
                    values.length + " values for a " + height + "×" + width + "×" + channels + " image");
        }
    }

    /** @return "H×W" for messages */
    public String size() {
        return height + "×" + width;
    }
}
