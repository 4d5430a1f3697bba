package org.saepj.data.io;

import java.nio.file.Files;
import java.nio.file.Path;
import org.saepj.DataException;

/**
 * Image files read for a model to score, every image in the file's order as raw pixel values (0–255, H×W×C), with the
 * labels when there are any: an IDX images file with or without an IDX labels file beside it, or one CIFAR-10 binary
 * batch file (its records carry their labels).
 *
 * @param height image height
 * @param width image width
 * @param channels channels
 * @param rows one row of raw pixels per image
 * @param labels each image's class index, or null without labels
 * @param names each image's name (its file, for a folder of image files), or null to number them from 1
 */
public record ImageRows(
        int height, int width, int channels, float[][] rows, int[] labels, java.util.List<String> names) {
    /**
     * Images numbered by their position.
     *
     * @param height image height
     * @param width image width
     * @param channels channels
     * @param rows one row of raw pixels per image
     * @param labels each image's class index, or null without labels
     */
    public ImageRows(int height, int width, int channels, float[][] rows, int[] labels) {
        this(height, width, channels, rows, labels, null);
    }

    /**
     * @param images an IDX file of images (count × height × width), gzipped or not
     * @param labels an IDX file of one label byte per image, or null
     * @return the images
     */
    public static ImageRows idx(Path images, Path labels) {
        IdxReader.IdxArray a = IdxReader.read(images, 3);
        int n = a.count();
        int h = a.dims()[1];
        int w = a.dims()[2];
        float[][] rows = new float[n][h * w];
        byte[] px = a.data();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < h * w; j++) {
                rows[i][j] = px[i * h * w + j] & 0xff;
            }
        }
        int[] y = null;
        if (labels != null) {
            IdxReader.IdxArray l = IdxReader.read(labels, 1);
            if (l.count() != n) {
                throw new DataException(
                        labels + ": holds " + l.count() + " labels but " + images + " holds " + n + " images");
            }
            y = new int[n];
            for (int i = 0; i < n; i++) {
                y[i] = l.data()[i] & 0xff;
            }
        }
        return new ImageRows(h, w, 1, rows, y);
    }

    /**
     * @param batch a CIFAR-10 binary batch file (records of one label byte and 3072 pixels, channel planes)
     * @return its images with their labels
     */
    public static ImageRows cifarBatch(Path batch) {
        byte[] bytes = InputFiles.readAll(batch, "");
        int n = Cifar10Reader.records(batch + ":", bytes);
        float[][] rows = new float[n][3 * 32 * 32];
        int[] y = new int[n];
        for (int r = 0; r < n; r++) {
            y[r] = bytes[r * Cifar10Reader.RECORD] & 0xff;
            Cifar10Reader.pixels(
                    bytes, r * Cifar10Reader.RECORD, rows[r], 0, 1f); // raw: the reader's order, not its scale
        }
        return new ImageRows(32, 32, 3, rows, y);
    }

    /**
     * @param p a path
     * @return whether it names one file of images: a file, not a dataset directory or a {@code .tar.gz} archive
     *     (which holds a whole dataset)
     */
    public static boolean isSingleFile(Path p) {
        return Files.isRegularFile(p) && !p.toString().endsWith(".tar.gz");
    }
}
