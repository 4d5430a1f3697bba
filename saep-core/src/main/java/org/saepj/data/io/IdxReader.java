package org.saepj.data.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.saepj.FileException;
import org.saepj.SaepException;
import org.saepj.data.Fingerprint;

/**
 * Reads IDX files (the MNIST / Fashion-MNIST format), raw or gzip-compressed.
 *
 * <p>Only unsigned-byte data (type 0x08) is supported, which is what the image datasets use. Declared sizes
 * are checked against what the file really holds while reading, so a header claiming 10^9 images fails
 * with a clear message instead of exhausting memory.
 */
public final class IdxReader {
    /** Type code of unsigned bytes in the IDX magic number. */
    static final int UBYTE = 0x08;
    /** The largest payload we read into one array. */
    static final long MAX_PAYLOAD = Integer.MAX_VALUE - 16;

    private IdxReader() {}

    /**
     * The content of one IDX file.
     *
     * @param dims the declared dimensions (count first)
     * @param data the payload, one byte per value
     * @param sha256 hex SHA-256 of the decompressed file (header and payload)
     */
    public record IdxArray(int[] dims, byte[] data, String sha256) {
        /** @return the first dimension: the number of items */
        public int count() {
            return dims[0];
        }
    }

    /**
     * Reads an IDX file, decompressing it when its name ends in {@code .gz}.
     *
     * @param file the file
     * @param expectedDims the number of dimensions the caller needs (1 for labels, 3 for images)
     * @return the dimensions and payload
     * @throws SaepException naming the file and the problem when the file is not a valid IDX file
     */
    public static IdxArray read(Path file, int expectedDims) {
        boolean gz = file.getFileName().toString().endsWith(".gz");
        MessageDigest digest = Fingerprint.sha256();
        try (InputStream raw = Files.newInputStream(InputFiles.requireRegular(file, ""));
                InputStream in = new DigestInputStream(
                        gz
                                ? new GZIPInputStream(new BufferedInputStream(raw, 1 << 16), 1 << 16)
                                : new BufferedInputStream(raw, 1 << 16),
                        digest)) {
            byte[] header = in.readNBytes(4);
            if (header.length < 4) {
                throw error(file, "file is too short for an IDX header (" + header.length + " bytes)");
            }
            if (header[0] != 0 || header[1] != 0) {
                throw error(
                        file,
                        String.format(
                                Locale.ROOT,
                                "bad magic number 0x%02x%02x%02x%02x: expected 0x0000 then type and dimension bytes",
                                header[0],
                                header[1],
                                header[2],
                                header[3]));
            }
            int type = header[2] & 0xff;
            if (type != UBYTE) {
                throw error(
                        file,
                        String.format(
                                Locale.ROOT, "unsupported data type 0x%02x: expected 0x08 (unsigned byte)", type));
            }
            int ndims = header[3] & 0xff;
            if (ndims != expectedDims) {
                throw error(file, "has " + ndims + " dimensions: expected " + expectedDims);
            }
            byte[] dimBytes = in.readNBytes(4 * ndims);
            if (dimBytes.length < 4 * ndims) {
                throw error(file, "truncated header: " + ndims + " dimensions declared");
            }
            int[] dims = new int[ndims];
            long total = 1;
            for (int i = 0; i < ndims; i++) {
                long d = readInt(dimBytes, 4 * i) & 0xffffffffL;
                if (d > Integer.MAX_VALUE) {
                    throw error(file, "dimension " + i + " declares " + d + " entries: too large");
                }
                dims[i] = (int) d;
                total *= Math.max(d, 1);
                if (total > MAX_PAYLOAD) {
                    throw error(file, "header declares more than " + MAX_PAYLOAD + " bytes of data: too large");
                }
            }
            for (int i = 1; i < ndims; i++) {
                if (dims[i] == 0) {
                    throw error(file, "dimension " + i + " is 0");
                }
            }
            long declared = (long) dims[0] * product(dims, 1);
            long headerBytes = 4L + 4L * ndims;
            if (!gz) {
                long length = Files.size(file);
                if (length < headerBytes + declared) {
                    throw error(
                            file,
                            "truncated: header declares " + declared + " data bytes but the file holds "
                                    + (length - headerBytes));
                }
            }
            // readNBytes grows its buffer as data arrives, so a lying header cannot force a huge allocation.
            byte[] data = in.readNBytes((int) declared);
            if (data.length < declared) {
                throw error(
                        file,
                        "truncated: header declares " + declared + " data bytes but the file holds " + data.length);
            }
            if (in.read() != -1) {
                throw error(file, "holds more data than its header declares (" + declared + " bytes)");
            }
            return new IdxArray(dims, data, HexFormat.of().formatHex(digest.digest()));
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw error(file, "corrupt gzip data (" + e.getMessage() + ")");
        } catch (java.nio.file.NoSuchFileException e) {
            throw error(file, "file not found");
        } catch (IOException e) {
            throw error(file, "cannot read: " + e.getMessage());
        }
    }

    private static long product(int[] dims, int from) {
        long p = 1;
        for (int i = from; i < dims.length; i++) {
            p *= dims[i];
        }
        return p;
    }

    private static int readInt(byte[] b, int off) {
        return ((b[off] & 0xff) << 24) | ((b[off + 1] & 0xff) << 16) | ((b[off + 2] & 0xff) << 8) | (b[off + 3] & 0xff);
    }

    static SaepException error(Path file, String problem) {
        return new FileException(file + ": " + problem);
    }
}
