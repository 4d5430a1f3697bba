package org.saepj;

/**
 * A bad option, argument or name: a value out of range, a missing companion option, a name that names nothing
 * here. Retyping the command fixes it (the CLI exits 2).
 */
public class UsageException extends SaepException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an error with a one-line message.
     *
     * @param message what went wrong, naming the option, argument or name and what was expected
     */
    public UsageException(String message) {
        super(message);
    }

    /**
     * Creates an error with a one-line message and the low-level cause.
     *
     * @param message what went wrong, naming the option, argument or name and what was expected
     * @param cause the underlying exception, kept for {@code --debug}
     */
    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
