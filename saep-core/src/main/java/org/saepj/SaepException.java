package org.saepj;

/**
 * The base of the project's errors for problems a user can fix, one subclass per kind: {@link UsageException} (a
 * bad option, argument or name), {@link DataException} (the input's content is wrong) and {@link FileException} (a
 * file cannot be read or written, is corrupt or of a format this build does not read, or a folder is not
 * SAEP-J's). It is abstract so that every error chooses its kind; a front end maps the kind to its own terms (the
 * command line to an exit code). Any other exception is a bug.
 *
 * <p>Its message is a single line that names the file, field or option and says what was expected, so the
 * command line can print it as {@code error: <message>} without a stack trace.
 */
public abstract class SaepException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an error with a one-line message.
     *
     * @param message what went wrong, naming the file, field or option and what was expected
     */
    protected SaepException(String message) {
        super(message);
    }

    /**
     * Creates an error with a one-line message and the low-level cause.
     *
     * @param message what went wrong, naming the file, field or option and what was expected
     * @param cause the underlying exception, kept for {@code --debug}
     */
    protected SaepException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Text read from a file, made fit for a one-line message: each control character (a NUL byte, a line break, an
     * escape sequence) is written as a Java escape, backslash, {@code u} and four hex digits, so the line stays one
     * line, shows what the file holds, and is not taken for binary by tools such as grep.
     *
     * @param text any text
     * @return the text with its control characters escaped
     */
    public static String printable(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                b.append(String.format(java.util.Locale.ROOT, "\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }
}
