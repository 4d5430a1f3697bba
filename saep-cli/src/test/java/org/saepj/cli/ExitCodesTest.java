package org.saepj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.testing.TestFiles;

/**
 * Each kind of error reaches the shell as its exit code through the real command line, one case each, with one
 * {@code error:} line. Ctrl-C's 130 (and 143, 129 for SIGTERM, SIGHUP) needs a signal to a child process: {@link
 * InterruptionTest} proves it.
 */
class ExitCodesTest {
    @TempDir
    Path dir;

    static void oneLine(CliRun r, int code, String message) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(code);
        assertThat(r.err()).startsWith("error: ").contains(message).doesNotContain("\tat ");
        assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
    }

    @Test
    void aBadOptionOrNameIsAUsageError() {
        oneLine(CliRun.of("datasets", "fetch", "imagenet"), 2, "unknown dataset 'imagenet'");
        oneLine(CliRun.of("datasets", "show", "fashion-mnist", "--no-such-option"), 2, "--no-such-option");
    }

    @Test
    void contentThatCannotBeUsedIsADataError() {
        Path ragged = TestFiles.write(dir.resolve("ragged.csv"), "1,2,a\n3,b\n".getBytes(StandardCharsets.UTF_8));
        oneLine(CliRun.of("datasets", "show", "csv:" + ragged), 1, ragged + ": line 2 has 2 columns");
    }

    @Test
    void aFileThatCannotBeUsedIsAFileError() {
        Path missing = dir.resolve("missing.csv");
        oneLine(CliRun.of("datasets", "show", "csv:" + missing), 3, missing + ": file not found");
        Path notUtf8 = TestFiles.write(dir.resolve("latin1.csv"), new byte[] {'1', ',', (byte) 0xe9, '\n'});
        oneLine(CliRun.of("datasets", "show", "csv:" + notUtf8), 3, notUtf8 + ": not UTF-8 text");
    }

    @Test
    void aBugIsAnInternalError() throws Exception {
        URL services = ExitCodesTest.class.getResource("/plugin-broken-kind/");
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        CliRun r;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {services}, ExitCodesTest.class.getClassLoader())) {
            Thread.currentThread().setContextClassLoader(loader);
            r = CliRun.of("datasets", "show", "broken:" + dir.resolve("x"));
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
        oneLine(
                r,
                4,
                "error: internal error: java.lang.IllegalStateException: a bug in the broken kind's reader"
                        + " (run with --debug for details)");
    }
}
