package org.saepj;

/**
 * The input's content is wrong for what was asked: a value, a column, a class, a label, a shape, data that does
 * not fit the model or is not the run's own. The file reads, but what it holds cannot be used (the CLI exits 1).
 */
public class DataException extends SaepException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an error with a one-line message.
     *
     * @param message what went wrong, naming the file, row, column or value and what was expected
     */
    public DataException(String message) {
        super(message);
    }

    /**
     * Creates an error with a one-line message and the low-level cause.
     *
     * @param message what went wrong, naming the file, row, column or value and what was expected
     * @param cause the underlying exception, kept for {@code --debug}
     */
    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
