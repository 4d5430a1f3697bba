package org.saepj.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Image files for tests, written by the JDK's own ImageIO writers (PNG, JPEG, BMP, GIF). */
public final class TestImages {
    private TestImages() {}

    /**
     * @param h height
     * @param w width
     * @param level the grey level of the top-left pixel; the others step from it
     * @return a grey image whose pixel (y, x) is {@code (level + 7y + 3x) mod 256}
     */
    public static BufferedImage grey(int h, int w, int level) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.getRaster().setSample(x, y, 0, (level + 7 * y + 3 * x) & 0xff);
            }
        }
        return image;
    }

    /**
     * @param h height
     * @param w width
     * @param rgb the colour of every pixel, 0xRRGGBB
     * @return a colour image of one colour
     */
    public static BufferedImage colour(int h, int w, int rgb) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        return image;
    }

    /**
     * @param image the image
     * @param format "png", "jpeg", "bmp" or "gif"
     * @return the file's bytes
     */
    public static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException(
                        "no ImageIO writer for " + format + " of image type " + image.getType());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * @param file where to write, parent folders created
     * @param image the image
     * @param format "png", "jpeg", "bmp" or "gif"
     * @return the file
     */
    public static Path write(Path file, BufferedImage image, String format) {
        return TestFiles.write(file, encode(image, format));
    }
}
