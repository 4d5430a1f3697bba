package org.saepj.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the command line in a child JVM of its own, as a user's shell would, and captures what it prints: the
 * fault suites use it where the process matters (exit codes, the JVM's locale, files left by a killed process).
 *
 * @param exitCode the exit code
 * @param out standard output
 * @param err standard error
 */
public record CliProcess(int exitCode, String out, String err) implements CliResult {
    private static final long TIMEOUT_SECONDS = 120;

    /**
     * @param args the arguments
     * @return what the command did
     */
    public static CliProcess of(String... args) {
        return with(List.of(), Map.of(), args);
    }

    /**
     * @param jvmOptions options for the child JVM (for example {@code -Duser.language=de})
     * @param env variables added to the child's environment
     * @param args the arguments
     * @return what the command did
     */
    public static CliProcess with(List<String> jvmOptions, Map<String, String> env, String... args) {
        return main(SaepCommand.class, jvmOptions, env, args);
    }

    /**
     * @param mainClass the class whose main method the child runs (the command line's, or a test's around it)
     * @param jvmOptions options for the child JVM
     * @param env variables added to the child's environment
     * @param args the arguments
     * @return what the child did
     */
    static CliProcess main(Class<?> mainClass, List<String> jvmOptions, Map<String, String> env, String... args) {
        try {
            Process p = start(mainClass, jvmOptions, env, args);
            p.getOutputStream().close();
            // Standard error is read beside standard output, so that neither pipe can fill and stall the child.
            var err = java.util.concurrent.CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
            var out = p.getInputStream().readAllBytes();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(
                        "the command did not end within " + TIMEOUT_SECONDS + " s: " + String.join(" ", args));
            }
            return new CliProcess(
                    p.exitValue(),
                    new String(out, StandardCharsets.UTF_8),
                    new String(err.join(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("cannot start the child JVM: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static byte[] readAll(java.io.InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Starts the command without waiting for it (its output is discarded): for tests that kill it.
     *
     * @param jvmOptions options for the child JVM
     * @param env variables added to the child's environment
     * @param args the arguments
     * @return the running process
     * @throws IOException when it cannot start
     */
    public static Process start(List<String> jvmOptions, Map<String, String> env, String... args) throws IOException {
        return start(SaepCommand.class, jvmOptions, env, args);
    }

    private static Process start(Class<?> mainClass, List<String> jvmOptions, Map<String, String> env, String... args)
            throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules",
                "jdk.incubator.vector"));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        return pb.start();
    }
}
