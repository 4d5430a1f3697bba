package org.saepj.data.io;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import org.saepj.data.Fingerprint;

/**
 * Decoded IDX datasets kept on disk, so a command does not inflate and checksum 55 MB of Fashion-MNIST each time
 * it starts. An entry is keyed by the SHA-256 of the source files as they are on disk (compressed; hashing them
 * is a tenth of the work of inflating), holds the decoded arrays with the SHA-256 of each decompressed file that
 * the first read computed (the dataset's fingerprint), and ends with a CRC32C of everything before it. An entry
 * whose key, format or CRC does not match is not used: the files are read as without a cache and the entry is
 * written again. The arrays it gives are the ones a read of the files gives, byte for byte.
 */
public final class DecodedCache {
    private static final byte[] MAGIC = "SAEPIDXC".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;
    private final Path dir;

    /**
     * @param dir the cache directory, created when the first entry is written
     */
    public DecodedCache(Path dir) {
        this.dir = dir;
    }

    /**
     * @return the user's cache: {@code $SAEP_CACHE}, or {@code ~/.saep/cache}; empty when {@code SAEP_CACHE} is
     *     {@code off}
     */
    public static Optional<DecodedCache> standard() {
        String env = System.getenv("SAEP_CACHE");
        if ("off".equals(env)) {
            return Optional.empty();
        }
        return Optional.of(new DecodedCache(
                env != null && !env.isBlank()
                        ? Path.of(env)
                        : Path.of(System.getProperty("user.home"), ".saep", "cache")));
    }

    /** @return where the entries are */
    public Path directory() {
        return dir;
    }

    /**
     * The decoded arrays of {@code files}, from the cache when it holds them for these exact bytes, otherwise from
     * {@code read}, which are then stored.
     *
     * @param files the source files, in the order {@code read} returns their arrays
     * @param read reads the files without the cache (and checks them)
     * @return one array per file
     */
    public List<IdxReader.IdxArray> idx(List<Path> files, Supplier<List<IdxReader.IdxArray>> read) {
        String key;
        try {
            key = key(files);
        } catch (IOException e) {
            return read.get(); // the reader will say what is wrong with the files
        }
        String source = HexFormat.of()
                .formatHex(Fingerprint.sha256()
                        .digest(files.get(0)
                                .toAbsolutePath()
                                .getParent()
                                .toString()
                                .getBytes(StandardCharsets.UTF_8)))
                .substring(0, 16);
        Path entry = dir.resolve("idx-" + source + "-" + key + ".bin");
        Optional<List<IdxReader.IdxArray>> cached = load(entry, key, files.size());
        if (cached.isPresent()) {
            return cached.get();
        }
        List<IdxReader.IdxArray> arrays = read.get();
        store(entry, key, arrays);
        removeOthers(source, entry);
        return arrays;
    }

    /** SHA-256 over each file's name, length and bytes. */
    private static String key(List<Path> files) throws IOException {
        MessageDigest digest = Fingerprint.sha256();
        byte[] buffer = new byte[1 << 16];
        for (Path f : files) {
            digest.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            digest.update(ByteBuffer.allocate(8).putLong(Files.size(f)).array());
            try (InputStream in = Files.newInputStream(InputFiles.requireRegular(f, ""))) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    digest.update(buffer, 0, n);
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static Optional<List<IdxReader.IdxArray>> load(Path entry, String key, int count) {
        if (!Files.isRegularFile(entry)) {
            return Optional.empty();
        }
        CRC32C crc = new CRC32C();
        // Streamed, so reading an entry costs no more memory than the arrays it holds.
        try (InputStream file = Files.newInputStream(entry);
                CheckedInputStream checked = new CheckedInputStream(new BufferedInputStream(file, 1 << 16), crc);
                DataInputStream in = new DataInputStream(checked)) {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!java.util.Arrays.equals(magic, MAGIC)
                    || in.readInt() != VERSION
                    || !in.readUTF().equals(key)
                    || in.readInt() != count) {
                return Optional.empty();
            }
            long limit = Files.size(entry);
            List<IdxReader.IdxArray> arrays = new java.util.ArrayList<>();
            for (int i = 0; i < count; i++) {
                String sha256 = in.readUTF();
                int[] dims = new int[in.readInt()];
                for (int d = 0; d < dims.length; d++) {
                    dims[d] = in.readInt();
                }
                int length = in.readInt();
                if (length < 0 || length > limit) {
                    return Optional.empty();
                }
                byte[] data = new byte[length];
                in.readFully(data);
                arrays.add(new IdxReader.IdxArray(dims, data, sha256));
            }
            long computed = crc.getValue(); // of every byte before the trailer
            long stored = in.readLong();
            if (computed != stored || in.read() != -1) {
                return Optional.empty(); // torn or damaged: read the files again
            }
            return Optional.of(List.copyOf(arrays));
        } catch (IOException | RuntimeException e) {
            // An entry this build cannot read is only a missed shortcut: the files are read as without a cache.
            return Optional.empty();
        }
    }

    /** Writes the entry through a temporary file and an atomic move, and removes the entries of earlier files. */
    private void store(Path entry, String key, List<IdxReader.IdxArray> arrays) {
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.write(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(key);
            out.writeInt(arrays.size());
            for (IdxReader.IdxArray a : arrays) {
                out.writeUTF(a.sha256());
                out.writeInt(a.dims().length);
                for (int d : a.dims()) {
                    out.writeInt(d);
                }
                out.writeInt(a.data().length);
                out.write(a.data());
            }
            out.flush();
            byte[] body = bytes.toByteArray();
            CRC32C crc = new CRC32C();
            crc.update(body);
            tmp = Files.createTempFile(dir, "idx-", ".tmp");
            try (var file = Files.newOutputStream(tmp)) {
                file.write(body);
                file.write(ByteBuffer.allocate(8).putLong(crc.getValue()).array());
            }
            Files.move(tmp, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            tmp = null;
        } catch (IOException | SecurityException e) {
            // A cache that cannot be written (a read-only home, a full disk) costs only the next start's time.
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // the temporary file stays; the next write replaces the entry, not the file
                }
            }
        }
    }

    /** An entry of the same directory's earlier files is stale: only the newest is kept. */
    private void removeOthers(String source, Path kept) {
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.filter(
                            p -> p.getFileName().toString().startsWith("idx-" + source + "-") && !p.equals(kept))
                    .toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a stale entry that stays only takes disk space; it is never used, its key being another's
        }
    }

    /**
     * @return the entries on disk (for {@code saep datasets} and tests)
     * @throws IOException when the directory cannot be listed
     */
    public List<Path> entries() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().matches("idx-[0-9a-f]{16}-[0-9a-f]{64}\\.bin"))
                    .sorted()
                    .toList();
        }
    }
}
