package org.saepj.run;

import java.util.Locale;

/**
 * Numbers as tables, reports and CSV files show them: a fixed number of decimals with a point, the same in every
 * JVM locale ({@code 0.5177}, never {@code 0,5177}), so what one machine writes another reads back.
 */
public final class Decimals {
    private Decimals() {}

    /**
     * @param value the number
     * @param places the decimals to show, 0 or more
     * @return the number rounded half-up to that many decimals, in {@link Locale#ROOT}
     */
    public static String of(double value, int places) {
        return String.format(Locale.ROOT, "%." + places + "f", value);
    }
}
