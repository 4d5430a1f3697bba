package org.saepj.cli.data;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.saepj.DataException;
import org.saepj.FileException;

/**
 * A CSV file of class labels as written, a header possibly among its rows: members' predicted labels (a column per
 * member) or true labels (one column), as class names or class indices. {@link PruningTables} decides what the
 * first row is, knowing the other file.
 *
 * @param file the file
 * @param option the option that named it, for messages
 * @param rows every non-empty row, all of one width
 */
public record LabelTable(Path file, String option, List<String[]> rows) {
    /**
     * @param file the CSV file
     * @param option the option naming it
     * @return its rows
     */
    public static LabelTable read(Path file, String option) {
        List<CSVRecord> records;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            records = CSVFormat.RFC4180
                    .builder()
                    .setIgnoreEmptyLines(true)
                    .setTrim(true)
                    .get()
                    .parse(in)
                    .getRecords();
        } catch (NoSuchFileException e) {
            throw new FileException(option + " " + file + ": file not found");
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new FileException(option + " " + file + ": cannot read as CSV: " + e.getMessage());
        }
        if (records.isEmpty()) {
            throw new DataException(option + " " + file + ": no rows of class labels");
        }
        int width = records.get(0).size();
        for (CSVRecord r : records) {
            if (r.size() != width) {
                throw new DataException(option + " " + file + ": line " + r.getRecordNumber() + " has " + r.size()
                        + " columns: expected " + width);
            }
            for (int c = 0; c < width; c++) {
                if (r.get(c).isEmpty()) {
                    throw new DataException(option + " " + file + ": line " + r.getRecordNumber() + ", column "
                            + (c + 1) + " is empty: expected a class name or index");
                }
            }
        }
        return new LabelTable(
                file, option, records.stream().map(CSVRecord::values).toList());
    }

    /** @return the number of columns */
    public int width() {
        return rows.get(0).length;
    }

    /**
     * @param header whether the first row is a header
     * @return the rows of labels
     */
    public List<String[]> body(boolean header) {
        return header ? rows.subList(1, rows.size()) : rows;
    }

    /** @return "--labels FILE" */
    public String named() {
        return option + " " + file;
    }
}
