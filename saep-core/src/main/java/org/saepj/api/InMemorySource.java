package org.saepj.api;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.saepj.DataException;
import org.saepj.SaepException;
import org.saepj.UsageException;
import org.saepj.data.Dataset;
import org.saepj.data.Fingerprint;
import org.saepj.data.Shape;
import org.saepj.data.SourceData;
import org.saepj.task.RealValues;

/**
 * Rows and their targets (class labels, or values) held in memory as a data source: one training partition of
 * vectors (no test partition, so a search holds out a share of the rows as a CSV file's is), fingerprinted by its
 * content like a file.
 */
final class InMemorySource {
    /** What a run's report and a saved ensemble's manifest name as the source of data given as arrays. */
    static final String SOURCE = "in-memory";

    private InMemorySource() {}

    /**
     * @param rows checked feature rows ({@link FeatureRows#check})
     * @param labels their classes
     * @param featureNames a name per feature, or null for none
     * @return the rows as a source a search takes
     * @throws SaepException when the labels hold one class only or the names do not fit the features
     */
    static SourceData of(float[][] rows, ArrayLabels labels, List<String> featureNames) {
        if (labels.classNames().size() < 2) {
            throw new DataException("labels: every row has the class '"
                    + labels.classNames().get(0) + "': a classifier needs at least two classes");
        }
        int width = rows[0].length;
        checkNames(featureNames, width);
        float[] flat = FeatureRows.flatten(rows);
        Dataset train = new Dataset(SOURCE, flat, labels.indices(), Shape.vector(width), labels.classNames());
        return source(
                train, fingerprint(flat, width, labels.indices(), new double[0], labels.classNames()), featureNames);
    }

    /**
     * @param rows checked feature rows ({@link FeatureRows#check})
     * @param values their targets, checked ({@link ArrayValues#check})
     * @param featureNames a name per feature, or null for none
     * @return the rows as a source a regression search takes
     * @throws SaepException when the names do not fit the features
     */
    static SourceData of(float[][] rows, double[] values, List<String> featureNames) {
        int width = rows[0].length;
        checkNames(featureNames, width);
        float[] flat = FeatureRows.flatten(rows);
        Dataset train = new Dataset(SOURCE, flat, new RealValues(values.clone()), Shape.vector(width));
        return source(train, fingerprint(flat, width, new int[0], values, List.of()), featureNames);
    }

    private static SourceData source(Dataset train, String sha256, List<String> featureNames) {
        return new SourceData(
                SOURCE,
                SOURCE,
                train,
                Optional.empty(),
                sha256,
                false,
                null,
                featureNames == null ? List.of() : featureNames);
    }

    private static void checkNames(List<String> names, int width) {
        if (names == null) {
            return;
        }
        if (names.size() != width) {
            throw new UsageException("featureNames: " + names.size() + " names for " + width
                    + " features: expected one name per feature");
        }
        Set<String> seen = new HashSet<>();
        for (String n : names) {
            if (n == null || n.isBlank()) {
                throw new UsageException(
                        "featureNames: a name is " + (n == null ? "null" : "blank") + ": expected a name per feature");
            }
            if (!seen.add(n)) {
                throw new UsageException("featureNames: '" + SaepException.printable(n)
                        + "' names two features: expected each name once");
            }
        }
    }

    /**
     * The SHA-256 of the features, their width, the labels or values and the class names: the same content, the same
     * id.
     */
    private static String fingerprint(float[] flat, int width, int[] labels, double[] values, List<String> classes) {
        MessageDigest digest = Fingerprint.sha256();
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        buffer.putInt(width);
        for (float v : flat) {
            if (buffer.remaining() < Float.BYTES) {
                drain(digest, buffer);
            }
            buffer.putFloat(v);
        }
        for (int y : labels) {
            if (buffer.remaining() < Integer.BYTES) {
                drain(digest, buffer);
            }
            buffer.putInt(y);
        }
        for (double y : values) {
            if (buffer.remaining() < Double.BYTES) {
                drain(digest, buffer);
            }
            buffer.putDouble(y);
        }
        drain(digest, buffer);
        digest.update(String.join("\n", classes).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void drain(MessageDigest digest, ByteBuffer buffer) {
        buffer.flip();
        digest.update(buffer);
        buffer.clear();
    }
}
