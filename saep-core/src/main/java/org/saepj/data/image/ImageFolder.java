package org.saepj.data.image;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.saepj.DataException;
import org.saepj.FileException;
import org.saepj.SaepException;
import org.saepj.data.ClassOrder;
import org.saepj.data.Dataset;
import org.saepj.data.Fingerprint;
import org.saepj.data.Shape;
import org.saepj.data.SourceData;

/**
 * A folder with one sub-folder of images per class ({@code images:DIR}) read as a training source without a test
 * partition (a search holds out a stratified test part, or takes {@code --test}). Classes are the sub-folders' names
 * in {@link ClassOrder} (numbers by value, then text); samples are in class order, each class's files by name. The
 * images' own size and channels are taken unless {@link ImageOptions} say otherwise: every image must then have the
 * same size, and a folder of grey and colour images is read as colour. Pixels are divided by
 * {@link Dataset#PIXEL_MAX}, as the other image sources do. The fingerprint is of each image's name and bytes, in that
 * order, and of the resulting sample shape.
 */
public final class ImageFolder {
    /** The most values one dataset holds: its features are one Java array. */
    static final long MAX_VALUES = Integer.MAX_VALUE - 8;

    private ImageFolder() {}

    /**
     * @param dir the folder of class folders
     * @param options the size and channels to convert to, if any, and where warnings go
     * @return the training partition and its fingerprint
     * @throws SaepException naming the folder: not a folder, fewer than two class folders, a class folder without
     *     images, two classes of one name, images of different sizes without a size to resize them to
     */
    public static SourceData read(Path dir, ImageOptions options) {
        String source = "images:" + dir;
        if (!Files.isDirectory(dir)) {
            throw new FileException(dir + ": not a folder (expected one sub-folder of images per class)");
        }
        SkippedFiles skipped = new SkippedFiles(source);
        FolderEntries top = FolderEntries.list(dir, dir, skipped);
        top.files().forEach(f -> skipped.add(dir.relativize(f).toString(), "not in a class folder"));
        List<Path> folders = top.folders();
        if (folders.size() < 2) {
            skipped.report(options.warnings());
            throw new DataException(dir + ": " + folders.size() + " class folder" + (folders.size() == 1 ? "" : "s")
                    + ": expected one sub-folder of images per class, at least two (a flat folder of images is for"
                    + " predict)");
        }
        Map<String, Path> folderOf = classes(dir, folders);
        List<String> classes = List.copyOf(folderOf.keySet());
        List<List<ImageFile>> byClass = new ArrayList<>();
        for (String c : classes) {
            Path folder = folderOf.get(c);
            FolderEntries entries = FolderEntries.list(folder, dir, skipped);
            entries.folders().forEach(f -> skipped.add(dir.relativize(f).toString(), "a folder inside a class folder"));
            List<ImageFile> images = new ArrayList<>();
            for (Path f : entries.files()) {
                ImageFile.read(f, dir, skipped).ifPresent(images::add);
            }
            byClass.add(images);
        }
        skipped.report(options.warnings());
        for (int c = 0; c < classes.size(); c++) {
            if (byClass.get(c).isEmpty()) {
                throw new DataException(folderOf.get(classes.get(c)) + ": a class folder without"
                        + " images (expected PNG, JPEG, BMP or GIF files)");
            }
        }
        List<ImageFile> all = byClass.stream().flatMap(List::stream).toList();
        int channels = options.channels().orElseGet(() -> channels(all, source, options));
        ImageSize size = options.size().orElseGet(() -> commonSize(all, dir));
        Shape shape = new Shape(size.height(), size.width(), channels);
        if ((long) all.size() * shape.size() > MAX_VALUES) {
            throw new DataException(dir + ": " + all.size() + " images of " + shape + " are more than " + MAX_VALUES
                    + " values: give a smaller --image-size");
        }
        float[] x = new float[all.size() * shape.size()];
        int[] y = new int[all.size()];
        List<String> lines = new ArrayList<>();
        int i = 0;
        for (int c = 0; c < classes.size(); c++) {
            for (ImageFile f : byClass.get(c)) {
                float[] v = Resampler.convert(f.pixels(), size, channels).values();
                for (int j = 0; j < v.length; j++) {
                    x[i * v.length + j] = v[j] / Dataset.PIXEL_MAX;
                }
                y[i++] = c;
                lines.add(f.name() + " " + f.sha256());
            }
        }
        lines.add("shape " + shape.height() + "x" + shape.width() + "x" + shape.channels());
        String name = dir.getFileName() == null ? "images" : dir.getFileName().toString();
        Dataset train = new Dataset(name + "/train", x, y, shape, classes);
        return new SourceData(
                name, source, train, Optional.empty(), Fingerprint.combine(lines.toArray(String[]::new)), false);
    }

    /**
     * Each class's folder, in class order: a folder's class is its name as {@link ClassOrder} reads it ("01" is the
     * class 1); two folders that name one class are refused.
     */
    private static Map<String, Path> classes(Path dir, List<Path> folders) {
        Map<String, Path> byClass = new HashMap<>();
        for (Path f : folders) {
            String folder = f.getFileName().toString();
            Path other = byClass.putIfAbsent(ClassOrder.name(folder), f);
            if (other != null) {
                throw new DataException(dir + ": the class folders " + other.getFileName() + " and " + folder
                        + " name one class (" + ClassOrder.name(folder) + "): rename one");
            }
        }
        Map<String, Path> ordered = new LinkedHashMap<>();
        ClassOrder.of(byClass.keySet()).forEach(c -> ordered.put(c, byClass.get(c)));
        return ordered;
    }

    /** 1 when every image is grey, else 3; a mix is converted to colour, and the warnings say so. */
    private static int channels(List<ImageFile> all, String source, ImageOptions options) {
        long grey = all.stream().filter(f -> f.pixels().channels() == 1).count();
        if (grey == all.size()) {
            return 1;
        }
        if (grey > 0) {
            options.warnings()
                    .accept(source + ": " + grey + " grey and " + (all.size() - grey) + " colour images:"
                            + " every image is read as colour (3 channels)");
        }
        return 3;
    }

    /** The one size of every image, or an error naming two files of different sizes. */
    private static ImageSize commonSize(List<ImageFile> all, Path dir) {
        Pixels first = all.get(0).pixels();
        for (ImageFile f : all) {
            if (f.pixels().height() != first.height() || f.pixels().width() != first.width()) {
                throw new DataException(dir + ": " + all.get(0).name() + " is " + first.size() + " but " + f.name()
                        + " is " + f.pixels().size() + ": give --image-size HxW to resize every image to one size");
            }
        }
        return new ImageSize(first.height(), first.width());
    }
}
