package org.saepj.data.io;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVRecord;
import org.saepj.DataException;
import org.saepj.data.FeatureColumns;
import org.saepj.data.preprocess.Columns;
import org.saepj.data.table.TableOptions;

/**
 * A CSV file read for a model to score: every row, in the file's order, its feature columns found by name when the
 * model knows its features' names (so reordered columns work) and by position otherwise; a label column when there
 * is one (not needed); an ID column carried through. Anything that does not fit — a missing feature, an extra
 * column nobody named, a header naming a column twice, a wrong count, a cell that is not a number as
 * {@link org.saepj.data.StrictNumbers} reads one — is an error naming the file, line and column.
 *
 * @param idHeader the name of the ID column, or "row" for the data rows' numbers (1 = the first row after any header)
 * @param ids each row's ID, or its number
 * @param rows the feature values in the model's order
 * @param labels each row's label as written, or null without a label column
 * @param notes lines for the user: columns ignored, levels the training file did not have (read as other)
 */
public record FeatureTable(String idHeader, List<String> ids, float[][] rows, List<String> labels, List<String> notes) {
    /**
     * What the model expects and what the user said about the file.
     *
     * @param featureNames the model's feature names in order, or null when it has none (trained without a header)
     * @param features the number of features
     * @param header true / false when known, empty to detect
     * @param labelColumn the label column (name, 0-based index or "none"), empty to find it
     * @param idColumn the ID column (name or 0-based index), empty for row numbers
     * @param columns the model's table columns (types, levels, gap markers), when it reads text and gaps: then cells
     *     are read through them, columns that are not the model's are ignored with a note, and only a column named
     *     as the label (or of the training label's name) is the label
     * @param table the delimiter and the columns to leave out
     */
    public record Request(
            List<String> featureNames,
            int features,
            Optional<Boolean> header,
            Optional<String> labelColumn,
            Optional<String> idColumn,
            Optional<Columns> columns,
            TableOptions table) {
        /**
         * A request for a model of numeric features only.
         *
         * @param featureNames the model's feature names in order, or null
         * @param features the number of features
         * @param header true / false when known, empty to detect
         * @param labelColumn the label column, empty to find it
         * @param idColumn the ID column, empty for row numbers
         */
        public Request(
                List<String> featureNames,
                int features,
                Optional<Boolean> header,
                Optional<String> labelColumn,
                Optional<String> idColumn) {
            this(featureNames, features, header, labelColumn, idColumn, Optional.empty(), TableOptions.defaults());
        }
    }

