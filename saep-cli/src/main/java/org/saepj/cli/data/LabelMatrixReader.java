package org.saepj.cli.data;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.saepj.SaepException;

/** Reads CSV files of class indices (members' predicted labels, or true labels), with an optional header. */
public final class LabelMatrixReader {
    private LabelMatrixReader() {
    }

    /**
     * @param file the CSV file
     * @param option the option naming it, for messages
     * @return rows of class indices, all of the same width
     */
    public static int[][] read(Path file, String option) {
        List<CSVRecord> records;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            records = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setTrim(true).get().parse(in).getRecords();
        } catch (NoSuchFileException e) {
            throw new SaepException(option + " " + file + ": file not found");
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new SaepException(option + " " + file + ": cannot read as CSV: " + e.getMessage());
        }
        if (!records.isEmpty() && !records.get(0).get(0).matches("-?\\d+")) {
            records = records.subList(1, records.size()); // a header
        }
        if (records.isEmpty()) {
            throw new SaepException(option + " " + file + ": no rows of class indices");
        }
        int width = records.get(0).size();
        List<int[]> rows = new ArrayList<>();
        for (CSVRecord r : records) {
            if (r.size() != width) {
                throw new SaepException(file + ": line " + r.getRecordNumber() + " has " + r.size() + " columns: expected " + width);
            }
            int[] row = new int[width];
            for (int c = 0; c < width; c++) {
                try {
                    row[c] = Integer.parseInt(r.get(c));
                } catch (NumberFormatException e) {
                    row[c] = -1;
                }
                if (row[c] < 0) {
                    throw new SaepException(file + ": line " + r.getRecordNumber() + ", column " + (c + 1) + ": '" + r.get(c)
                            + "' is not a class index (a whole number ≥ 0)");
                }
            }
            rows.add(row);
        }
        return rows.toArray(int[][]::new);
    }
}
