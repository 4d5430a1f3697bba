package org.saepj.data;

/**
 * The one reader of numbers written in users' data files (CSV feature cells, numeric class labels): plain decimal or
 * scientific notation only — an optional sign, ASCII digits with an optional fraction, an optional exponent
 * ({@code 12}, {@code -0.5}, {@code +3}, {@code 1e-3}, {@code 2.5E+4}; also {@code .5} and {@code 5.}, which
 * spreadsheets and C programs write and which mean one thing only). Java's own parsers also take {@code 2f},
 * {@code 1.5d}, {@code 0x1p3}, {@code NaN} and {@code Infinity}, and a data file means none of them as a number:
 * a cell like that is a typo or text, and reading it as a value would train on it silently. Whitespace is not part
 * of a number (the CSV readers trim cells first). Command-line options are parsed by picocli, not here.
 */
public final class StrictNumbers {
    /** What a number looks like, for messages. */
    public static final String EXPECTED = "expected a decimal number such as 12, -0.5 or 1e-3";

    private StrictNumbers() {}

    /**
     * @param text a cell as written
     * @return whether it is a number in plain decimal or scientific notation
     */
    public static boolean isNumber(CharSequence text) {
        int n = text.length();
        int i = sign(text, 0);
        int whole = digits(text, i);
        i += whole;
        int fraction = 0;
        if (i < n && text.charAt(i) == '.') {
            fraction = digits(text, i + 1);
            i += 1 + fraction;
        }
        if (whole + fraction == 0) {
            return false; // a sign or a dot alone
        }
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i = sign(text, i + 1);
            int exponent = digits(text, i);
            if (exponent == 0) {
                return false;
            }
            i += exponent;
        }
        return i == n;
    }

    /**
     * @param text a cell as written
     * @return its value as the nearest float (a value below the smallest float is rounded to zero, as any rounding)
     * @throws NumberFormatException when it is not a number, or its magnitude is beyond the largest float (it would be
     *     infinity); the message says which, to follow the quoted cell ("is not a number (expected …)")
     */
    public static float toFloat(String text) {
        if (!isNumber(text)) {
            throw new NumberFormatException("is not a number (" + EXPECTED + ")");
        }
        float v = Float.parseFloat(text); // the syntax is checked: Java's parser only rounds here
        if (Float.isInfinite(v)) {
            throw new NumberFormatException("is outside the range of a float (at most ±" + Float.MAX_VALUE + ")");
        }
        return v;
    }

    private static int sign(CharSequence text, int at) {
        return at < text.length() && (text.charAt(at) == '+' || text.charAt(at) == '-') ? at + 1 : at;
    }

    /** @return how many ASCII digits start at {@code at} (not Unicode digits, which no number parser reads alike) */
    private static int digits(CharSequence text, int at) {
        int i = at;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i - at;
    }
}
