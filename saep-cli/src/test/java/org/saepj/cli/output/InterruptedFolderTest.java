package org.saepj.cli.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.cli.UsageError;
import org.saepj.run.OwnedFolder;

/** A new run into the folder of an interrupted one is refused naming both ways on: --resume DIR and --overwrite. */
class InterruptedFolderTest {
    @TempDir
    Path root;

    private Path folder(String name, String... files) throws IOException {
        Path dir = Files.createDirectories(root.resolve(name));
        OwnedFolder.mark(dir);
        for (String f : files) {
            Path p = dir.resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "{}");
        }
        return dir;
    }

    @Test
    void anInterruptedSearchIsRefusedNamingItsResumeCommandAndOverwrite() throws IOException {
        Path dir = folder("search", "run.json", "search.log", "checkpoint/state.json");
        assertThatThrownBy(() -> OutputDirectory.claim(dir, "--out", false))
                .isInstanceOf(UsageError.class)
                .hasMessage("--out " + dir + " holds an interrupted search: continue it with saep search --resume "
                        + dir + ", or pass --overwrite to start again there");
        assertThat(OutputDirectory.claim(dir, "--out", true).overwrite()).isTrue();
    }

    @Test
    void anInterruptedComparisonNamesCompare() throws IOException {
        Path dir = folder("cmp", "compare.json", "runs/adanet-uniform-seed1/report.json");
        assertThatThrownBy(() -> OutputDirectory.claim(dir, "--out", false))
                .isInstanceOf(UsageError.class)
                .hasMessageContaining(
                        "holds an interrupted compare: continue it with saep compare --resume " + dir + ",")
                .hasMessageContaining("--overwrite");
    }

    @Test
    void aFinishedRunIsNotCalledInterrupted() throws IOException {
        Path search = folder("done", "run.json", "report.json", "search.log");
        assertThatThrownBy(() -> OutputDirectory.claim(search, "--out", false))
                .hasMessage("--out " + search + " is not empty: choose another directory or pass --overwrite");
        Path cmp = folder("cmp-done", "compare.json", "comparison.json");
        assertThatThrownBy(() -> OutputDirectory.claim(cmp, "--out", false))
                .hasMessageContaining("is not empty")
                .hasMessageNotContaining("--resume");
    }

    @Test
    void theResumeCommandQuotesAFolderAShellWouldSplit() {
        assertThat(ResumeCommand.of("search", Path.of("runs/pie-1"))).isEqualTo("saep search --resume runs/pie-1");
        assertThat(ResumeCommand.of("compare", Path.of("my runs/it's")))
                .isEqualTo("saep compare --resume 'my runs/it'\\''s'");
        assertThat(ResumeCommand.quoted("$HOME")).isEqualTo("'$HOME'");
    }
}
