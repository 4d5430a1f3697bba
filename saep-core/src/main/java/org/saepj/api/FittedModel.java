package org.saepj.api;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.saepj.DataException;
import org.saepj.FileException;
import org.saepj.SaepException;
import org.saepj.UsageException;
import org.saepj.export.OnnxExport;
import org.saepj.persistence.MemberRecord;
import org.saepj.persistence.RunLock;
import org.saepj.persistence.SavedEnsemble;

/**
 * What every fitted (or loaded) SAEP-J model has, whatever it predicts: the ensemble of networks with the
 * preprocessing its search fitted, its members, the fit's report and run folder, and saving and ONNX export in the
 * formats the command line reads. {@link SaepClassifier} predicts classes, {@link SaepRegressor} values.
 *
 * <p>Call one instance from one thread at a time: its networks keep their own working buffers when they infer (other
 * threads infer on {@link org.saepj.engine.Network#replica() replicas}).
 */
public abstract sealed class FittedModel permits SaepClassifier, SaepRegressor {
    private final SavedEnsemble ensemble;
    private final FitReport report;
    private final Path runFolder;

    FittedModel(SavedEnsemble ensemble, FitReport report, Path runFolder) {
        this.ensemble = ensemble;
        this.report = report;
        this.runFolder = runFolder;
    }

    /**
     * @param dir a saved ensemble's folder, or a run folder holding one in {@code ensemble/}
     * @param classes whether the caller's model predicts classes (a classifier) or values (a regressor)
     * @return the saved ensemble, of the caller's kind
     * @throws SaepException naming the file and the problem when the folder is not a usable saved ensemble, or one of
     *     the other kind
     */
    static SavedEnsemble loadEnsemble(Path dir, boolean classes) {
        Path inRun = dir.resolve("ensemble");
        Path ensembleDir = !Files.exists(dir.resolve(SavedEnsemble.MANIFEST))
                        && Files.exists(inRun.resolve(SavedEnsemble.MANIFEST))
                ? inRun
                : dir;
        SavedEnsemble e = SavedEnsemble.load(ensembleDir);
        if (e.task().predictsClasses() != classes) {
            throw new UsageException("load: " + ensembleDir + " holds a "
                    + (classes
                            ? "regression ensemble, which predicts values: load it with Saep.loadRegressor"
                            : "classifier, which predicts classes: load it with Saep.loadClassifier"));
        }
        return e;
    }

    /**
     * @return the number of features a row has: the values the members take, or fewer where a stored step widens the
     *     rows (the piecewise-linear encoding's bins)
     */
    public int featureCount() {
        int[] s = ensemble.manifest().inputShape();
        return ensemble.manifest().preprocessing().rawWidth(s[0] * s[1] * s[2]);
    }

    /** @return the features' names, when the model was given them (a CSV header, {@code featureNames}), else empty */
    public List<String> featureNames() {
        List<String> names = ensemble.manifest().featureNames();
        return names == null ? List.of() : names;
    }

    /** @return the ensemble's members: id, iteration, candidate, architecture, weight, parameters */
    public List<MemberRecord> members() {
        return ensemble.manifest().members();
    }

    /**
     * Saves the model in the format {@code saep search} writes ({@code OUT/ensemble}): {@code saep predict},
     * {@code saep evaluate}, {@code saep inspect} and {@code saep export} read it, and so do {@link Saep}'s loaders.
     *
     * @param dir a new or empty folder (created if needed); every file is written atomically
     * @throws SaepException when the folder is not empty or cannot be written
     */
    public void save(Path dir) {
        OutputFolder.check(dir, "save");
        try (RunLock lock = OutputFolder.take(dir, "save")) {
            ensemble.save(dir);
        }
    }

    /**
     * Writes the model as one ONNX graph (the export of {@code saep export --format onnx}): input {@code input}
     * {@code [N, features]} of raw features; a classifier's outputs are {@code logits} and {@code probabilities}, a
     * regressor's {@code value} {@code [N, 1]} in the target's unit.
     *
     * @param file a new file, written atomically
     * @throws SaepException when the file exists or cannot be written
     */
    public void exportOnnx(Path file) {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileException(
                    "exportOnnx: " + file + " exists: choose a new file (the Java API never replaces files)");
        }
        OnnxExport.write(ensemble, file);
    }

    /**
     * @return what the search did (iterations, members, final test metrics), after {@code fit}; empty after a load
     */
    public Optional<FitReport> report() {
        return Optional.ofNullable(report);
    }

    /**
     * @return the folder the fit wrote its run into ({@code outputFolder}), or empty when it ran in memory or was
     *     loaded
     */
    public Optional<Path> runFolder() {
        return Optional.ofNullable(runFolder);
    }

    /** @return the underlying saved ensemble, for the lower-level API ({@code org.saepj.persistence}) */
    public SavedEnsemble ensemble() {
        return ensemble;
    }

    /**
     * @param rows checked rows ({@link FeatureRows#check})
     * @return the rows, once their width is known to be the model's
     * @throws SaepException naming the widths when they differ
     */
    final float[][] ofModelWidth(float[][] rows) {
        if (rows[0].length != featureCount()) {
            String names = featureNames().isEmpty() ? "" : " (" + String.join(", ", featureNames()) + ")";
            throw new DataException(
                    "rows: " + rows[0].length + " features per row, but the model takes " + featureCount() + names);
        }
        return rows;
    }
}
