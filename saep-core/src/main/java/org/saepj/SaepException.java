package org.saepj;

/**
 * The project's one error type for problems a user can fix: bad input files, bad options, missing data.
 *
 * <p>Its message is a single line that names the file, field or option and says what was expected, so the
 * command line can print it as {@code error: <message>} without a stack trace.
 */
public class SaepException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an error with a one-line message.
     *
     * @param message what went wrong, naming the file, field or option and what was expected
     */
    public SaepException(String message) {
        super(message);
    }

    /**
     * Creates an error with a one-line message and the low-level cause.
     *
     * @param message what went wrong, naming the file, field or option and what was expected
     * @param cause the underlying exception, kept for {@code --debug}
     */
    public SaepException(String message, Throwable cause) {
        super(message, cause);
    }
}
