package org.saepj.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.data.Dataset;
import org.saepj.data.Shape;
import org.saepj.data.SourceData;
import org.saepj.data.io.Cifar10Reader;
import org.saepj.data.io.CsvReader;
import org.saepj.data.io.IdxReader;
import org.saepj.data.preprocess.Pipeline;
import org.saepj.data.preprocess.Standardize;
import org.saepj.engine.Architecture;
import org.saepj.engine.Backends;
import org.saepj.engine.Network;
import org.saepj.engine.kernel.KernelsProvider;
import org.saepj.persistence.EnsembleManifest;
import org.saepj.persistence.MemberRecord;
import org.saepj.persistence.SavedEnsemble;
import org.saepj.task.RealValues;
import org.saepj.testing.TestFiles;

/**
 * Mutated and random bytes fed to every reader of outside input: IDX, CIFAR-10, CSV (with byte-order marks,
 * non-ASCII and non-UTF-8 text, and whole-number labels spelt several ways) and the saved-ensemble loader.
 * Whatever the bytes, a case must end in the project's own one-line error or in a load that passes its
 * sanity check (finite values, consistent sizes, classes with samples, weights present): never an internal
 * error, never a silently wrong result. 10,800 seeded cases; a failure names the seed and case.
 */
class ReaderFuzzTest {
    private static final byte[] VALID_IDX = TestFiles.idx(new int[] {3, 4, 4}, TestFiles.pixels(48));

    @TempDir
    Path dir;

    static void assertClean(Fuzz.Tally tally) {
        assertThat(tally.failures()).as(tally.toString()).isEmpty();
        assertThat(tally.count(Fuzz.Outcome.INTERNAL_ERROR) + tally.count(Fuzz.Outcome.SILENT_WRONG))
                .isZero();
    }

    Path write(String name, byte[] content) {
        return TestFiles.write(dir.resolve(name), content);
    }

    static boolean sensible(IdxReader.IdxArray a) {
        long size = 1;
        for (int d : a.dims()) {
            if (d < 0) {
                return false;
            }
            size *= d;
        }
        return size == a.data().length;
    }

    @Test
    void idxMutatedAndNoise() {
        Fuzz.Tally t = Fuzz.cases("idx", 11, 2500, (rng, id, tally) -> {
            byte[] bytes = Fuzz.mutate(VALID_IDX, rng);
            Path raw = write("m-idx3-ubyte", bytes);
            tally.run(id + " raw", () -> IdxReader.read(raw, 3), ReaderFuzzTest::sensible);
            Path gz = write("m-idx3-ubyte.gz", TestFiles.gzip(bytes));
            tally.run(id + " gz", () -> IdxReader.read(gz, 3), ReaderFuzzTest::sensible);
            Path gzMutated = write("g-idx3-ubyte.gz", Fuzz.mutate(TestFiles.gzip(VALID_IDX), rng));
            tally.run(id + " mutated gz", () -> IdxReader.read(gzMutated, 3), ReaderFuzzTest::sensible);
            Path noise = write("n-idx1-ubyte", Fuzz.noise(rng, 300));
            tally.run(id + " noise", () -> IdxReader.read(noise, 1), ReaderFuzzTest::sensible);
        });
        assertClean(t);
        assertThat(t.count(Fuzz.Outcome.SENSIBLE_SUCCESS))
                .as("the unmutated-in-effect cases load")
                .isPositive();
    }

    static boolean sensible(SourceData d) {
        return sensible(d.train()) && d.test().map(ReaderFuzzTest::sensible).orElse(true);
    }

    static boolean sensible(Dataset d) {
        for (float v : d.features()) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        return d.classNames().stream().distinct().count() == d.classCount()
                && d.features().length == (long) d.size() * d.featureSize();
    }

