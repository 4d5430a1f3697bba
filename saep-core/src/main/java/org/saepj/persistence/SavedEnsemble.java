package org.saepj.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.saepj.DataException;
import org.saepj.FileException;
import org.saepj.SaepException;
import org.saepj.data.Dataset;
import org.saepj.data.Fingerprint;
import org.saepj.data.Shape;
import org.saepj.engine.Architecture;
import org.saepj.engine.Backend;
import org.saepj.engine.Network;
import org.saepj.engine.layer.LayerSpec;
import org.saepj.ensemble.FiniteOutputs;
import org.saepj.ensemble.Logits;
import org.saepj.task.ClassificationTask;
import org.saepj.task.Task;
import org.saepj.task.Tasks;

/**
 * A saved ensemble: members' networks, mixture weights, class names and preprocessing. Written as a
 * directory with {@code manifest.json} and one {@code member-<id>.params} per member; every file is written
 * atomically, the manifest last, so a directory with a manifest is complete.
 *
 * @param manifest the manifest
 * @param networks the members' networks, in manifest order
 */
public record SavedEnsemble(EnsembleManifest manifest, List<Network> networks) {
    /**
     * The manifest format this build writes; it reads 1 to 4 (2 adds the separate test source and the
     * fingerprint of each source, so evaluation can tell training rows from test rows; 3 stores members as
     * {@link MemberRecord}s, the provenance typed and the mixture by itself; 4 stores the preprocessing as a
     * pipeline of typed steps). A classifier is written in this format, readable by builds that predate tasks.
     */
    public static final int FORMAT_VERSION = 4;
    /**
     * The newest manifest format this build reads and the one it writes for a task other than classification: 5 adds
     * the {@code target} (regression), so that a build that predates tasks refuses the ensemble instead of taking it
     * for a classifier.
     */
    public static final int NEWEST_FORMAT_VERSION = 5;
    /** The largest member a manifest may declare: a guard against corrupt sizes, far above the paper's networks. */
    public static final long MAX_PARAMETERS = 1L << 27;
    /** The manifest's file name. */
    public static final String MANIFEST = "manifest.json";

