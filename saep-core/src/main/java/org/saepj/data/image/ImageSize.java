package org.saepj.data.image;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A height and width every image is resized to ({@code --image-size HxW}).
 *
 * @param height rows
 * @param width columns
 */
public record ImageSize(int height, int width) {
    /** The largest side accepted: beyond it one image alone would take gigabytes as floats. */
    public static final int MAX_SIDE = 8192;

    private static final Pattern FORM = Pattern.compile("(\\d{1,5})[xX×](\\d{1,5})");

    /**
     * Checks both sides.
     *
     * @param height rows
     * @param width columns
     */
    public ImageSize {
        if (height < 1 || width < 1 || height > MAX_SIDE || width > MAX_SIDE) {
            throw new IllegalArgumentException(
                    "image size " + height + "x" + width + ": each side must be 1 to " + MAX_SIDE);
        }
    }

    /**
     * @param text "HxW", e.g. "28x28"
     * @return the size
     * @throws IllegalArgumentException naming the text and the expected form
     */
    public static ImageSize parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not HxW (height x width in pixels, such as 28x28)");
        }
        return new ImageSize(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    @Override
    public String toString() {
        return height + "x" + width;
    }
}
