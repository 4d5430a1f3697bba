package org.saepj.data.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes one image file's bytes through {@code javax.imageio} (PNG, JPEG, BMP, GIF and whatever other readers are
 * installed) into {@link Pixels}. The colour mode decides the channels: an image whose colour space is grey, or whose
 * palette holds greys only (a GIF or 8-bit BMP of a grey image), is 1 channel of its stored values; any other is 3
 * channels of its sRGB values. Alpha is dropped (the colour values are kept as stored). The first frame of an
 * animated GIF is taken.
 */
public final class ImageDecoder {
    /** The most pixels one image may have (a 16384 × 16384 image), so a lying header cannot exhaust memory. */
    static final long MAX_PIXELS = 1L << 28;

    private ImageDecoder() {}

    /** A file that is not an image this JDK reads: the reason, for the warning that skips it. */
    public static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        /** @param reason why, for people */
        Unreadable(String reason) {
            super(reason);
        }
    }

    /**
     * @param bytes the file's content
     * @return its pixels
     * @throws Unreadable when the bytes are empty, of no format a reader knows, or corrupt
     */
    public static Pixels decode(byte[] bytes) throws Unreadable {
        if (bytes.length == 0) {
            throw new Unreadable("empty file (0 bytes)");
        }
        // Our own memory-backed stream: ImageIO.read would consult ImageIO's global disk-cache setting.
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = javax.imageio.ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new Unreadable("not an image in a format the JDK reads (PNG, JPEG, BMP, GIF)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new Unreadable(reader.getFormatName() + " image of " + reader.getHeight(0) + "×"
                            + reader.getWidth(0) + " pixels: more than " + MAX_PIXELS + " pixels");
                }
                return pixels(reader.read(0));
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new Unreadable("corrupt or unsupported image (" + firstLine(e.getMessage()) + ")");
        } catch (RuntimeException e) {
            // Some decoders answer truncated or malformed data with runtime exceptions (IndexOutOfBounds,
            // IllegalArgument, NegativeArraySize): for a folder of user files that is one more unreadable file.
            throw new Unreadable(
                    "corrupt image (" + e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()) + ")");
        }
    }

    private static String firstLine(String message) {
        return message == null ? "no detail" : message.lines().findFirst().orElse("no detail");
    }

    /**
     * @param image a decoded image
     * @return its pixels, 1 channel when it is grey, else 3
     */
    static Pixels pixels(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        ColorModel cm = image.getColorModel();
        if (cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY && !(cm instanceof IndexColorModel)) {
            // the stored grey values: getRGB would pass them through a gamma conversion to sRGB
            Raster raster = image.getRaster();
            float max = (1 << cm.getComponentSize(0)) - 1;
            float[] v = new float[w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    v[y * w + x] = raster.getSample(x, y, 0) * 255f / max;
                }
            }
            return new Pixels(h, w, 1, v);
        }
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        if (cm instanceof IndexColorModel palette && greyPalette(palette)) {
            float[] v = new float[w * h];
            for (int i = 0; i < v.length; i++) {
                v[i] = (argb[i] >> 16) & 0xff;
            }
            return new Pixels(h, w, 1, v);
        }
        float[] v = new float[w * h * 3];
        for (int i = 0; i < argb.length; i++) {
            v[3 * i] = (argb[i] >> 16) & 0xff;
            v[3 * i + 1] = (argb[i] >> 8) & 0xff;
            v[3 * i + 2] = argb[i] & 0xff;
        }
        return new Pixels(h, w, 3, v);
    }

    private static boolean greyPalette(IndexColorModel palette) {
        for (int i = 0; i < palette.getMapSize(); i++) {
            int r = palette.getRed(i);
            if (r != palette.getGreen(i) || r != palette.getBlue(i)) {
                return false;
            }
        }
        return true;
    }
}
