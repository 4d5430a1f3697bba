package org.saepj.cli;

/**
 * What a run of the command line did, whether it ran in-process ({@link CliRun}) or in a child JVM ({@link
 * CliProcess}): the fault suites check both kinds with the same helpers.
 */
public interface CliResult {
    /** @return the exit code */
    int exitCode();

    /** @return standard output */
    String out();

    /** @return standard error */
    String err();

    /** @return standard error without the JVM's note about incubator modules (a child JVM prints it first) */
    default String errLines() {
        return err().lines()
                .filter(l -> !l.startsWith("WARNING: Using incubator modules"))
                .reduce("", (a, b) -> a + b + "\n");
    }
}
