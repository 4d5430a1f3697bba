package org.saepj.cli.display;

import java.io.PrintWriter;
import java.util.List;

/** A table for the terminal: columns as wide as their widest cell, the first left-aligned, the rest right-aligned. */
public final class TextTable {
    private TextTable() {}

    /**
     * @param out where
     * @param header the column names
     * @param rows the cells, as many per row as the header has
     */
    public static void print(PrintWriter out, List<String> header, List<List<String>> rows) {
        int[] width = new int[header.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = header.get(c).length();
            for (List<String> r : rows) {
                width[c] = Math.max(width[c], r.get(c).length());
            }
        }
        line(out, header, width);
        for (List<String> r : rows) {
            line(out, r, width);
        }
    }

    private static void line(PrintWriter out, List<String> cells, int[] width) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < width.length; c++) {
            String cell = cells.get(c);
            String pad = " ".repeat(width[c] - cell.length());
            sb.append(c == 0 ? cell + pad : "  " + pad + cell);
        }
        out.println(sb.toString().stripTrailing());
    }
}
