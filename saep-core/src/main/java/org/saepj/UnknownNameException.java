package org.saepj;

/**
 * A name the user typed that names nothing here: a dataset, a data-source kind, a column. It is a usage
 * error (the CLI exits 2), since retyping the option fixes it; the message names the value,
 * says what is accepted and, where one name is close, suggests it.
 */
public final class UnknownNameException extends UsageException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message one line naming the value, what is accepted and any suggestion
     */
    public UnknownNameException(String message) {
        super(message);
    }
}
