package org.saepj.cli.data;

import java.io.PrintWriter;
import java.util.Optional;
import org.saepj.data.SourceData;
import org.saepj.data.table.ColumnType;
import org.saepj.data.table.TableSummary;

/** What a command says about a table before work starts: the task decided and why, the columns, the warnings. */
public final class TableLines {
    private TableLines() {}

    /**
     * @param data the loaded source
     * @return "label species: 3 distinct text values → classification; 4 feature columns: 2 numeric, 1 boolean, 1
     *     categorical; gaps in 2 columns (filled with the training median or most frequent value)", for a table
     */
    public static Optional<String> decision(SourceData data) {
        return data.table().filter(t -> t.target() != null).map(t -> t.target().reason() + "; " + columns(t));
    }

    /** The columns by type and their gaps, in words. */
    static String columns(TableSummary t) {
        long numeric = t.columns().types().stream()
                .filter(c -> c == ColumnType.NUMERIC)
                .count();
        long bool = t.columns().types().stream()
                .filter(c -> c == ColumnType.BOOLEAN)
                .count();
        long categorical = t.columns().types().stream()
                .filter(c -> c == ColumnType.CATEGORICAL)
                .count();
        long gaps = java.util.Arrays.stream(t.missing()).filter(m -> m > 0).count();
        return t.columns().names().size() + " feature columns: " + numeric + " numeric, " + bool + " boolean, "
                + categorical + " categorical; "
                + (gaps == 0
                        ? "no gaps"
                        : "gaps in " + gaps + " column"
                                + (gaps == 1 ? "" : "s")
                                + " (filled with the training median or most frequent value, with a"
                                + " missing-indicator column each)");
    }

    /**
     * @param err where warnings go (standard error, even with --quiet)
     * @param data the loaded source
     */
    public static void warn(PrintWriter err, SourceData data) {
        data.table().ifPresent(t -> t.warnings().forEach(w -> err.println("warning: " + w)));
    }
}
