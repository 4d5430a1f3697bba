package org.saepj.data.image;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * How image files become samples: the size and channels to convert every image to, where given, and where the
 * warnings about skipped files go.
 *
 * @param size the height and width to resize to, or empty to take the images' own (which must then agree)
 * @param channels 1 or 3 to convert every image to, or empty to take them from the images (grey: 1, colour or a mix: 3)
 * @param warnings receives one line per skipped file (up to a limit, then a count) and per conversion of a mixed
 *     folder, without the "warning: " in front
 */
public record ImageOptions(Optional<ImageSize> size, Optional<Integer> channels, Consumer<String> warnings) {
    /**
     * Checks the channels.
     *
     * @param size the height and width to resize to, or empty
     * @param channels 1 or 3, or empty
     * @param warnings where warnings go
     */
    public ImageOptions {
        if (channels.isPresent() && channels.get() != 1 && channels.get() != 3) {
            throw new IllegalArgumentException("image channels must be 1 or 3, got " + channels.get());
        }
    }

    /**
     * @param warnings where warnings go
     * @return the images' own size and channels
     */
    public static ImageOptions asTheyAre(Consumer<String> warnings) {
        return new ImageOptions(Optional.empty(), Optional.empty(), warnings);
    }

    /**
     * @param shape a model's input, {height, width, channels}
     * @param warnings where warnings go
     * @return every image converted to that input
     */
    public static ImageOptions toInput(int[] shape, Consumer<String> warnings) {
        return new ImageOptions(Optional.of(new ImageSize(shape[0], shape[1])), Optional.of(shape[2]), warnings);
    }

    /**
     * @param other how the size is taken
     * @return these options with the other's size
     */
    public ImageOptions withSize(Optional<ImageSize> other) {
        return new ImageOptions(other, channels, warnings);
    }
}
