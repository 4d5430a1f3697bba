package org.saepj.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.saepj.SaepException;
import org.saepj.UsageException;
import org.saepj.data.ClassOrder;
import org.saepj.ensemble.Logits;
import org.saepj.persistence.SavedEnsemble;

/**
 * A fitted (or loaded) SAEP-J classifier: an ensemble of networks with the preprocessing its search fitted. It takes
 * rows of raw features, as they were given to {@code fit} (or, for a model searched on images, pixels 0–255 in
 * height × width × channels order), or rows of cells as a table holds them ({@link #predictLabels(String[][])}, by
 * column name {@link #predictLabels(List)}: text, true/false words, gaps), and applies the search's preprocessing
 * itself.
 *
 * <pre>{@code
 * SaepClassifier model = Saep.classifier().method("pap").iterations(5).steps(1000).fit(features, labels);
 * int[] predicted = model.predict(newRows);
 * System.out.println(model.evaluate(testRows, testLabels).accuracy());
 * model.save(Path.of("model"));            // read by `saep predict --model model` and `saep inspect model`
 * model.exportOnnx(Path.of("model.onnx"));
 * }</pre>
 *
 * <p>What every model has — members, report, saving, ONNX export — is {@link FittedModel}'s. Call one instance from one
 * thread at a time.
 */
public final class SaepClassifier extends FittedModel {
    /** Each class's label as an int, or null when a class is text. */
    private final int[] intLabels;

    SaepClassifier(SavedEnsemble ensemble, FitReport report, Path runFolder) {
        super(ensemble, report, runFolder);
        List<String> classes = ensemble.manifest().classNames();
        this.intLabels = classes.stream().allMatch(ClassOrder::isIndex)
                ? classes.stream().mapToInt(Integer::parseInt).toArray()
                : null;
    }

    /**
     * Loads a model saved by {@link #save}, by {@code saep search} ({@code OUT/ensemble}, or the run folder {@code OUT}
     * itself) or by a fit's output folder.
     *
     * @param dir the saved ensemble's folder, or a run folder holding one in {@code ensemble/}
     * @return the model, without a fit report
     * @throws SaepException naming the file and the problem when the folder is not a usable saved ensemble, or holds a
     *     regression ensemble ({@link SaepRegressor#load} reads it)
     */
    public static SaepClassifier load(Path dir) {
        return new SaepClassifier(loadEnsemble(dir, true), null, null);
    }

    /** @return the class labels in class order: the index of a label here is its probability's column */
    public List<String> classes() {
        return ensemble().manifest().classNames();
    }

    /**
     * @param rows one row of raw features per sample
     * @return each row's predicted label as an int (the label {@code fit} was given)
     * @throws SaepException when a row cannot be used, or the labels are text ({@link #predictLabels} gives them)
     */
    public int[] predict(float[][] rows) {
        if (intLabels == null) {
            throw new UsageException(
                    "predict: the labels are text (" + String.join(", ", classes()) + "): predictLabels gives them");
        }
        float[][] logits = logits(FeatureRows.check(rows, "rows"));
        int[] out = new int[logits.length];
        for (int i = 0; i < logits.length; i++) {
            out[i] = intLabels[Logits.argmax(logits[i], logits[i].length)[0]];
        }
        return out;
    }

    /**
     * @param rows one row of raw features per sample, in double precision
     * @return each row's predicted label as an int
     * @throws SaepException when a row cannot be used, or the labels are text
     */
    public int[] predict(double[][] rows) {
        return predict(FeatureRows.check(rows, "rows"));
    }

    /**
     * @param rows one row of raw features per sample
     * @return each row's predicted label as {@code fit} was given it (a number in its plain spelling: {@code 1} for
     *     {@code 01} or {@code 1.0}); ties go to the first class
     * @throws SaepException when a row cannot be used
     */
    public String[] predictLabels(float[][] rows) {
        float[][] logits = logits(FeatureRows.check(rows, "rows"));
        String[] out = new String[logits.length];
        for (int i = 0; i < logits.length; i++) {
            out[i] = classes().get(Logits.argmax(logits[i], logits[i].length)[0]);
        }
        return out;
    }

    /**
     * @param rows one row of raw features per sample, in double precision
     * @return each row's predicted label
     * @throws SaepException when a row cannot be used
     */
    public String[] predictLabels(double[][] rows) {
        return predictLabels(FeatureRows.check(rows, "rows"));
    }

    /**
     * @param rows one row of raw features per sample
     * @return each row's class probabilities (the softmax of the ensemble's logits), in the order of {@link #classes}
     * @throws SaepException when a row cannot be used
     */
    public double[][] predictProbabilities(float[][] rows) {
        float[][] logits = logits(FeatureRows.check(rows, "rows"));
        double[][] out = new double[logits.length][];
        for (int i = 0; i < logits.length; i++) {
            out[i] = Logits.softmax(logits[i]);
        }
        return out;
    }

    /**
     * @param rows one row of raw features per sample, in double precision
     * @return each row's class probabilities, in the order of {@link #classes}
     * @throws SaepException when a row cannot be used
     */
    public double[][] predictProbabilities(double[][] rows) {
        return predictProbabilities(FeatureRows.check(rows, "rows"));
    }

    /**
     * The columns a row of cells has ({@link #predictLabels(String[][])}), in order: a table's columns as its training
     * file named them ("column 3" without a header), before gaps are filled and text is encoded.
     *
     * @return the column names
     */
    public List<String> columns() {
        return new CellRows(ensemble()).names();
    }

