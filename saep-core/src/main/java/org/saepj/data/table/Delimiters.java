package org.saepj.data.table;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Finds a table's delimiter when the user gave none: of comma, semicolon and tab (in that order of preference), the
 * one that splits the first lines into the same number of cells, two or more, taking the most cells; a comma when
 * none does (its errors then say what is wrong with the rows).
 */
public final class Delimiters {
    /** The delimiters tried, the preferred first. */
    public static final List<Character> CANDIDATES = List.of(',', ';', '\t');

    private static final int SAMPLE_LINES = 50;

    private Delimiters() {}

    /**
     * @param text the file's text
     * @return its delimiter
     */
    public static char detect(String text) {
        String sample = head(text);
        char best = ',';
        int bestCells = 1;
        for (char d : CANDIDATES) {
            int cells = consistentCells(sample, d);
            if (cells > bestCells) {
                best = d;
                bestCells = cells;
            }
        }
        return best;
    }

    /** The first lines that hold text, whole lines only. */
    private static String head(String text) {
        int lines = 0;
        int at = 0;
        while (at < text.length() && lines < SAMPLE_LINES) {
            int next = text.indexOf('\n', at);
            at = next < 0 ? text.length() : next + 1;
            lines++;
        }
        return text.substring(0, at);
    }

    /** The number of cells every sampled row has with this delimiter, or 0 when they differ or it fails. */
    private static int consistentCells(String sample, char delimiter) {
        List<Integer> sizes = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(true)
                .get();
        try (CSVParser parser = format.parse(new StringReader(sample))) {
            for (CSVRecord r : parser) {
                sizes.add(r.size());
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            return 0; // a quote the sample cut in two, or not this delimiter: another candidate decides
        }
        if (sizes.isEmpty() || sizes.stream().distinct().count() != 1) {
            return 0;
        }
        return sizes.get(0);
    }
}
