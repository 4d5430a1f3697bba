package org.saepj.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.saepj.SaepException;
import org.saepj.data.Dataset;
import org.saepj.data.Fingerprint;
import org.saepj.data.Shape;
import org.saepj.data.Standardizer;
import org.saepj.engine.Architecture;
import org.saepj.engine.Network;
import org.saepj.engine.ParameterCodec;
import org.saepj.engine.kernel.Kernels;
import org.saepj.ensemble.Logits;

/**
 * A saved ensemble: members' networks, mixture weights, class names and preprocessing. Written as a
 * directory with {@code manifest.json} and one {@code member-<id>.params} per member; every file is written
 * atomically, the manifest last, so a directory with a manifest is complete.
 *
 * @param manifest the manifest
 * @param networks the members' networks, in manifest order
 */
public record SavedEnsemble(EnsembleManifest manifest, List<Network> networks) {
    /** The manifest format this build writes and reads. */
    public static final int FORMAT_VERSION = 1;
    /** The largest member a manifest may declare: a guard against corrupt sizes, far above the paper's networks. */
    public static final long MAX_PARAMETERS = 1L << 27;
    /** The manifest's file name. */
    public static final String MANIFEST = "manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** @return the Jackson mapper used for manifests */
    public static ObjectMapper json() {
        return JSON;
    }

    /**
     * Writes the ensemble into a directory.
     *
     * @param dir the directory (created if needed)
     */
    public void save(Path dir) {
        for (int j = 0; j < networks.size(); j++) {
            float[] params = networks.get(j).parameters();
            AtomicFiles.write(dir.resolve(manifest.members().get(j).file()), out -> ParameterCodec.write(params, out));
        }
        // The manifest goes last: a directory that has one is complete.
        AtomicFiles.write(dir.resolve(MANIFEST), out -> out.write(JSON.writeValueAsBytes(manifest)));
    }

    /**
     * The checksum of a member's parameter file as {@link #save} writes it, recorded in the manifest.
     *
     * @param network the member's network
     * @return hex SHA-256 of the parameter file content
     */
    public static String parameterChecksum(Network network) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try {
            ParameterCodec.write(network.parameters(), bytes);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return Fingerprint.sha256Hex(bytes.toByteArray());
    }

    /**
     * Loads a saved ensemble, checking the format version, every member's architecture and each parameter
     * file's checksum.
     *
     * @param dir the directory holding manifest.json
     * @param kernels the kernels the rebuilt networks use
     * @return the ensemble
     * @throws SaepException naming the file and the problem when the directory is not a usable saved ensemble
     */
    public static SavedEnsemble load(Path dir, Kernels kernels) {
        Path file = dir.resolve(MANIFEST);
        EnsembleManifest manifest;
        try {
            JsonNode tree = JSON.readTree(Files.readAllBytes(file));
            if (tree == null || !tree.isObject()) {
                throw new SaepException(file + ": not a JSON object");
            }
            JsonNode version = tree.get("formatVersion");
            if (version == null || !version.canConvertToInt()) {
                throw new SaepException(file + ": missing formatVersion: not a SAEP-J ensemble manifest");
            }
            if (version.asInt() > FORMAT_VERSION) {
                throw new SaepException(file + ": format version " + version.asInt() + " is newer than this build reads ("
                        + FORMAT_VERSION + "): upgrade SAEP-J");
            }
            if (version.asInt() < 1) {
                throw new SaepException(file + ": invalid format version " + version.asInt());
            }
            manifest = JSON.treeToValue(tree, EnsembleManifest.class);
        } catch (NoSuchFileException e) {
            throw new SaepException(dir + ": no " + MANIFEST + " (expected a saved ensemble directory, e.g. OUT/ensemble)");
        } catch (JsonProcessingException e) {
            throw new SaepException(file + ": corrupt manifest (" + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new SaepException(file + ": cannot read: " + e.getMessage(), e);
        }
        validate(file, manifest);
        List<Network> networks = new ArrayList<>();
        for (EnsembleManifest.MemberEntry m : manifest.members()) {
            Architecture arch = architecture(file, manifest, m);
            if (arch.parameterCount() > MAX_PARAMETERS) {
                throw new SaepException(file + ": member " + m.id() + " declares " + arch.parameterCount()
                        + " parameters: more than this build loads (" + MAX_PARAMETERS + ")");
            }
            Network net = new Network(arch, kernels);
            Path params = dir.resolve(m.file()).normalize();
            if (!params.startsWith(dir.normalize())) {
                throw new SaepException(file + ": member " + m.id() + " names a file outside the ensemble directory: " + m.file());
            }
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(params);
            } catch (NoSuchFileException e) {
                throw new SaepException(params + ": missing parameter file of member " + m.id());
            } catch (IOException e) {
                throw new SaepException(params + ": cannot read: " + e.getMessage(), e);
            }
            if (m.sha256() != null && !m.sha256().equals(Fingerprint.sha256Hex(bytes))) {
                throw new SaepException(params + ": checksum mismatch: the file is corrupt or was changed");
            }
            try (InputStream in = new java.io.ByteArrayInputStream(bytes)) {
                net.setParameters(ParameterCodec.read(in, net.parameterCount(), params.toString()));
            } catch (IOException e) {
                throw new SaepException(params + ": cannot read: " + e.getMessage(), e);
            }
            networks.add(net);
        }
        return new SavedEnsemble(manifest, networks);
    }

