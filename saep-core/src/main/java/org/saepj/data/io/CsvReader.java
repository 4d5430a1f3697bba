package org.saepj.data.io;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.saepj.DataException;
import org.saepj.FileException;
import org.saepj.SaepException;
import org.saepj.Suggestion;
import org.saepj.UnknownNameException;
import org.saepj.UsageException;
import org.saepj.data.ClassOrder;
import org.saepj.data.Dataset;
import org.saepj.data.Fingerprint;
import org.saepj.data.Shape;
import org.saepj.data.SourceData;
import org.saepj.data.StrictNumbers;
import org.saepj.data.TargetAnalysis;
import org.saepj.data.preprocess.Columns;
import org.saepj.data.table.Delimiters;
import org.saepj.data.table.TableOptions;
import org.saepj.data.table.TableSummary;
import org.saepj.task.RealValues;

/**
 * Reads tabular data from CSV: numeric feature columns and one label column.
 *
 * <p>The header is as stated ({@code --header yes|no}) or detected: a first row holding two or more cells that are
 * not numbers is a header (a data row has at most one, its text label), as is any first row when the label column
 * is named rather than numbered. A header names each column once; a name written twice is refused (matching
 * columns by name, as {@code predict} and a separate test file do, would take one of the two). A detected first row
 * of numbers whose label is found in no other row, while other labels repeat, is refused as ambiguous (a header of
 * numbers, or a class of one sample?) until {@code --header yes} or {@code no} says which; said to be data, a first
 * row of words gets an error saying it looks like a header. The label column is chosen by name or 0-based index, by
 * default the last. Labels become classes in {@link ClassOrder} (a number by its value: {@code 1} and {@code 1.0}
 * are one class; text as written), and their names are kept. Feature cells are numbers as {@link StrictNumbers}
 * reads them; features are left unscaled here: they are standardised later with the training partition's statistics.
 */
public final class CsvReader {
    /** How many rows the header detection looks through for a first row's words. */
    private static final int HEADER_SAMPLE = 1000;

    private CsvReader() {}

    /**
     * How to read a CSV file.
     *
     * @param header true / false when known, empty to detect
     * @param labelColumn the label column's name or 0-based index; empty for the last column (or, reading for a model,
     *     the column it was trained with)
     * @param table gap markers, fixed column types, columns left out, delimiter and task
     * @param schema the columns of a model's training file, to read other data as the model reads it (types and
     *     levels taken from it, columns matched by name); empty to infer them from this file
     */
    public record Options(
            Optional<Boolean> header, Optional<String> labelColumn, TableOptions table, Optional<Columns> schema) {
        /**
         * @param header true / false when known, empty to detect
         * @param labelColumn the label column's name or 0-based index; empty for the last column
         */
        public Options(Optional<Boolean> header, Optional<String> labelColumn) {
            this(header, labelColumn, TableOptions.defaults(), Optional.empty());
        }

        /** @return detect the header, label in the last column */
        public static Options defaults() {
            return new Options(Optional.empty(), Optional.empty());
        }

        /**
         * @param columns a model's columns
         * @return these options, reading as that model reads
         */
        public Options withSchema(Columns columns) {
            return new Options(header, labelColumn, table, Optional.of(columns));
        }

        /**
         * @param task the task the label column is read for
         * @return these options reading the label column for that task
         */
        public Options withTask(TargetAnalysis.Task task) {
            return new Options(header, labelColumn, table.withTask(task), schema);
        }
    }

    /**
     * Reads the file.
     *
     * @param file the CSV file
     * @param options header and label column
     * @return the samples as a training partition without a test partition
     */
    public static SourceData read(Path file, Options options) {
        return read(file, options, false);
    }

    /**
     * @param text the file's text
     * @param table the user's table options
     * @return the delimiter given, or the one detected
     */
    static char delimiter(String text, TableOptions table) {
        return table.delimiter() != null ? table.delimiter() : Delimiters.detect(text);
    }

    /**
     * Reads the file with its label column as real values, the targets of a regression search, whatever target
     * detection would decide: for a file scored by a regression ensemble ({@code evaluate}, {@code --test}). A first
     * row of numbers is data (a header of numbers cannot be told apart by its target).
     *
     * @param file the CSV file
     * @param options header and label (target) column
     * @return the samples as a training partition without a test partition
     */
    public static SourceData readValues(Path file, Options options) {
        return read(file, options, true);
    }