    /**
     * Predicts rows as a data file holds them: each cell as text — a number ({@code 1.5}, or {@code 1,5} where the
     * training file wrote a decimal comma), a category's name, a true/false word ({@code yes}, {@code n},
     * {@code TRUE}), or {@code ""} / a gap marker ({@code NA}, {@code ?}) for a gap — read with the model's own
     * column types and filled, encoded and scaled as the search fitted them, as {@code saep predict} reads a file. A
     * category the training data never had counts as its column's "other".
     *
     * @param rows one row of cells per sample, in the order of {@link #columns}
     * @return each row's predicted label; ties go to the first class
     * @throws SaepException naming the row and column of a cell that cannot be read (a word in a numeric column)
     */
    public String[] predictLabels(String[][] rows) {
        return labels(ensemble().predictLogits(new CellRows(ensemble()).values(rows, "rows")));
    }

    /**
     * @param rows one row of cells per sample, in the order of {@link #columns} (see {@link
     *     #predictLabels(String[][])})
     * @return each row's class probabilities, in the order of {@link #classes}
     * @throws SaepException naming the row and column of a cell that cannot be read
     */
    public double[][] predictProbabilities(String[][] rows) {
        return probabilities(ensemble().predictLogits(new CellRows(ensemble()).values(rows, "rows")));
    }

    /**
     * @param rows one row of cells per sample, by column name (see {@link #predictLabels(String[][])}); names that
     *     are not the model's columns (a label, an ID) are ignored
     * @return each row's predicted label
     * @throws SaepException when a row lacks one of the model's columns, a cell cannot be read, or the model's
     *     training data had no header (its columns have no names)
     */
    public String[] predictLabels(List<Map<String, String>> rows) {
        CellRows cells = new CellRows(ensemble());
        return labels(ensemble().predictLogits(cells.values(cells.byName(rows, "rows"), "rows")));
    }

    /**
     * @param rows one row of cells per sample, by column name (see {@link #predictLabels(List)})
     * @return each row's class probabilities, in the order of {@link #classes}
     * @throws SaepException when a row lacks one of the model's columns or a cell cannot be read
     */
    public double[][] predictProbabilities(List<Map<String, String>> rows) {
        CellRows cells = new CellRows(ensemble());
        return probabilities(ensemble().predictLogits(cells.values(cells.byName(rows, "rows"), "rows")));
    }

    /**
     * @param row one sample's cells by column name (see {@link #predictLabels(List)})
     * @return its predicted label
     * @throws SaepException when the row lacks one of the model's columns or a cell cannot be read
     */
    public String predictLabel(Map<String, String> row) {
        return predictLabels(List.of(row))[0];
    }

    private String[] labels(float[][] logits) {
        String[] out = new String[logits.length];
        for (int i = 0; i < logits.length; i++) {
            out[i] = classes().get(Logits.argmax(logits[i], logits[i].length)[0]);
        }
        return out;
    }

    private static double[][] probabilities(float[][] logits) {
        double[][] out = new double[logits.length][];
        for (int i = 0; i < logits.length; i++) {
            out[i] = Logits.softmax(logits[i]);
        }
        return out;
    }

    /**
     * @param rows one row of raw features per sample
     * @param labels each row's true label
     * @return accuracy, log loss, calibration error and per-class measures, as {@code saep evaluate} computes them
     * @throws SaepException when a row cannot be used, the counts differ, or a label is not one of the classes
     */
    public Evaluation evaluate(float[][] rows, int[] labels) {
        FeatureRows.check(rows, "rows");
        return measure(rows, ArrayLabels.indicesIn(classes(), labels, rows.length, "labels"));
    }

    /**
     * @param rows one row of raw features per sample, in double precision
     * @param labels each row's true label
     * @return accuracy, log loss, calibration error and per-class measures
     * @throws SaepException when a row cannot be used, the counts differ, or a label is not one of the classes
     */
    public Evaluation evaluate(double[][] rows, int[] labels) {
        return evaluate(FeatureRows.check(rows, "rows"), labels);
    }

    /**
     * @param rows one row of raw features per sample
     * @param labels each row's true label
     * @return accuracy, log loss, calibration error and per-class measures
     * @throws SaepException when a row cannot be used, the counts differ, or a label is not one of the classes
     */
    public Evaluation evaluate(float[][] rows, String[] labels) {
        FeatureRows.check(rows, "rows");
        return measure(rows, ArrayLabels.indicesIn(classes(), labels, rows.length, "labels"));
    }

    /**
     * @param rows one row of raw features per sample, in double precision
     * @param labels each row's true label
     * @return accuracy, log loss, calibration error and per-class measures
     * @throws SaepException when a row cannot be used, the counts differ, or a label is not one of the classes
     */
    public Evaluation evaluate(double[][] rows, String[] labels) {
        return evaluate(FeatureRows.check(rows, "rows"), labels);
    }

    private Evaluation measure(float[][] rows, int[] indices) {
        float[][] logits = logits(rows);
        int classes = classes().size();
        float[] flat = new float[logits.length * classes];
        for (int i = 0; i < logits.length; i++) {
            System.arraycopy(logits[i], 0, flat, i * classes, classes);
        }
        return Evaluation.of(flat, indices, classes);
    }

    /** The ensemble's logits, once the rows' width is known to be the model's. */
    private float[][] logits(float[][] rows) {
        return ensemble().predictLogits(ofModelWidth(rows));
    }
}