    private static void validate(Path file, EnsembleManifest m) {
        if (m.members() == null || m.members().isEmpty()) {
            throw new SaepException(file + ": lists no members");
        }
        if (m.classNames() == null || m.classNames().size() < 2) {
            throw new SaepException(file + ": needs at least 2 class names");
        }
        if (m.inputShape() == null || m.inputShape().length != 3 || m.inputShape()[0] < 1 || m.inputShape()[1] < 1
                || m.inputShape()[2] < 1) {
            throw new SaepException(file + ": inputShape must be [height, width, channels] with positive entries");
        }
        if (m.preprocessing() == null || m.preprocessing().type() == null
                || !List.of("scale", "standardize").contains(m.preprocessing().type())) {
            throw new SaepException(file + ": preprocessing.type must be scale or standardize");
        }
        long features = (long) m.inputShape()[0] * m.inputShape()[1] * m.inputShape()[2];
        if (features > (1 << 24)) {
            throw new SaepException(file + ": inputShape declares " + features + " values per sample: more than this build loads");
        }
        if (m.preprocessing().type().equals("standardize") && (m.preprocessing().mean() == null
                || m.preprocessing().deviation() == null || m.preprocessing().mean().length != features
                || m.preprocessing().deviation().length != features)) {
            throw new SaepException(file + ": standardize needs mean and deviation of " + features + " features each");
        }
        if (m.classNames().contains(null)) {
            throw new SaepException(file + ": class names must be strings");
        }
        for (EnsembleManifest.MemberEntry e : m.members()) {
            if (e == null || e.kind() == null || e.file() == null || !Double.isFinite(e.weight())) {
                throw new SaepException(file + ": every member needs a kind, a file and a finite weight");
            }
        }
    }

    private static Architecture architecture(Path file, EnsembleManifest m, EnsembleManifest.MemberEntry e) {
        Shape shape = new Shape(m.inputShape()[0], m.inputShape()[1], m.inputShape()[2]);
        int classes = m.classNames().size();
        try {
            return switch (e.kind()) {
                case "dnn", "linear" -> new Architecture.DenseStack(shape, e.hidden() == null ? new int[0] : e.hidden(), classes);
                case "cnn" -> new Architecture.ConvNet(shape, e.filters(), e.dense(), classes);
                default -> throw new SaepException(file + ": member " + e.id() + " has unknown kind '" + e.kind()
                        + "': expected linear, dnn or cnn");
            };
        } catch (IllegalArgumentException ex) {
            throw new SaepException(file + ": member " + e.id() + ": " + ex.getMessage());
        }
    }

    /** @return the mixture weights */
    public double[] weights() {
        return manifest.members().stream().mapToDouble(EnsembleManifest.MemberEntry::weight).toArray();
    }

    /** @return the standardiser of tabular inputs, or null for images */
    public Standardizer standardizer() {
        EnsembleManifest.Preprocessing p = manifest.preprocessing();
        return p.type().equals("standardize") ? new Standardizer(p.mean(), p.deviation()) : null;
    }

    /**
     * @param data inputs already preprocessed like the training data
     * @return each member's logits
     */
    public List<float[]> memberLogits(Dataset data) {
        checkInput(data);
        return networks.stream().map(n -> n.logits(data)).toList();
    }

    /**
     * @param data inputs already preprocessed like the training data
     * @return the ensemble's logits Σ w_j·h_j
     */
    public float[] logits(Dataset data) {
        return Logits.combine(memberLogits(data), weights());
    }

    private void checkInput(Dataset data) {
        int[] s = manifest.inputShape();
        if (data.featureSize() != s[0] * s[1] * s[2]) {
            throw new SaepException(data.name() + ": samples have " + data.featureSize() + " values but the ensemble expects "
                    + s[0] + "×" + s[1] + "×" + s[2] + " = " + s[0] * s[1] * s[2]);
        }
    }

    /**
     * Keeps only some members (post-hoc pruning).
     *
     * @param keep member positions to keep, in order
     * @param uniform whether to reset the weights to 1/N (uniform mixture) or keep the kept members' weights
     * @return the smaller ensemble
     */
    public SavedEnsemble keep(List<Integer> keep, boolean uniform) {
        List<EnsembleManifest.MemberEntry> entries = new ArrayList<>();
        List<Network> nets = new ArrayList<>();
        for (int j : keep) {
            EnsembleManifest.MemberEntry e = manifest.members().get(j);
            double w = uniform ? 1.0 / keep.size() : e.weight();
            entries.add(new EnsembleManifest.MemberEntry(e.id(), e.iteration(), e.kind(), e.depth(), e.hidden(), e.filters(),
                    e.dense(), w, e.parameters(), e.file(), e.sha256()));
            nets.add(networks.get(j));
        }
        EnsembleManifest m = manifest;
        return new SavedEnsemble(new EnsembleManifest(m.formatVersion(), m.inputShape(), m.classNames(), m.preprocessing(),
                entries, m.data(), m.provenance()), nets);
    }

    /** @return provenance entries, never null */
    public Map<String, String> provenance() {
        return manifest.provenance() == null ? Map.of() : manifest.provenance();
    }
}
