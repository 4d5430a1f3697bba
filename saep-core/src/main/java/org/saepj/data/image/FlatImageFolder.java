package org.saepj.data.image;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.saepj.DataException;
import org.saepj.SaepException;
import org.saepj.data.io.ImageRows;

/**
 * A flat folder of new images for {@code predict} ({@code images:DIR} without class folders): every image file, by
 * name, converted to the model's size and channels, any size or colour mode, as raw pixels (0–255) named by its file.
 */
public final class FlatImageFolder {
    private FlatImageFolder() {}

    /**
     * @param dir a folder
     * @return whether it is a flat folder: a folder without visible sub-folders
     */
    public static boolean isFlat(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        // only the listing's folders count here: read() lists again and reports the files it skips
        return FolderEntries.list(dir, dir, new SkippedFiles("")).folders().isEmpty();
    }

    /**
     * @param dir the flat folder
     * @param options the model's size and channels (both given), and where warnings go
     * @return one row per image, named by its file, in file name order
     * @throws SaepException when the folder holds no image at all
     */
    public static ImageRows read(Path dir, ImageOptions options) {
        ImageSize size =
                options.size().orElseThrow(() -> new IllegalArgumentException("a model's image size is needed"));
        int channels =
                options.channels().orElseThrow(() -> new IllegalArgumentException("a model's channels are needed"));
        SkippedFiles skipped = new SkippedFiles("images:" + dir);
        FolderEntries entries = FolderEntries.list(dir, dir, skipped);
        List<float[]> rows = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Path f : entries.files()) {
            ImageFile.read(f, dir, skipped).ifPresent(image -> {
                rows.add(Resampler.convert(image.pixels(), size, channels).values());
                names.add(image.name());
            });
        }
        skipped.report(options.warnings());
        if (rows.isEmpty()) {
            throw new DataException(dir + ": no images to score (expected PNG, JPEG, BMP or GIF files)");
        }
        return new ImageRows(size.height(), size.width(), channels, rows.toArray(float[][]::new), null, names);
    }
}
