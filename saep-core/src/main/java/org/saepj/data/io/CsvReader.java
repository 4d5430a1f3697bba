package org.saepj.data.io;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.saepj.DataException;
import org.saepj.FileException;
import org.saepj.SaepException;
import org.saepj.Suggestion;
import org.saepj.UnknownNameException;
import org.saepj.data.ClassOrder;
import org.saepj.data.Dataset;
import org.saepj.data.Fingerprint;
import org.saepj.data.Shape;
import org.saepj.data.SourceData;
import org.saepj.data.StrictNumbers;
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
    private CsvReader() {
    }

    /**
     * How to read a CSV file.
     *
     * @param header true / false when known, empty to detect
     * @param labelColumn the label column's name or 0-based index; empty for the last column
     */
    public record Options(Optional<Boolean> header, Optional<String> labelColumn) {
        /** @return detect the header, label in the last column */
        public static Options defaults() {
            return new Options(Optional.empty(), Optional.empty());
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
        byte[] bytes = InputFiles.readAll(file, "");
        String text = text(file, bytes);
        List<String> featureNames = new ArrayList<>();
        Dataset data = parse(file, new StringReader(text), options, file.getFileName().toString(), featureNames, false);
        return new SourceData(file.getFileName().toString(), "csv:" + file, data, Optional.empty(),
                Fingerprint.sha256Hex(bytes), false, null, featureNames);
    }

    /**
     * Reads the file with its label column as real values, the targets of a regression search: where target detection
     * (or {@code --task regression}) decides the column is a number to predict, it reads the file with this in place
     * of {@link #read}. A first row of numbers is data (a header of numbers cannot be told apart by its target).
     *
     * @param file the CSV file
     * @param options header and label (target) column
     * @return the samples as a training partition without a test partition
     */
    public static SourceData readValues(Path file, Options options) {
        byte[] bytes = InputFiles.readAll(file, "");
        String text = text(file, bytes);
        List<String> featureNames = new ArrayList<>();
        Dataset data = parse(file, new StringReader(text), options, file.getFileName().toString(), featureNames, true);
        return new SourceData(file.getFileName().toString(), "csv:" + file, data, Optional.empty(),
                Fingerprint.sha256Hex(bytes), false, null, featureNames);
    }

    /**
     * @param file the file, for messages
     * @param bytes its content
     * @return the content as UTF-8 text without a leading byte-order mark (some editors write one: not part of the first cell)
     */
    static String text(Path file, byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new FileException(file + ": not UTF-8 text");
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

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
    static Dataset parse(Path file, Reader in, Options options, String name, List<String> featureNames,
                         boolean values) {
        List<CSVRecord> rows;
        // Record numbers skip blank lines and quoted line breaks; errors name the line a person sees instead.
        LineIndexingReader text = new LineIndexingReader(in);
        try (CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setTrim(true).get().parse(text)) {
            rows = parser.getRecords();
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new FileException(file + ": malformed CSV (" + oneLine(e.getMessage()) + ")", e);
        }
        if (rows.isEmpty()) {
            throw new DataException(file + ": empty file: expected rows of numeric features and a label");
        }
        int columns = rows.get(0).size();
        long firstLine = text.lineAt(rows.get(0).getCharacterPosition());
        if (columns < 2) {
            throw new DataException(file + ": line " + firstLine + " has " + columns
                    + " column: expected at least one feature and a label");
        }
        List<String> header = null;
        int labelCol = columns - 1;
        boolean hasHeader = options.header().orElseGet(() -> looksLikeHeader(rows.get(0), options.labelColumn()));
        if (hasHeader) {
            header = CsvHeader.names(file, firstLine, rows.get(0).toList());
        }
        if (options.labelColumn().isPresent()) {
            labelCol = resolveLabelColumn(file, options.labelColumn().get(), header, columns);
        }
        List<CSVRecord> data = hasHeader ? rows.subList(1, rows.size()) : rows;
        if (header != null) {
            for (int c = 0; c < header.size(); c++) {
                if (c != labelCol) {
                    featureNames.add(header.get(c));
                }
            }
        }
        if (data.isEmpty()) {
            throw new DataException(file + ": has a header but no data rows");
        }
        // Said to be data, a first row of words is most likely a header: its first bad cell says so.
        String firstRowHint = !hasHeader && CsvHeader.words(rows.get(0).toList()) >= 2
                ? "; line " + firstLine + " looks like a header: pass --header yes" : "";
        int d = columns - 1;
        float[] x = new float[data.size() * d];
        String[] labelText = new String[data.size()];
        String[] labelName = new String[data.size()];
        double[] value = values ? new double[data.size()] : null;
        for (int r = 0; r < data.size(); r++) {
            CSVRecord row = data.get(r);
            long line = text.lineAt(row.getCharacterPosition());
            if (row.size() != columns) {
                throw new DataException(file + ": line " + line + " has " + row.size() + " columns: expected " + columns);
            }
            int f = 0;
            for (int c = 0; c < columns; c++) {
                String cell = row.get(c);
                if (c == labelCol) {
                    labelText[r] = label(file, line, c, cell);
                    labelName[r] = ClassOrder.name(cell);
                    if (values) {
                        value[r] = target(file, line, c, header, cell);
                    }
                    continue;
                }
                x[r * d + f++] = feature(file, line, c, header, cell, r == 0 ? firstRowHint : "");
            }
        }
        if (values) {
            return new Dataset(name, x, new RealValues(value), Shape.vector(d));
        }
        List<String> classNames = ClassOrder.of(List.of(labelName));
        // One class is fine to score (evaluate one row); a search refuses it in TrainableData, naming the option that fixes it.
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < classNames.size(); i++) {
            index.put(classNames.get(i), i);
        }
        int[] y = new int[data.size()];
        for (int r = 0; r < y.length; r++) {
            y[r] = index.get(labelName[r]);
        }
        if (options.header().isEmpty() && !hasHeader) {
            refuseNumericHeader(file, firstLine, labelText[0], y);
        }
        return new Dataset(name, x, y, Shape.vector(d), classNames);
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

    private static boolean looksLikeHeader(CSVRecord first, Optional<String> labelColumn) {
        if (labelColumn.isPresent() && !labelColumn.get().matches("\\d+")) {
            return true;
        }
        // A data row has at most one cell that is not a number (a string label); a header row is mostly words.
        return CsvHeader.words(first.toList()) >= 2;
    }

    private static int resolveLabelColumn(Path file, String spec, List<String> header, int columns) {
        return column(file, spec, header, columns, "--label-column");
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
                throw new UnknownNameException(option + " " + idx + ": " + file + " has " + columns + " columns (0-based indices 0.."
                        + (columns - 1) + ")");
            }
            return idx;
        }
        if (header == null || !header.contains(spec)) {
            throw new UnknownNameException(option + ": " + file + " has no column named " + quote(spec)
                    + (header == null ? " (it has no header)" : ": its columns are " + quote(String.join(", ", header))
                    + Suggestion.hint(spec, header)));
        }
        return header.indexOf(spec);
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ");
    }
}
