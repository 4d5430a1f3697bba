package org.saepj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import org.saepj.DataException;
import org.saepj.FileException;
import org.saepj.SaepException;
import org.saepj.UnknownNameException;
import org.saepj.UsageException;
import org.saepj.search.InvalidSettingException;
import picocli.CommandLine;

/** Each kind of error maps to its exit code, and only here. */
class ErrorKindTest {
    @Test
    void everyKindOfErrorHasItsExitCode() {
        assertThat(ErrorKind.of(new UsageException("--x: bad"))).isEqualTo(ErrorKind.USAGE);
        assertThat(ErrorKind.of(new UsageError("--x: bad"))).isEqualTo(ErrorKind.USAGE);
        assertThat(ErrorKind.of(new UnknownNameException("unknown dataset 'x'")))
                .isEqualTo(ErrorKind.USAGE);
        assertThat(ErrorKind.of(new InvalidSettingException("iterations", "must be at least 1, got 0")))
                .isEqualTo(ErrorKind.USAGE);
        assertThat(ErrorKind.of(new CommandLine.ParameterException(new CommandLine(new SaepCommand()), "bad")))
                .isEqualTo(ErrorKind.USAGE);
        assertThat(ErrorKind.of(new DataException("x.csv: line 2 has 1 column")))
                .isEqualTo(ErrorKind.DATA);
        assertThat(ErrorKind.of(new OutOfMemoryError()))
                .as("the work does not fit the heap")
                .isEqualTo(ErrorKind.DATA);
        assertThat(ErrorKind.of(new FileException("x.csv: file not found"))).isEqualTo(ErrorKind.FILE);
        assertThat(ErrorKind.of(new IllegalStateException("a bug"))).isEqualTo(ErrorKind.INTERNAL);
        assertThat(ErrorKind.of(new IllegalArgumentException("a bug"))).isEqualTo(ErrorKind.INTERNAL);
        assertThat(ErrorKind.of(new UncheckedIOException(new java.io.IOException("disk"))))
                .as("an I/O error no reader turned into a FileException is a bug of that reader")
                .isEqualTo(ErrorKind.INTERNAL);
    }

    @Test
    void aPluginsOwnUserErrorIsAUserError() {
        SaepException own = new SaepException("a plug-in's own kind") {
            private static final long serialVersionUID = 1L;
        };
        assertThat(ErrorKind.of(own)).isEqualTo(ErrorKind.DATA);
    }

    @Test
    void theCodesAreTheDocumentedOnes() {
        assertThat(ErrorKind.DATA.exitCode()).isEqualTo(1);
        assertThat(ErrorKind.USAGE.exitCode()).isEqualTo(2);
        assertThat(ErrorKind.FILE.exitCode()).isEqualTo(3);
        assertThat(ErrorKind.INTERNAL.exitCode()).isEqualTo(4);
        assertThat(ErrorKind.INTERRUPTED.exitCode()).isEqualTo(130).isEqualTo(ErrorKind.exitCodeOfSignal(2));
        assertThat(ErrorKind.exitCodeOfSignal(15)).isEqualTo(143);
        assertThat(ErrorKind.exitCodeOfSignal(1)).isEqualTo(129);
        assertThat(java.util.Arrays.stream(ErrorKind.values())
                        .map(ErrorKind::exitCode)
                        .distinct()
                        .count())
                .isEqualTo(ErrorKind.values().length);
    }

    @Test
    void theTopLevelHelpListsEveryCode() {
        String help = CliRun.of("--help").out();
        assertThat(help)
                .contains("Exit codes:\n  0    success\n  1    data: ")
                .contains("\n  2    usage: ")
                .contains("\n  3    file: ")
                .contains("\n  4    internal error: ")
                .contains("\n  130  Ctrl-C");
        assertThat(help.lines()).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(80));
    }
}
