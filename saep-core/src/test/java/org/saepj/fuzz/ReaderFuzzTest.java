package org.saepj.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.saepj.SaepException;
import org.saepj.data.Shape;
import org.saepj.data.io.Cifar10Reader;
import org.saepj.data.io.CsvReader;
import org.saepj.data.io.IdxReader;
import org.saepj.engine.Architecture;
import org.saepj.engine.Network;
import org.saepj.engine.kernel.KernelsProvider;
import org.saepj.persistence.EnsembleManifest;
import org.saepj.persistence.SavedEnsemble;
import org.saepj.testing.TestFiles;

/**
 * Random and mutated bytes fed to every reader of outside input: the IDX, CIFAR-10 and CSV readers and the
 * saved-ensemble loader. Whatever the bytes, the only failure allowed is the project's own error with a
 * one-line message; declared sizes never cause an OutOfMemoryError. 10,500 cases in all.
 */
class ReaderFuzzTest {
    private static final Path DIR;
    private static final byte[] VALID_IDX = TestFiles.idx(new int[] {3, 4, 4}, TestFiles.pixels(48));
    private static final byte[] VALID_MANIFEST;

    static {
        try {
            DIR = Files.createTempDirectory("saep-fuzz");
            DIR.toFile().deleteOnExit();
            Network net = new Network(new Architecture.DenseStack(Shape.vector(4), new int[] {3}, 2), KernelsProvider.scalar()).initialize(1);
            EnsembleManifest m = new EnsembleManifest(1, new int[] {1, 1, 4}, List.of("a", "b"),
                    new EnsembleManifest.Preprocessing("standardize", new float[4], new float[] {1, 1, 1, 1}),
                    List.of(new EnsembleManifest.MemberEntry(0, 0, "dnn", 1, new int[] {3}, 0, 0, 1.0, net.parameterCount(),
                            "member-0.params", SavedEnsemble.parameterChecksum(net))),
                    new EnsembleManifest.DataEntry("csv:x.csv", null, "train/test", -1, 0, 0.2, 1, "abc"), Map.of("version", "test"));
            Path ensemble = DIR.resolve("ensemble");
            new SavedEnsemble(m, List.of(net)).save(ensemble);
            VALID_MANIFEST = Files.readAllBytes(ensemble.resolve(SavedEnsemble.MANIFEST));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A mutation: flip, overwrite, insert or delete bytes, or truncate. */
    record Mutation(int kind, int position, byte value, int count) {
        byte[] apply(byte[] in) {
            int pos = in.length == 0 ? 0 : Math.floorMod(position, in.length);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            switch (kind) {
                case 0 -> { // overwrite `count` bytes
                    byte[] b = in.clone();
                    for (int i = 0; i < count && pos + i < b.length; i++) {
                        b[pos + i] = (byte) (value + i * 31);
                    }
                    return b;
                }
                case 1 -> { // insert
                    out.write(in, 0, pos);
                    for (int i = 0; i < count; i++) {
                        out.write(value + i);
                    }
                    out.write(in, pos, in.length - pos);
                    return out.toByteArray();
                }
                case 2 -> { // delete
                    out.write(in, 0, pos);
                    int from = Math.min(in.length, pos + count);
                    out.write(in, from, in.length - from);
                    return out.toByteArray();
                }
                case 3 -> { // flip one bit
                    byte[] b = in.clone();
                    if (b.length > 0) {
                        b[pos] ^= (byte) (1 << (value & 7));
                    }
                    return b;
                }
                default -> { // truncate
                    return java.util.Arrays.copyOf(in, pos);
                }
            }
        }
    }

    @Provide
    Arbitrary<Mutation> mutations() {
        return Combinators.combine(Arbitraries.integers().between(0, 4), Arbitraries.integers().between(0, 100_000),
                Arbitraries.bytes(), Arbitraries.integers().between(1, 12)).as(Mutation::new);
    }

    @Provide
    Arbitrary<List<Mutation>> mutationLists() {
        return mutations().list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<byte[]> noise() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
    }

    static void onlyOurError(Runnable reader) {
        try {
            reader.run();
        } catch (SaepException e) {
            assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
        }
    }

    static byte[] mutate(byte[] valid, List<Mutation> mutations) {
        byte[] b = valid;
        for (Mutation m : mutations) {
            b = m.apply(b);
        }
        return b;
    }

    static Path write(String name, byte[] content) {
        return TestFiles.write(DIR.resolve(name), content);
    }

    static byte[] gzip(byte[] raw) {
        return TestFiles.gzip(raw);
    }

    @Property(tries = 2500)
    void idxMutated(@ForAll("mutationLists") List<Mutation> mutations) {
        byte[] bytes = mutate(VALID_IDX, mutations);
        Path raw = write("m-idx3-ubyte", bytes);
        onlyOurError(() -> IdxReader.read(raw, 3));
        Path gz = write("m-idx3-ubyte.gz", gzip(bytes));
        onlyOurError(() -> IdxReader.read(gz, 3));
        Path gzMutated = write("g-idx3-ubyte.gz", mutate(gzip(VALID_IDX), mutations));
        onlyOurError(() -> IdxReader.read(gzMutated, 3));
    }

    @Property(tries = 1500)
    void idxNoise(@ForAll("noise") byte[] bytes) {
        Path raw = write("n-idx1-ubyte", bytes);
        onlyOurError(() -> IdxReader.read(raw, 1));
        Path gz = write("n-idx1-ubyte.gz", bytes);
        onlyOurError(() -> IdxReader.read(gz, 1));
    }

    @Property(tries = 1500)
    void cifarMutated(@ForAll("mutationLists") List<Mutation> mutations, @ForAll boolean asTar) throws IOException {
        byte[] batch = new byte[2 * Cifar10Reader.RECORD];
        batch[Cifar10Reader.RECORD] = 3;
        byte[] meta = "airplane\nautomobile\nbird\ncat\ndeer\ndog\nfrog\nhorse\nship\ntruck\n".getBytes(StandardCharsets.UTF_8);
        if (!asTar) {
            Path dir = DIR.resolve("cifar");
            for (int i = 1; i <= 5; i++) {
                TestFiles.write(dir.resolve("data_batch_" + i + ".bin"), i == 3 ? mutate(batch, mutations) : batch);
            }
            TestFiles.write(dir.resolve("test_batch.bin"), batch);
            TestFiles.write(dir.resolve("batches.meta.txt"), mutate(meta, mutations));
            onlyOurError(() -> Cifar10Reader.read(dir));
            return;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
            for (String name : List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin",
                    "data_batch_5.bin", "test_batch.bin")) {
                TarArchiveEntry e = new TarArchiveEntry("cifar-10-batches-bin/" + name);
                e.setSize(batch.length);
                tar.putArchiveEntry(e);
                tar.write(batch);
                tar.closeArchiveEntry();
            }
        }
        Path file = write("cifar-10-binary.tar.gz", mutate(bytes.toByteArray(), mutations));
        onlyOurError(() -> Cifar10Reader.read(file));
    }

    @Provide
    Arbitrary<String> csvText() {
        return Arbitraries.strings().withChars("0123456789.,-e\"\n\r abcx;").ofMaxLength(200);
    }

    @Property(tries = 3000)
    void csvAnything(@ForAll("csvText") String text, @ForAll boolean header) {
        Path file = write("f.csv", text.getBytes(StandardCharsets.UTF_8));
        onlyOurError(() -> CsvReader.read(file, new CsvReader.Options(header ? java.util.Optional.of(true) : java.util.Optional.empty(),
                java.util.Optional.empty())));
    }

    @Property(tries = 2000)
    void manifestMutated(@ForAll("mutationLists") List<Mutation> mutations) {
        Path ensemble = DIR.resolve("ensemble");
        write("ensemble/manifest.json", mutate(VALID_MANIFEST, mutations));
        onlyOurError(() -> SavedEnsemble.load(ensemble, KernelsProvider.scalar()));
    }
}
