package org.saepj.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.SaepException;

class AtomicFilesTest {
    @TempDir
    Path dir;

    private long leftovers() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(TemporaryFiles.PREFIX))
                    .count();
        }
    }

    @Test
    void aNewFileNeverReplacesOneCreatedWhileItWasWritten() throws Exception {
        Path target = dir.resolve("predictions.csv");
        assertThatThrownBy(() -> AtomicFiles.writeNew(target, out -> {
                    Files.writeString(
                            target, "the user's, created meanwhile"); // the race: after any check, before the placing
                    out.write("ours".getBytes(StandardCharsets.UTF_8));
                }))
                .isInstanceOf(SaepException.class)
                .hasMessageContaining("exists (created while this command ran)");
        assertThat(target).hasContent("the user's, created meanwhile");
        assertThat(leftovers()).isZero();
        // Positive control: replacing is what write (with --overwrite) does.
        AtomicFiles.write(target, out -> out.write("ours".getBytes(StandardCharsets.UTF_8)));
        assertThat(target).hasContent("ours");
        AtomicFiles.writeNew(dir.resolve("fresh.csv"), out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
        assertThat(dir.resolve("fresh.csv")).hasContent("new");
        assertThat(leftovers()).isZero();
    }

    @Test
    void theTemporaryNameIsShortWhateverTheTarget() throws Exception {
        Path target = dir.resolve("x".repeat(255));
        AtomicFiles.writeString(target, "fits");
        assertThat(target).hasContent("fits");
        assertThat(TemporaryFiles.name(dir).getFileName().toString()).hasSizeLessThan(50);
    }

    @Test
    void aFailedWriteLeavesNoTemporaryFile() throws Exception {
        Path target = dir.resolve("report.json");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
                    out.write(1);
                    throw new java.io.IOException("disk full");
                }))
                .isInstanceOf(SaepException.class)
                .hasMessageContaining("disk full");
        assertThat(target).doesNotExist();
        assertThat(leftovers()).isZero();
    }

    @Test
    void orphansAreOnlyTheFilesOfDeadProcesses() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        Path orphan = Files.writeString(dir.resolve(TemporaryFiles.PREFIX + p.pid() + "-0123456789abcdef"), "x");
        Path live = Files.writeString(
                dir.resolve(TemporaryFiles.PREFIX + ProcessHandle.current().pid() + "-0123456789abcdef"), "x");
        Path user = Files.writeString(dir.resolve(".saep-tmp-notes"), "x");
        Path lookalike = Files.writeString(dir.resolve(TemporaryFiles.PREFIX + p.pid() + "-0123456789abcdef.bak"), "x");
        Files.createDirectory(dir.resolve(TemporaryFiles.PREFIX + p.pid() + "-00000000000000aa"));
        assertThat(TemporaryFiles.removeOrphans(dir)).isEqualTo(1);
        assertThat(orphan).doesNotExist();
        assertThat(live).exists();
        assertThat(user).exists();
        assertThat(lookalike).exists();
        assertThat(dir.resolve(TemporaryFiles.PREFIX + p.pid() + "-00000000000000aa"))
                .as("not a regular file")
                .exists();
    }
}