    private static SourceData read(Path file, Options options, boolean values) {
        byte[] bytes = InputFiles.readAll(file, "");
        String text = text(file, bytes);
        Parsed p = parseTable(
                file,
                new StringReader(text),
                options,
                file.getFileName().toString(),
                delimiter(text, options.table()),
                values);
        return new SourceData(
                file.getFileName().toString(),
                "csv:" + file,
                p.data(),
                Optional.empty(),
                Fingerprint.sha256Hex(bytes),
                false,
                null,
                p.featureNames(),
                Optional.of(p.summary()));
    }

    /**
     * @param file the file, for messages
     * @param bytes its content
     * @return the content as UTF-8 text without a leading byte-order
     *     mark (some editors write one: not part of the first cell)
     */
    static String text(Path file, byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new FileException(file + ": not UTF-8 text");
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * A table read: its samples, its feature columns' names (empty without a header) and what was found out.
     *
     * @param data the samples, features encoded by the columns step (gaps NaN)
     * @param featureNames the feature columns' names from the header, in order
     * @param summary types, gaps, task and warnings
     */
    record Parsed(Dataset data, List<String> featureNames, TableSummary summary) {}

    /**
     * Parses CSV text.
     *
     * @param file the file name used in error messages
     * @param in the text
     * @param options header and label column
     * @param name the dataset's name
     * @param featureNames receives the feature columns' names from the header, in order (none without a header)
     * @param values true to read the label column as real values (regression), false as class labels
     * @return the parsed dataset
     */
    static Dataset parse(Path file, Reader in, Options options, String name, List<String> featureNames) {
        Parsed p = parseTable(file, in, options, name, ',', false);
        featureNames.addAll(p.featureNames());
        return p.data();
    }

    /** Records of CSV text, with the line each starts on. */
    static List<CSVRecord> records(Path file, LineIndexingReader text, char delimiter) {
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get();
        try (CSVParser parser = format.parse(text)) {
            return parser.getRecords();
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new FileException(file + ": malformed CSV (" + oneLine(e.getMessage()) + ")", e);
        }
    }

    static Parsed parseTable(Path file, Reader in, Options options, String name, char delimiter, boolean values) {
        // Record numbers skip blank lines and quoted line breaks; errors name the line a person sees instead.
        LineIndexingReader text = new LineIndexingReader(in);
        List<CSVRecord> rows = records(file, text, delimiter);
        if (rows.isEmpty()) {
            throw new DataException(file + ": empty file: expected rows of features and a label");
        }
        TableOptions table = options.table();
        int columns = rows.get(0).size();
        long firstLine = text.lineAt(rows.get(0).getCharacterPosition());
        if (columns < 2) {
            throw new DataException(file + ": line " + firstLine + " has " + columns
                    + " column: expected at least one feature and a label");
        }
        boolean hasHeader = options.header().orElseGet(() -> looksLikeHeader(rows, options));
        List<String> header =
                hasHeader ? CsvHeader.names(file, firstLine, rows.get(0).toList()) : null;
        List<Integer> ignored = new ArrayList<>();
        for (String spec : table.ignoreColumns()) {
            ignored.add(column(file, spec, header, columns, "--ignore-columns"));
        }
        int labelCol = labelColumn(file, options, header, columns, ignored);
        if (ignored.contains(labelCol)) {
            throw new UsageException("--ignore-columns: column " + (labelCol + 1) + columnName(header, labelCol)
                    + " is the label column: name another with --label-column");
        }
        List<CSVRecord> data = hasHeader ? rows.subList(1, rows.size()) : rows;
        if (data.isEmpty()) {
            throw new DataException(file + ": has a header but no data rows");
        }
        int[] featureCols = featureColumns(file, columns, labelCol, ignored);
        List<String> names = new ArrayList<>();
        for (int c : featureCols) {
            names.add(header == null ? "column " + (c + 1) : header.get(c));
        }
        // Said to be data, a first row of words is most likely a header: its first bad cell says so.
        String firstRowHint = !hasHeader && words(rows.get(0).toList(), table) >= 2
                ? "; line " + firstLine + " looks like a header: pass --header yes"
                : "";
        int d = featureCols.length;
        List<String[]> cells = new ArrayList<>();
        List<String> labelText = new ArrayList<>();
        List<Long> lineList = new ArrayList<>();
        List<Long> unlabelled = new ArrayList<>();
        for (CSVRecord row : data) {
            long line = text.lineAt(row.getCharacterPosition());
            if (row.size() != columns) {
                throw new DataException(
                        file + ": line " + line + " has " + row.size() + " columns: expected " + columns);
            }
            String cell = row.get(labelCol);
            if (table.isMissing(cell)) {
                unlabelled.add(line);
                continue;
            }
            labelText.add(label(file, line, labelCol, cell));
            String[] f = new String[d];
            for (int j = 0; j < d; j++) {
                f[j] = row.get(featureCols[j]).trim();
            }
            cells.add(f);
            lineList.add(line);
        }
        String labelName = header == null ? "column " + (labelCol + 1) : header.get(labelCol);
        if (cells.isEmpty()) {
            throw new DataException(file + ": the label column " + (labelCol + 1) + columnName(header, labelCol)
                    + " is empty in every row: expected a label per row (name the label column with --label-column)");
        }
        List<String> warnings = new ArrayList<>();
        if (!unlabelled.isEmpty()) {
            boolean one = unlabelled.size() == 1;
            String which = unlabelled.stream()
                    .limit(5)
                    .map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(", "));
            warnings.add(file + ": label " + labelName + ": " + unlabelled.size() + " row" + (one ? "" : "s")
                    + " without a label skipped (line" + (one ? " " : "s ") + which
                    + (unlabelled.size() > 5 ? ", …" : "") + ")");
        }
        long[] lines = lineList.stream().mapToLong(Long::longValue).toArray();
        TargetAnalysis.Decision target = null;
        if (options.schema().isEmpty()) {
            target = TargetAnalysis.decide(labelName, labelText, Optional.ofNullable(table.task()));
            ColumnInference.checkFixed(file, table, names);
        }
        String labelHeader = header == null ? null : header.get(labelCol);
        Columns schema = options.schema()
                .orElseGet(() -> ColumnInference.infer(
                        file,
                        names,
                        header != null,
                        featureCols,
                        cells,
                        lines,
                        table,
                        firstRowHint,
                        labelHeader,
                        delimiter));
        Columns.Encoder encoder = schema.encoder();
        int[] at = options.schema().isPresent()
                ? schemaIndex(schema, names, header != null)
                : IntStream.range(0, d).toArray();
        float[] x = new float[cells.size() * d];
        int[] missing = new int[d];
        for (int r = 0; r < cells.size(); r++) {
            for (int j = 0; j < d; j++) {
                float v = at[j] < 0
                        ? Float.NaN
                        : value(
                                file,
                                lines[r],
                                featureCols[j],
                                header,
                                encoder,
                                at[j],
                                cells.get(r)[j],
                                r == 0 && lines[r] == firstLine ? firstRowHint : "");
                missing[j] += at[j] >= 0 && Float.isNaN(v) ? 1 : 0;
                x[r * d + j] = v;
            }
        }
        if (!encoder.unseen().isEmpty()) {
            warnings.add(file + ": levels not seen in training, read as other: " + String.join("; ", encoder.unseen()));
        }
        boolean regression = table.task() == TargetAnalysis.Task.REGRESSION
                || (target != null && target.task() == TargetAnalysis.Task.REGRESSION);
        if (values || regression) {
            double[] value = new double[labelText.size()];
            for (int r = 0; r < value.length; r++) {
                value[r] = target(file, lines[r], labelCol, header, labelText.get(r));
            }
            List<String> featureNames = header == null ? List.of() : List.copyOf(names);
            return new Parsed(
                    new Dataset(name, x, new RealValues(value), Shape.vector(d)),
                    featureNames,
                    new TableSummary(schema, missing, levelCounts(schema, at, x, d, cells.size()), target, warnings));
        }
        List<String> labelName2 = new ArrayList<>();
        for (String l : labelText) {
            labelName2.add(ClassOrder.name(l));
        }
        List<String> classNames = ClassOrder.of(labelName2);
        // One class is fine to score (evaluate one row); a search refuses it in TrainableData, naming the option that
        // fixes it.
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < classNames.size(); i++) {
            index.put(classNames.get(i), i);
        }
        int[] y = new int[cells.size()];
        for (int r = 0; r < y.length; r++) {
            y[r] = index.get(labelName2.get(r));
        }
        if (options.header().isEmpty() && !hasHeader && unlabelled.isEmpty()) {
            refuseNumericHeader(file, firstLine, labelText.get(0), y);
        }
        List<String> featureNames = header == null ? List.of() : List.copyOf(names);
        TableSummary summary =
                new TableSummary(schema, missing, levelCounts(schema, at, x, d, cells.size()), target, warnings);
        return new Parsed(new Dataset(name, x, y, Shape.vector(d), classNames), featureNames, summary);
    }

    /** A cell's value through the columns step, or an error naming the file, line, column and what was expected. */
    private static float value(
            Path file,
            long line,
            int c,
            List<String> header,
            Columns.Encoder encoder,
            int j,
            String cell,
            String hint) {
        try {
            return encoder.value(j, cell);
        } catch (IllegalArgumentException e) {
            throw new DataException(file + ": line " + line + ", column " + (c + 1) + columnName(header, c) + ": "
                    + quote(cell) + " " + e.getMessage() + hint);
        }
    }

    /**
     * The label column: the one named; else, reading for a model, the column of its training label's name or the one
     * column that is not the model's; else the last column that is not left out.
     */
    private static int labelColumn(
            Path file, Options options, List<String> header, int columns, List<Integer> ignored) {
        if (options.labelColumn().isPresent()) {
            return column(file, options.labelColumn().get(), header, columns, "--label-column");
        }
        Optional<Columns> schema = options.schema();
        if (schema.isPresent() && header != null && schema.get().named()) {
            if (schema.get().label() != null && header.contains(schema.get().label())) {
                return header.indexOf(schema.get().label());
            }
            // as predict finds it: the one column that is neither the model's feature nor left out
            List<Integer> rest = new ArrayList<>();
            for (int c = 0; c < columns; c++) {
                if (!schema.get().names().contains(header.get(c)) && !ignored.contains(c)) {
                    rest.add(c);
                }
            }
            if (rest.size() == 1) {
                return rest.get(0);
            }
        }
        int last = columns - 1;
        while (ignored.contains(last) && last > 0) {
            last--;
        }
        return last;
    }

    /** The feature columns in the file's order: every column but the label and those left out. */
    private static int[] featureColumns(Path file, int columns, int labelCol, List<Integer> ignored) {
        List<Integer> own = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            if (c != labelCol && !ignored.contains(c)) {
                own.add(c);
            }
        }
        if (own.isEmpty()) {
            throw new DataException(file + ": no feature column is left beside the label: expected at least one");
        }
        return own.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Where each of the file's feature columns is among a model's columns: by name when both have names, by position
     * otherwise; -1 for a column the model does not have (left as NaN here: matching the columns by name, the caller
     * names it as not a feature of the model).
     */
    private static int[] schemaIndex(Columns schema, List<String> names, boolean header) {
        int[] at = new int[names.size()];
        for (int j = 0; j < at.length; j++) {
            boolean byName = header && schema.named();
            at[j] = byName
                    ? schema.names().indexOf(names.get(j))
                    : j < schema.names().size() ? j : -1;
        }
        return at;
    }

    /** Cells that are neither numbers nor gaps. */
    private static long words(List<String> cells, TableOptions table) {
        return cells.stream()
                .filter(c -> !table.isMissing(c) && !StrictNumbers.isNumber(c))
                .count();
    }

    /**
     * A detected first row of numbers is data unless its label is a class of that row alone while other classes hold
     * several rows: then it is as likely a header of numbers (pandas writes column numbers), and guessing either way
     * would invent a class or drop a sample silently, so the user is asked to say which.
     */
    private static void refuseNumericHeader(Path file, long line, String label, int[] y) {
        int[] counts = new int[Arrays.stream(y).max().orElse(0) + 1];
        for (int c : y) {
            counts[c]++;
        }
        if (counts[y[0]] == 1 && Arrays.stream(counts).anyMatch(n -> n > 1)) {
            throw new DataException(file + ": line " + line + " holds numbers only, so it would be data, but its label "
                    + quote(label) + " is in no other row: if line " + line + " is a header, pass --header yes;"
                    + " if it is data, pass --header no");
        }
    }

    /** A label cell, checked: not empty, no invisible byte-order mark. */
    private static String label(Path file, long line, int c, String cell) {
        if (cell.isEmpty()) {
            throw new DataException(file + ": line " + line + ", column " + (c + 1) + ": empty label");
        }
        if (cell.indexOf('\uFEFF') >= 0) {
            // Invisible, so "1" and "\uFEFF1" would be two classes that print alike.
            throw new DataException(file + ": line " + line + ", column " + (c + 1) + ": the label holds an invisible"
                    + " byte-order mark (U+FEFF): remove it");
        }
        return cell;
    }

    /** How many rows hold each level of each categorical feature (none for numeric ones). */
    private static List<int[]> levelCounts(Columns schema, int[] at, float[] x, int d, int rows) {
        List<int[]> levelCounts = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            int[] counts = new int[at[j] < 0 ? 0 : schema.levels().get(at[j]).size()];
            for (int r = 0; r < rows; r++) {
                float v = x[r * d + j];
                if (v >= 0 && v < counts.length) {
                    counts[(int) v]++;
                }
            }
            levelCounts.add(counts);
        }
        return levelCounts;
    }

    /** A regression target cell: a finite number, read in double precision; text is refused naming the cell. */
    private static double target(Path file, long line, int c, List<String> header, String cell) {
        double v = StrictNumbers.isNumber(cell) ? Double.parseDouble(cell) : Double.NaN;
        if (!Double.isFinite(v)) {
            throw new DataException(file + ": line " + line + ", column " + (c + 1) + columnName(header, c) + ": "
                    + quote(cell) + " is not a number, and a regression target must be: " + StrictNumbers.EXPECTED);
        }
        return v;
    }

    /**
     * A feature cell's value, read by {@link StrictNumbers}.
     *
     * @param file the file, for messages
     * @param line the line the cell is on
     * @param c its 0-based column
     * @param header the header's names, or null without one
     * @param cell the cell as written
     * @param hint what to add to an error (empty for nothing)
     * @return the value
     * @throws SaepException naming the file, line and column when the cell is not a number or not a float
     */
    static float feature(Path file, long line, int c, List<String> header, String cell, String hint) {
        try {
            return StrictNumbers.toFloat(cell);
        } catch (NumberFormatException e) {
            throw new DataException(file + ": line " + line + ", column " + (c + 1) + columnName(header, c) + ": "
                    + quote(cell) + " " + e.getMessage() + hint);
        }
    }

    private static String columnName(List<String> header, int c) {
        return header == null ? "" : " (" + quote(header.get(c)) + ")";
    }

    /** A cell as it appears in a one-line message: quoted, line breaks escaped, long text cut. */
    static String quote(String cell) {
        String s = cell.replace("\r", "\\r").replace("\n", "\\n");
        return "'" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "'";
    }

    /**
     * A first row is a header when the label column is named, or when two or more of its cells are words (neither
     * numbers nor gaps) and most of those words appear nowhere else in their columns: a data row of text features
     * repeats its levels further down, a header's names do not.
     */
    private static boolean looksLikeHeader(List<CSVRecord> rows, Options options) {
        if (options.labelColumn().isPresent() && !options.labelColumn().get().matches("\\d+")) {
            return true;
        }
        List<String> first = rows.get(0).toList();
        if (options.schema().isPresent()
                && first.stream().anyMatch(options.schema().get().names()::contains)) {
            return true;
        }
        TableOptions table = options.table();
        long words = words(first, table);
        if (words < 2) {
            return false;
        }
        int alone = 0;
        for (int c = 0; c < first.size(); c++) {
            String cell = first.get(c);
            if (table.isMissing(cell) || StrictNumbers.isNumber(cell)) {
                continue;
            }
            boolean again = false;
            for (int r = 1; r < Math.min(rows.size(), HEADER_SAMPLE) && !again; r++) {
                again = rows.get(r).size() > c && rows.get(r).get(c).equals(cell);
            }
            alone += again ? 0 : 1;
        }
        return 2 * alone > words;
    }

    /**
     * A column named by the user, by 0-based index or header name.
     *
     * @param file the CSV file
     * @param spec the index or name typed
     * @param header the header's names, or null when the file has none
     * @param columns how many columns the file has
     * @param option the option that named it, for the message
     * @return the column's index
     * @throws UnknownNameException when no such column exists (with the closest name, when one is close)
     */
    static int column(Path file, String spec, List<String> header, int columns, String option) {
        if (spec.matches("\\d+")) {
            int idx = Integer.parseInt(spec);
            if (idx >= columns) {
                throw new UnknownNameException(option + " " + idx + ": " + file + " has " + columns
                        + " columns (0-based indices 0.." + (columns - 1) + ")");
            }
            return idx;
        }
        if (header == null || !header.contains(spec)) {
            throw new UnknownNameException(option + ": " + file + " has no column named " + quote(spec)
                    + (header == null
                            ? " (it has no header)"
                            : ": its columns are " + quote(String.join(", ", header)) + Suggestion.hint(spec, header)));
        }
        return header.indexOf(spec);
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ");
    }
}
