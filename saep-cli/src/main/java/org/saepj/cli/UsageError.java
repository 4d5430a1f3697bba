package org.saepj.cli;

import org.saepj.UsageException;

/**
 * A bad option or argument found after parsing (a value out of range, a missing companion option): the command
 * line's name for a {@link UsageException}, exit 2.
 */
public final class UsageError extends UsageException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message one line naming the option and what is accepted
     */
    public UsageError(String message) {
        super(message);
    }
}
