package org.saepj.search;

/**
 * A configuration setting that cannot be used, naming the setting and what is wrong, so a front end can
 * say it in its own terms: the CLI maps {@link #setting()} onto its option ({@code iterations} onto
 * {@code --iterations}) instead of checking the values again. It stays an {@link IllegalArgumentException} for the
 * library's callers (a builder given a bad value); it is a usage error all the same, and the CLI exits 2 for one
 * that reaches it unmapped ({@code org.saepj.cli.ErrorKind}).
 */
public final class InvalidSettingException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    /** The setting's name, as the configuration calls it. */
    private final String setting;
    /** What is wrong with its value. */
    private final String problem;

    /**
     * @param setting the setting's name in the configuration (e.g. {@code iterations}, {@code learningRate})
     * @param problem what is wrong and what is accepted (e.g. {@code must be at least 1, got 0})
     */
    public InvalidSettingException(String setting, String problem) {
        super(setting + " " + problem);
        this.setting = setting;
        this.problem = problem;
    }

    /** @return the setting's name */
    public String setting() {
        return setting;
    }

    /** @return what is wrong, without the setting's name */
    public String problem() {
        return problem;
    }

    /**
     * @param ok the condition a valid setting meets
     * @param setting the setting's name
     * @param problem what is wrong when it does not
     * @throws InvalidSettingException when {@code ok} is false
     */
    static void require(boolean ok, String setting, String problem) {
        if (!ok) {
            throw new InvalidSettingException(setting, problem);
        }
    }
}