    /**
     * @param file the CSV file
     * @param request what the model expects
     * @return the rows to score
     */
    public static FeatureTable read(Path file, Request request) {
        String text = CsvReader.text(file, InputFiles.readAll(file, ""));
        LineIndexingReader in = new LineIndexingReader(new StringReader(text));
        List<CSVRecord> records = CsvReader.records(file, in, CsvReader.delimiter(text, request.table()));
        if (records.isEmpty()) {
            throw new DataException(file + ": empty file: expected rows of features");
        }
        int columns = records.get(0).size();
        List<String> first = records.get(0).toList();
        long firstLine = in.lineAt(records.get(0).getCharacterPosition());
        boolean header = request.header().orElseGet(() -> looksLikeHeader(first, request));
        List<String> names = header ? CsvHeader.names(file, firstLine, first) : null;
        // Said to be data, a first row the heuristic takes for a header: its first bad cell says so.
        String firstRowHint = !header && looksLikeHeader(first, request)
                ? "; line " + firstLine + " looks like a header: pass --header yes"
                : "";
        List<CSVRecord> data = header ? records.subList(1, records.size()) : records;
        if (data.isEmpty()) {
            throw new DataException(file + ": has a header but no data rows");
        }
        int idCol = request.idColumn()
                .map(spec -> CsvReader.column(file, spec, names, columns, "--id-column"))
                .orElse(-1);
        int[] featureCols = new int[request.features()];
        int labelCol;
        List<String> notes = new ArrayList<>();
        List<Integer> ignored = new ArrayList<>();
        for (String spec : request.table().ignoreColumns()) {
            ignored.add(CsvReader.column(file, spec, names, columns, "--ignore-columns"));
        }
        Optional<String> label = request.labelColumn();
        if (names != null && request.featureNames() != null) {
            // By name: every feature must be there; what remains is the ID, the label, or an error.
            FeatureColumns.Match match = FeatureColumns.match(request.featureNames(), names);
            System.arraycopy(match.from(), 0, featureCols, 0, featureCols.length);
            List<String> missing = match.missing();
            if (!missing.isEmpty()) {
                throw new DataException(file + ": the model's feature " + (missing.size() == 1 ? "column " : "columns ")
                        + CsvReader.quote(String.join(", ", missing)) + (missing.size() == 1 ? " is" : " are")
                        + " missing (the file's columns: "
                        + CsvReader.quote(String.join(", ", names)) + ")");
            }
            List<Integer> rest = new ArrayList<>();
            for (int c = 0; c < columns; c++) {
                final int col = c;
                boolean feature = java.util.Arrays.stream(featureCols).anyMatch(x -> x == col);
                if (c != idCol && !ignored.contains(c) && !feature) {
                    rest.add(c);
                }
            }
            labelCol = request.columns().isPresent()
                    ? trainedLabel(
                            file, label, names, columns, request.columns().get())
                    : labelColumn(file, label, names, columns, rest);
            rest.remove(Integer.valueOf(labelCol));
            if (!rest.isEmpty() && request.columns().isPresent()) {
                String which = CsvReader.quote(
                        String.join(", ", rest.stream().map(names::get).toList()));
                notes.add(file + ": "
                        + (rest.size() == 1
                                ? "column " + which + " is not a feature of the model"
                                : "columns " + which + " are not features of the model")
                        + ": ignored (a label column is"
                        + " named with --label-column)");
            } else if (!rest.isEmpty()) {
                String which = CsvReader.quote(
                        String.join(", ", rest.stream().map(names::get).toList()));
                throw new DataException(file + ": "
                        + (rest.size() == 1
                                ? "column " + which + " is neither a feature of the model"
                                : "columns " + which + " are neither features of the model")
                        + " nor the label or ID: name the label with"
                        + " --label-column, the ID with --id-column, or remove " + (rest.size() == 1 ? "it" : "them"));
            }
        } else {
            // By position: the features in order, skipping the ID and label columns.
            int others = columns
                    - (idCol >= 0 ? 1 : 0)
                    - (int) ignored.stream().filter(c -> c != idCol).count();
            boolean labelled = label.map(l -> !l.equals("none")).orElse(others == featureCols.length + 1);
            if (others != featureCols.length + (labelled ? 1 : 0)) {
                throw new DataException(
                        file + ": " + columns + " columns, but the model takes " + featureCols.length + " features"
                                + (labelled ? " and a label" : "") + (idCol >= 0 ? " beside the ID column" : "")
                                + (request.featureNames() == null
                                        ? ""
                                        : "; with a header naming them (" + String.join(", ", request.featureNames())
                                                + ") columns are matched by name"));
            }
            labelCol = !labelled
                    ? -1
                    : label.isPresent()
                            ? CsvReader.column(file, label.get(), names, columns, "--label-column")
                            : lastOtherThan(columns, idCol);
            int f = 0;
            for (int c = 0; c < columns; c++) {
                if (c != idCol && c != labelCol && !ignored.contains(c)) {
                    featureCols[f++] = c;
                }
            }
        }
        float[][] rows = new float[data.size()][featureCols.length];
        Columns.Encoder encoder = request.columns().map(Columns::encoder).orElse(null);
        List<String> ids = new ArrayList<>();
        List<String> labels = labelCol >= 0 ? new ArrayList<>() : null;
        for (int r = 0; r < data.size(); r++) {
            CSVRecord row = data.get(r);
            long line = in.lineAt(row.getCharacterPosition());
            if (row.size() != columns) {
                throw new DataException(
                        file + ": line " + line + " has " + row.size() + " columns: expected " + columns);
            }
            for (int f = 0; f < featureCols.length; f++) {
                String cell = row.get(featureCols[f]);
                rows[r][f] = encoder == null
                        ? CsvReader.feature(file, line, featureCols[f], names, cell, r == 0 ? firstRowHint : "")
                        : encoded(file, line, featureCols[f], names, encoder, f, cell);
            }
            ids.add(idCol >= 0 ? row.get(idCol) : Integer.toString(r + 1));
            if (labels != null) {
                labels.add(row.get(labelCol));
            }
        }
        String idHeader = idCol < 0 ? "row" : names != null ? names.get(idCol) : "id";
        if (encoder != null && !encoder.unseen().isEmpty()) {
            notes.add(file + ": levels not seen in training, read as other: " + String.join("; ", encoder.unseen()));
        }
        return new FeatureTable(
                idHeader, List.copyOf(ids), rows, labels == null ? null : List.copyOf(labels), List.copyOf(notes));
    }

    /** A cell through the model's columns, or an error naming the file, line, column and what was expected. */
    private static float encoded(
            Path file, long line, int c, List<String> names, Columns.Encoder encoder, int f, String cell) {
        try {
            return encoder.value(f, cell);
        } catch (IllegalArgumentException e) {
            throw new DataException(file + ": line " + line + ", column " + (c + 1)
                    + (names == null ? "" : " (" + CsvReader.quote(names.get(c)) + ")") + ": " + CsvReader.quote(cell)
                    + " " + e.getMessage());
        }
    }

    /**
     * The label of a file scored by a model that reads text: the column named, else the column of the training label's
     * name, else none — a column the model does not know is never taken for the label unasked.
     */
    private static int trainedLabel(Path file, Optional<String> label, List<String> names, int columns, Columns model) {
        if (label.isPresent()) {
            return label.get().equals("none")
                    ? -1
                    : CsvReader.column(file, label.get(), names, columns, "--label-column");
        }
        return model.label() == null ? -1 : names.indexOf(model.label());
    }

    private static int lastOtherThan(int columns, int idCol) {
        return idCol == columns - 1 ? columns - 2 : columns - 1;
    }

    /** The label among the columns left over by name: the one named, none, the only one left, or none left. */
    private static int labelColumn(
            Path file, Optional<String> label, List<String> names, int columns, List<Integer> rest) {
        if (label.isPresent()) {
            return label.get().equals("none")
                    ? -1
                    : CsvReader.column(file, label.get(), names, columns, "--label-column");
        }
        return rest.size() == 1 ? rest.get(0) : -1;
    }

    /** A header names the model's features, or holds more words than one label and one ID could explain. */
    private static boolean looksLikeHeader(List<String> first, Request request) {
        if (request.featureNames() != null && first.stream().anyMatch(request.featureNames()::contains)) {
            return true;
        }
        long words = CsvHeader.words(first);
        return words > (request.idColumn().isPresent() ? 2 : 1);
    }
}