    @Test
    void cifarMutated() throws IOException {
        byte[] batch = new byte[2 * Cifar10Reader.RECORD];
        batch[Cifar10Reader.RECORD] = 3;
        byte[] meta = "airplane\nautomobile\nbird\ncat\ndeer\ndog\nfrog\nhorse\nship\ntruck\n"
                .getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
            for (String name : List.of(
                    "data_batch_1.bin",
                    "data_batch_2.bin",
                    "data_batch_3.bin",
                    "data_batch_4.bin",
                    "data_batch_5.bin",
                    "test_batch.bin")) {
                TarArchiveEntry e = new TarArchiveEntry("cifar-10-batches-bin/" + name);
                e.setSize(batch.length);
                tar.putArchiveEntry(e);
                tar.write(batch);
                tar.closeArchiveEntry();
            }
        }
        byte[] validTar = bytes.toByteArray();
        Fuzz.Tally t = Fuzz.cases("cifar10", 12, 750, (rng, id, tally) -> {
            Path cifar = dir.resolve("cifar");
            for (int i = 1; i <= 5; i++) {
                TestFiles.write(cifar.resolve("data_batch_" + i + ".bin"), i == 3 ? Fuzz.mutate(batch, rng) : batch);
            }
            TestFiles.write(cifar.resolve("test_batch.bin"), batch);
            TestFiles.write(cifar.resolve("batches.meta.txt"), Fuzz.mutate(meta, rng));
            tally.run(id + " directory", () -> Cifar10Reader.read(cifar), ReaderFuzzTest::sensible);
            Path file = write("cifar-10-binary.tar.gz", Fuzz.mutate(validTar, rng));
            tally.run(id + " tar.gz", () -> Cifar10Reader.read(file), ReaderFuzzTest::sensible);
        });
        assertClean(t);
    }

    /** Whole-number labels in several spellings, words, non-ASCII and a byte-order mark. */
    private static final String[] LABELS = {
        "0", "1", "2", "01", "-0", "00", "+1", "a", "b", "é", "猫", "\uFEFF1", " 1", "1.0"
    };

    static String structuredCsv(SplittableRandom rng) {
        StringBuilder sb = new StringBuilder();
        if (rng.nextInt(4) == 0) {
            sb.append('\uFEFF');
        }
        if (rng.nextBoolean()) {
            sb.append(rng.nextBoolean() ? "x,y,label\n" : "x,é,ラベル\n");
        }
        int rows = 1 + rng.nextInt(12);
        for (int r = 0; r < rows; r++) {
            sb.append(rng.nextInt(100))
                    .append(',')
                    .append(rng.nextDouble() * 10)
                    .append(',')
                    .append(LABELS[rng.nextInt(LABELS.length)])
                    .append(rng.nextInt(5) == 0 ? "\r\n" : "\n");
        }
        return sb.toString();
    }

    static boolean sensibleCsv(SourceData d) {
        if (d.train().targets() instanceof RealValues values) {
            // a regression target (decimals, or many whole numbers): one finite value per row, and the table's gaps
            return values.size() == d.train().size()
                    && Arrays.stream(values.values()).allMatch(Double::isFinite)
                    && sensibleFeatures(d);
        }
        // One class loads (evaluate may score one row); a search refuses it (TrainableData, tested with the search).
        int[] counts = d.train().classCounts();
        return sensibleFeatures(d)
                && d.train().classNames().stream().distinct().count()
                        == d.train().classCount()
                && d.train().classCount() >= 1
                && Arrays.stream(counts).allMatch(c -> c > 0)
                && d.train().classNames().stream().noneMatch(n -> n.startsWith("\uFEFF"));
    }

    private static boolean sensibleFeatures(SourceData d) {
        // A table's gaps are NaN until the impute step fills them: as many as the reader counted, and no other.
        long gaps = 0;
        for (float v : d.train().features()) {
            gaps += Float.isNaN(v) ? 1 : 0;
        }
        long counted = d.table()
                .map(t -> Arrays.stream(t.missing()).asLongStream().sum())
                .orElse(0L);
        float[] x = d.train().features();
        boolean finiteElse = true;
        for (float v : x) {
            finiteElse &= Float.isNaN(v) || Float.isFinite(v);
        }
        return gaps == counted && finiteElse;
    }

    @Test
    void csvTextOfEveryKind() {
        Fuzz.Tally t = Fuzz.cases("csv", 13, 3000, (rng, id, tally) -> {
            String text = switch (rng.nextInt(3)) {
                case 0 -> Fuzz.text(rng, "0123456789.,-e\"\n\r abcx;é\uFEFF", 200);
                case 1 -> structuredCsv(rng);
                default -> null;
            };
            byte[] bytes = text != null
                    ? text.getBytes(StandardCharsets.UTF_8)
                    : Fuzz.mutate(structuredCsv(rng).getBytes(StandardCharsets.UTF_8), rng); // often not UTF-8 any more
            Path file = write("f.csv", bytes);
            Optional<Boolean> header = switch (rng.nextInt(3)) {
                case 0 -> Optional.of(true);
                case 1 -> Optional.of(false);
                default -> Optional.empty();
            };
            Optional<String> label =
                    rng.nextInt(4) == 0 ? Optional.of(rng.nextBoolean() ? "label" : "2") : Optional.empty();
            tally.run(
                    id, () -> CsvReader.read(file, new CsvReader.Options(header, label)), ReaderFuzzTest::sensibleCsv);
        });
        assertClean(t);
        assertThat(t.count(Fuzz.Outcome.SENSIBLE_SUCCESS)).isPositive();
    }

    @Test
    void csvPositiveControls() {
        Path bom = write("bom.csv", "\uFEFFkind,b,c\nx,1,2\ny,3,4\n".getBytes(StandardCharsets.UTF_8));
        SourceData d = CsvReader.read(bom, new CsvReader.Options(Optional.empty(), Optional.of("kind")));
        assertThat(d.train().classNames()).containsExactly("x", "y");
        Path noHeader = write("bom-no-header.csv", "\uFEFF1,2,0\n3,4,1\n".getBytes(StandardCharsets.UTF_8));
        SourceData e = CsvReader.read(noHeader, new CsvReader.Options(Optional.empty(), Optional.empty()));
        assertThat(e.train().size()).as("the first row is data, not a header").isEqualTo(2);
        // One number spelt two ways is one class (issue 26, defect 12), named canonically.
        Path spelt = write("spelt.csv", "1,2,1\n3,4,01\n5,6,0\n".getBytes(StandardCharsets.UTF_8));
        Dataset f = CsvReader.read(spelt, new CsvReader.Options(Optional.empty(), Optional.empty()))
                .train();
        assertThat(f.classNames()).containsExactly("0", "1");
        assertThat(f.labels()).containsExactly(1, 1, 0);
    }

    static byte[] validManifest(Path ensemble) {
        Network net = new Network(
                        new Architecture.DenseStack(Shape.vector(4), new int[] {3}, 2), KernelsProvider.scalar())
                .initialize(1);
        EnsembleManifest m = new EnsembleManifest(
                SavedEnsemble.FORMAT_VERSION,
                new int[] {1, 1, 4},
                List.of("a", "b"),
                new Pipeline(List.of(new Standardize(new float[4], new float[] {1, 1, 1, 1}))),
                List.of(new MemberRecord(
                        0,
                        0,
                        "dnn-depth-1",
                        7L,
                        net.architecture(),
                        new org.saepj.engine.optim.OptimizerSpec.RmsProp(0.003f),
                        null,
                        1.0,
                        (long) net.parameterCount(),
                        "member-0.params",
                        SavedEnsemble.parameterChecksum(net))),
                org.saepj.search.Mixture.UNIFORM,
                new EnsembleManifest.DataEntry(
                        "csv:x.csv", null, "train/test", -1, 0, 0.2, 1, "abc", "abc", null, null),
                new org.saepj.search.Provenance("test", "abc", "17", "scalar", "local", 1, "2026-12-01T00:00:00Z"),
                null,
                List.of("f1", "f2", "f3", "f4"),
                null);
        new SavedEnsemble(m, List.of(net)).save(ensemble);
        try {
            return Files.readAllBytes(ensemble.resolve(SavedEnsemble.MANIFEST));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean sensible(SavedEnsemble e) {
        EnsembleManifest m = e.manifest();
        boolean finite = e.networks().stream().allMatch(n -> {
            for (float v : n.parameters()) {
                if (!Float.isFinite(v)) {
                    return false;
                }
            }
            return true;
        });
        double absolute = Arrays.stream(e.weights()).map(Math::abs).sum();
        return finite
                && e.networks().size() == m.members().size()
                && Arrays.stream(e.weights()).allMatch(w -> Float.isFinite((float) w))
                && absolute > 0
                && m.classNames().stream().distinct().count() == m.classNames().size()
                && m.preprocessing().steps().stream()
                        .allMatch(s -> !(s instanceof Standardize st)
                                || st.deviation() == null
                                || allPositive(st.deviation()));
    }

    private static boolean allPositive(float[] values) {
        for (float v : values) {
            if (!(v > 0) || !Float.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    @Test
    void manifestAndParameterFilesMutated() throws IOException {
        Path ensemble = dir.resolve("ensemble");
        byte[] manifest = validManifest(ensemble);
        byte[] params = Files.readAllBytes(ensemble.resolve("member-0.params"));
        assertThat(sensible(SavedEnsemble.load(ensemble, Backends.scalar())))
                .as("positive control")
                .isTrue();
        Fuzz.Tally t = Fuzz.cases("manifest", 14, 2000, (rng, id, tally) -> {
            boolean mutateParams = rng.nextInt(4) == 0;
            write("ensemble/manifest.json", mutateParams ? manifest : Fuzz.mutate(manifest, rng));
            write("ensemble/member-0.params", mutateParams ? Fuzz.mutate(params, rng) : params);
            tally.run(id, () -> SavedEnsemble.load(ensemble, Backends.scalar()), ReaderFuzzTest::sensible);
        });
        assertClean(t);
    }
}