    private static final ObjectMapper JSON = JsonFormat.mapper();

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
            byte[] bytes = ParameterFiles.bytes(networks.get(j));
            AtomicFiles.write(dir.resolve(manifest.members().get(j).file()), out -> out.write(bytes));
        }
        // The manifest goes last: a directory that has one is complete.
        EnsembleManifest m = manifest;
        EnsembleManifest current = new EnsembleManifest(
                formatOf(m),
                m.inputShape(),
                m.classNames(),
                m.preprocessing(),
                m.members(),
                m.mixture(),
                m.data(),
                m.provenance(),
                m.config(),
                m.featureNames(),
                m.target(),
                m.temperature());
        AtomicFiles.write(dir.resolve(MANIFEST), out -> out.write(JSON.writeValueAsBytes(current)));
    }

    /**
     * The checksum of a member's parameter file as {@link #save} writes it (parameters, then any layer state),
     * recorded in the manifest.
     *
     * @param network the member's network
     * @return hex SHA-256 of the parameter file content
     */
    public static String parameterChecksum(Network network) {
        return Fingerprint.sha256Hex(ParameterFiles.bytes(network));
    }

    /**
     * Loads a saved ensemble, checking the format version, every member's architecture and each parameter
     * file's checksum.
     *
     * @param dir the directory holding manifest.json
     * @param backend the backend the rebuilt networks use
     * @return the ensemble
     * @throws SaepException naming the file and the problem when the directory is not a usable saved ensemble
     */
    public static SavedEnsemble load(Path dir, Backend backend) {
        Path file = dir.resolve(MANIFEST);
        if (!Files.exists(dir)) {
            throw new FileException(dir + " does not exist (expected a saved ensemble directory, e.g. OUT/ensemble)");
        }
        if (!Files.exists(file)) {
            throw new FileException(
                    dir + ": no " + MANIFEST + " (expected a saved ensemble directory, e.g. OUT/ensemble)");
        }
        EnsembleManifest manifest;
        try {
            JsonNode tree = ManifestUpgrade.CHAIN.read(
                    file, JSON.readTree(org.saepj.data.io.InputFiles.readAll(file, "the manifest")));
            checkMemberFields(file, tree.get("members"));
            manifest = JSON.treeToValue(tree, EnsembleManifest.class);
        } catch (JsonProcessingException e) {
            if (e instanceof InvalidTypeIdException t
                    && t.getTypeId() != null
                    && t.getBaseType().hasRawClass(LayerSpec.class)) {
                // A layer type this build lacks is most likely a missing plug-in, not damage: say only that.
                throw new FileException(
                        file + ": " + e.getOriginalMessage().lines().findFirst().orElse(""), e);
            }
            throw new FileException(
                    file + ": corrupt manifest ("
                            + e.getOriginalMessage().lines().findFirst().orElse("") + ")",
                    e);
        } catch (IOException e) {
            throw new FileException(file + ": cannot read: " + e.getMessage(), e);
        }
        validate(file, manifest);
        Path realDir = realPath(dir);
        List<Network> networks = new ArrayList<>();
        for (MemberRecord m : manifest.members()) {
            Architecture arch = m.architecture();
            if (arch.parameterCount() > MAX_PARAMETERS) {
                throw new FileException(file + ": member " + m.id() + " declares " + arch.parameterCount()
                        + " parameters: more than this build loads (" + MAX_PARAMETERS + ")");
            }
            if (m.parameters() != null && m.parameters() != arch.parameterCount()) {
                throw new FileException(file + ": member " + m.id() + " says " + m.parameters()
                        + " parameters, its architecture has " + arch.parameterCount());
            }
            Network net = backend.network(arch);
            Path params = dir.resolve(m.file()).normalize();
            if (!params.startsWith(dir.normalize())
                    || Files.exists(params) && !realPath(params).startsWith(realDir)) {
                throw new FileException(
                        file + ": member " + m.id() + " names a file outside the ensemble directory: " + m.file());
            }
            ParameterFiles.restore(net, params, m.sha256(), m.id(), "");
            networks.add(net);
        }
        return new SavedEnsemble(manifest, networks);
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            throw new FileException(p + ": cannot resolve: " + e.getMessage(), e);
        }
    }

    /** The fields a default would silently replace (a missing weight read as 0): present, and of the right type. */
    private static void checkMemberFields(Path file, JsonNode members) {
        if (members == null || !members.isArray()) {
            return; // reported by validate
        }
        for (int j = 0; j < members.size(); j++) {
            JsonNode m = members.get(j);
            String which = "member " + (j + 1) + " of " + members.size();
            if (m == null || !m.isObject()) {
                throw new FileException(file + ": " + which + " is not an object");
            }
            for (String field : List.of("id", "iteration", "parameters")) {
                if (!m.path(field).isIntegralNumber()) {
                    throw new FileException(file + ": " + which + " needs a whole number " + field);
                }
            }
            if (!m.path("weight").isNumber()) {
                throw new FileException(file + ": " + which + " has no numeric weight");
            }
            if (!m.path("sha256").isTextual() || !m.path("sha256").asText().matches("[0-9a-f]{64}")) {
                throw new FileException(
                        file + ": " + which + " needs the sha256 of its parameter file (64 hex digits)");
            }
        }
    }

    private static void validate(Path file, EnsembleManifest m) {
        if (m.members() == null || m.members().isEmpty()) {
            throw new FileException(file + ": lists no members");
        }
        if (m.target() != null) {
            validateTarget(file, m);
        } else if (m.classNames() == null || m.classNames().size() < 2) {
            throw new FileException(file + ": needs at least 2 class names");
        }
        if (m.inputShape() == null
                || m.inputShape().length != 3
                || m.inputShape()[0] < 1
                || m.inputShape()[1] < 1
                || m.inputShape()[2] < 1) {
            throw new FileException(file + ": inputShape must be [height, width, channels] with positive entries");
        }
        if (m.preprocessing() == null) {
            throw new FileException(file + ": preprocessing must list its steps (e.g. [{\"type\": \"scale\"}])");
        }
        long features = (long) m.inputShape()[0] * m.inputShape()[1] * m.inputShape()[2];
        if (features > (1 << 24)) {
            throw new FileException(
                    file + ": inputShape declares " + features + " values per sample: more than this build loads");
        }
        try {
            m.preprocessing().check((int) features);
        } catch (IllegalArgumentException e) {
            throw new FileException(file + ": " + e.getMessage(), e);
        }
        int raw = m.preprocessing().rawWidth((int) features);
        if (m.featureNames() != null
                && (m.featureNames().size() != raw || m.featureNames().contains(null))) {
            throw new FileException(file + ": featureNames must name each of the " + raw + " features");
        }
        if (m.classNames().contains(null)) {
            throw new FileException(file + ": class names must be strings");
        }
        if (new java.util.HashSet<>(m.classNames()).size() != m.classNames().size()) {
            throw new FileException(file + ": a class name appears twice in classNames");
        }
        double absolute = 0;
        Shape shape = new Shape(m.inputShape()[0], m.inputShape()[1], m.inputShape()[2]);
        for (MemberRecord e : m.members()) {
            if (e == null || e.architecture() == null || e.file() == null || e.weight() == null) {
                throw new FileException(file + ": every member needs an architecture, a file and a weight");
            }
            checkFileName(file, e);
            if (!e.architecture().input().equals(shape)
                    || e.architecture().classes() != m.classNames().size()) {
                throw new FileException(file + ": member " + e.id() + " takes "
                        + e.architecture().input() + " inputs to "
                        + e.architecture().classes() + " classes, the ensemble " + shape + " to "
                        + m.classNames().size());
            }
            // The weights are applied in float: one that does not fit would make every logit infinite.
            if (!Float.isFinite((float) e.weight().doubleValue()) || Math.abs(e.weight()) > 1e6) {
                throw new FileException(file + ": member " + e.id() + " has weight " + e.weight()
                        + ": expected a finite number of" + " magnitude at most 1e6");
            }
            absolute += Math.abs(e.weight());
        }
        if (absolute == 0) {
            throw new FileException(file + ": every mixture weight is 0: the ensemble would predict nothing");
        }
        if (m.mixture() == null) {
            throw new FileException(file + ": mixture must be uniform or learned");
        }
        if (m.members().stream().map(MemberRecord::file).distinct().count()
                != m.members().size()) {
            throw new FileException(file + ": two members name the same parameter file");
        }
        // Ids name the members in reports, pruning decisions and errors: two members with one id are one too many.
        twice(m.members().stream().map(e -> e.id()).toList()).ifPresent(id -> {
            throw new FileException(
                    file + ": member id " + id + " appears twice in members: each member needs an id of" + " its own");
        });
        // Columns are matched to features by name: with a name twice, one column would feed two inputs.
        if (m.featureNames() != null) {
            twice(m.featureNames()).ifPresent(n -> {
                throw new FileException(file + ": the feature name '" + n + "' appears twice in featureNames");
            });
        }
        if (m.data() != null) {
            validateData(file, m.data());
        }
    }

    /** @return a value that appears more than once in the list, if any */
    private static <T> java.util.Optional<T> twice(List<T> values) {
        java.util.Set<T> seen = new java.util.HashSet<>();
        return values.stream().filter(v -> !seen.add(v)).findFirst();
    }

    /**
     * A member's parameter file is a name inside the ensemble's directory: text a path can hold, so that resolving it
     * cannot fail (a NUL byte) and an error can print it on one line.
     */
    private static void checkFileName(Path file, MemberRecord e) {
        String name = e.file();
        String named =
                file + ": member " + e.id() + " names the parameter file '" + SaepException.printable(name) + "'";
        if (name.isBlank() || name.chars().anyMatch(Character::isISOControl)) {
            throw new FileException(named + ": expected a file name without control characters (such as NUL)");
        }
        try {
            Path.of(name);
        } catch (java.nio.file.InvalidPathException ex) {
            throw new FileException(named + ", which is not a path: " + ex.getReason(), ex);
        }
    }

    /** The recorded data settings rebuild the search's split: they must be settings a search can have had. */
    /** A value target: a task this build knows, one output, and a standardisation that can be undone. */
    private static void validateTarget(Path file, EnsembleManifest m) {
        EnsembleManifest.Target t = m.target();
        if (t.task() == null || Tasks.all().stream().noneMatch(task -> task.id().equals(t.task()))) {
            throw new FileException(file + ": target names the task " + t.task() + ", which this build does not have");
        }
        if (m.classNames() == null || m.classNames().size() != 1) {
            throw new FileException(file + ": a " + t.task() + " ensemble has one output name in classNames");
        }
        if (!Double.isFinite(t.mean()) || !(t.scale() > 0) || Double.isInfinite(t.scale())) {
            throw new FileException(
                    file + ": target mean must be finite and scale positive, got " + t.mean() + ", " + t.scale());
        }
    }

    private static void validateData(Path file, EnsembleManifest.DataEntry d) {
        String problem = null;
        if (d.folds() != 0 && (d.folds() < 2 || d.folds() > 100_000)) {
            problem = "folds must be 0 or between 2 and 100000, got " + d.folds();
        } else if (d.folds() == 0 ? d.fold() != -1 : d.fold() < 0 || d.fold() >= d.folds()) {
            problem = "fold " + d.fold() + " does not fit folds " + d.folds() + " (-1 without folds, else 0.."
                    + (d.folds() - 1) + ")";
        } else if (!(d.testFraction() > 0 && d.testFraction() < 1)) {
            problem = "testFraction must be in (0, 1), got " + d.testFraction();
        } else if (d.pair() != null
                && (d.pair().length != 2 || d.pair()[0] < 0 || d.pair()[1] < 0 || d.pair()[0] == d.pair()[1])) {
            problem = "pair must be two different class indices, got " + java.util.Arrays.toString(d.pair());
        } else if (d.source() == null) {
            problem = "source is missing";
        }
        if (problem != null) {
            throw new FileException(file + ": data." + problem);
        }
    }

    /**
     * Loads a saved ensemble with the fastest backend this JVM offers.
     *
     * @param dir the directory holding manifest.json
     * @return the ensemble
     * @throws SaepException naming the file and the problem when the directory is not a usable saved ensemble
     */
    public static SavedEnsemble load(Path dir) {
        return load(dir, org.saepj.engine.Backends.best());
    }

    /**
     * Rows of raw values, without labels, as the networks take them: pixels 0–255 (H×W×C order) for images, CSV
     * features in the order of {@link EnsembleManifest#featureNames()} (for a table with text columns or gaps, its
     * cells as the pipeline's {@code Columns} step encodes them: a gap NaN, a category its level's index); the
     * preprocessing the search used (its stored pipeline: ÷ 255, or the training mean and deviation) is applied here,
     * as in the ONNX export.
     *
     * @param rows one row per sample, each with the ensemble's raw width (the pipeline's, before one-hot columns)
     * @return the rows preprocessed
     * @throws SaepException naming the row whose width is wrong
     */
    private Dataset rawRows(float[][] rows) {
        int[] s = manifest.inputShape();
        int d = manifest.preprocessing().rawWidth(s[0] * s[1] * s[2]);
        float[] x = new float[rows.length * d];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == null || rows[i].length != d) {
                throw new DataException("row " + i + " has " + (rows[i] == null ? 0 : rows[i].length)
                        + " values: the ensemble expects " + d
                        + (manifest.featureNames() == null
                                ? ""
                                : " (" + String.join(", ", manifest.featureNames()) + ")"));
            }
            System.arraycopy(rows[i], 0, x, i * d, d);
        }
        // raw values: every step, those the readers do included
        Shape raw = d == s[0] * s[1] * s[2] ? new Shape(s[0], s[1], s[2]) : Shape.vector(d);
        return manifest.preprocessing()
                .applyToRaw(new Dataset("rows", x, new int[rows.length], raw, manifest.classNames()));
    }

    /**
     * The ensemble's outputs for raw rows: the combined logits of a classifier; a regression ensemble's one output is
     * its value standardised ({@link #predictValues} gives the value).
     *
     * @param rows one row per sample, each with the ensemble's raw width (see {@link #rawRows})
     * @return the logits Σ w_j·h_j, {@code rows × classes}
     * @throws SaepException naming the row whose width is wrong
     */
    public float[][] predictLogits(float[][] rows) {
        float[] f = logits(rawRows(rows));
        int c = manifest.classNames().size();
        float[][] out = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = java.util.Arrays.copyOfRange(f, i * c, (i + 1) * c);
        }
        return out;
    }

    /**
     * @param rows one row of raw values per sample (see {@link #predictLogits})
     * @return each row's class probabilities, the softmax of the ensemble's logits, in class order
     */
    public double[][] predictProbabilities(float[][] rows) {
        float[][] logits = predictLogits(rows);
        double[][] out = new double[logits.length][];
        for (int i = 0; i < logits.length; i++) {
            out[i] = Logits.softmax(logits[i]);
        }
        return out;
    }

    /**
     * @param rows one row of raw values per sample (see {@link #predictLogits})
     * @return each row's predicted class name (the highest logit, ties to the first class)
     */
    public List<String> predict(float[][] rows) {
        float[][] logits = predictLogits(rows);
        List<String> out = new ArrayList<>();
        for (float[] l : logits) {
            out.add(manifest.classNames().get(Logits.argmax(l, l.length)[0]));
        }
        return out;
    }

    /**
     * The task the ensemble was searched for. Manifest formats 1 to 4 hold classifiers only (no {@code target}): their
     * class names are their targets.
     *
     * @return the ensemble's task
     */
    public Task task() {
        return manifest.target() == null
                ? ClassificationTask.INSTANCE
                : Tasks.of(manifest.target().task());
    }

    /**
     * A regression ensemble's prediction of each row: the value in the data's unit and the members' spread.
     *
     * @param rows one row of raw values per sample (see {@link #predictLogits})
     * @return each row's value and the standard deviation of its members' values (0 for one member)
     * @throws DataException when the ensemble does not predict values (a classifier)
     */
    public List<ValuePrediction> predictValues(float[][] rows) {
        EnsembleManifest.Target target = manifest.target();
        if (target == null) {
            throw new DataException("the ensemble is a classifier: it predicts classes, not values");
        }
        List<float[]> members = memberLogits(rawRows(rows));
        float[] f = combine(members);
        List<ValuePrediction> out = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            double sum = 0;
            double squares = 0;
            for (float[] h : members) {
                double v = target.mean() + target.scale() * h[i];
                sum += v;
                squares += v * v;
            }
            double mean = sum / members.size();
            double spread = Math.sqrt(Math.max(0, squares / members.size() - mean * mean));
            out.add(new ValuePrediction(target.mean() + target.scale() * f[i], spread));
        }
        return out;
    }

    /**
     * Each member's outputs for raw rows, before they are combined: a regression ensemble's are its members' values
     * standardised (what the ambiguity decomposition of {@link org.saepj.task.RegressionMetrics} takes).
     *
     * @param rows one row of raw values per sample (see {@link #predictLogits})
     * @return each member's outputs, {@code rows × outputs}, in the members' order
     * @throws SaepException naming the row whose width is wrong
     */
    public List<float[]> memberOutputs(float[][] rows) {
        return memberLogits(rawRows(rows));
    }

    /** @return the mixture weights */
    public double[] weights() {
        return manifest.members().stream().mapToDouble(MemberRecord::weight).toArray();
    }

    /**
     * @param loaded samples as a data source loaded them
     * @return the samples preprocessed as the search preprocessed its data (the stored pipeline)
     */
    public Dataset preprocess(Dataset loaded) {
        return manifest.preprocessing().apply(loaded);
    }

    /**
     * Every prediction, probability and score of a saved ensemble is computed from these outputs (predict, evaluate,
     * prune, the API), so they are checked here, once: each is a number.
     *
     * @param data inputs already preprocessed like the training data
     * @return each member's logits
     * @throws SaepException naming the rows on which a member's output is NaN or infinite
     */
    public List<float[]> memberLogits(Dataset data) {
        checkInput(data);
        List<float[]> out = new ArrayList<>();
        int classes = manifest.classNames().size();
        for (int j = 0; j < networks.size(); j++) {
            float[] logits = networks.get(j).logits(data);
            FiniteOutputs.require(
                    logits, classes, "member " + manifest.members().get(j).id() + "'s");
            out.add(logits);
        }
        return out;
    }

    /**
     * @param data inputs already preprocessed like the training data
     * @return the ensemble's logits Σ w_j·h_j, divided by the manifest's temperature when it has one
     * @throws SaepException naming the rows on which an output is NaN or infinite
     */
    public float[] logits(Dataset data) {
        return combine(memberLogits(data));
    }

    /**
     * @param memberLogits the members' logits ({@link #memberLogits})
     * @return the ensemble's logits Σ w_j·h_j, divided by the manifest's temperature when it has one
     * @throws SaepException naming the rows on which the weighted sum overflows
     */
    public float[] combine(List<float[]> memberLogits) {
        float[] f = Logits.combine(memberLogits, weights());
        if (manifest.temperature() != null) {
            f = org.saepj.ensemble.TemperatureScaling.apply(f, manifest.temperature());
        }
        FiniteOutputs.require(f, manifest.classNames().size(), "the ensemble's");
        return f;
    }

    private void checkInput(Dataset data) {
        int[] s = manifest.inputShape();
        if (data.featureSize() != s[0] * s[1] * s[2]) {
            throw new DataException(
                    data.name() + ": samples have " + data.featureSize() + " values but the ensemble expects " + s[0]
                            + "×" + s[1] + "×" + s[2] + " = " + s[0] * s[1] * s[2]);
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
        List<MemberRecord> entries = new ArrayList<>();
        List<Network> nets = new ArrayList<>();
        for (int j : keep) {
            MemberRecord e = manifest.members().get(j);
            entries.add(e.withWeight(uniform ? 1.0 / keep.size() : e.weight()));
            nets.add(networks.get(j));
        }
        EnsembleManifest m = manifest;
        return new SavedEnsemble(
                new EnsembleManifest(
                        formatOf(m),
                        m.inputShape(),
                        m.classNames(),
                        m.preprocessing(),
                        entries,
                        m.mixture(),
                        m.data(),
                        m.provenance(),
                        m.config(),
                        m.featureNames(),
                        m.target(),
                        // a temperature fitted for all the members does not fit fewer of them
                        null),
                nets);
    }

    /**
     * A classifier keeps the format builds before tasks read; another task, or a temperature (which an older build
     * would ignore, giving other probabilities), needs the newest.
     */
    private static int formatOf(EnsembleManifest m) {
        return m.target() == null && m.temperature() == null ? FORMAT_VERSION : NEWEST_FORMAT_VERSION;
    }
}
