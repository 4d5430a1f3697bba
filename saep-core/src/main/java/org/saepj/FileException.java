package org.saepj;

/**
 * A file or folder cannot be used as such: it is missing, cannot be read, written or locked, is corrupt or
 * truncated, is of an unknown or newer format, or a folder is not SAEP-J's (the CLI exits 3).
 */
public class FileException extends SaepException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an error with a one-line message.
     *
     * @param message what went wrong, naming the file or folder and what was expected
     */
    public FileException(String message) {
        super(message);
    }

    /**
     * Creates an error with a one-line message and the low-level cause.
     *
     * @param message what went wrong, naming the file or folder and what was expected
     * @param cause the underlying exception, kept for {@code --debug}
     */
    public FileException(String message, Throwable cause) {
        super(message, cause);
    }
}
