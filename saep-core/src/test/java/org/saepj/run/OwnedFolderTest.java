package org.saepj.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.SaepException;
import org.saepj.run.OwnedFolder.Ownership;

class OwnedFolderTest {
    @TempDir
    Path root;

    private Path run(String name) throws Exception {
        Path dir = Files.createDirectories(root.resolve(name));
        Files.writeString(dir.resolve("run.json"), "{}");
        Files.writeString(dir.resolve("report.json"), "{}");
        Files.createDirectories(dir.resolve("ensemble"));
        Files.writeString(dir.resolve("ensemble").resolve("manifest.json"), "{}");
        Files.writeString(dir.resolve("ensemble").resolve("member-1.params"), "p");
        Files.createDirectories(
                dir.resolve("runs").resolve("adanet-uniform-seed1").resolve("checkpoint"));
        Files.writeString(
                dir.resolve("runs")
                        .resolve("adanet-uniform-seed1")
                        .resolve("checkpoint")
                        .resolve("state.json"),
                "{}");
        return dir;
    }

    @Test
    void ownershipIsTheMarkerNotTheNames() throws Exception {
        assertThat(OwnedFolder.survey(root.resolve("missing")).ownership()).isEqualTo(Ownership.MISSING);
        assertThat(OwnedFolder.survey(Files.createDirectories(root.resolve("empty")))
                        .ownership())
                .isEqualTo(Ownership.EMPTY);
        Path dir = run("a");
        assertThat(OwnedFolder.survey(dir).ownership()).isEqualTo(Ownership.UNMARKED_LAYOUT);
        Files.writeString(dir.resolve("thesis.tex"), "mine");
        Files.writeString(dir.resolve("ensemble").resolve("notes.txt"), "mine");
        OwnedFolder.Survey s = OwnedFolder.survey(dir);
        assertThat(s.ownership()).isEqualTo(Ownership.FOREIGN);
        assertThat(s.foreignNames(5)).isEqualTo("ensemble/notes.txt, thesis.tex");
        OwnedFolder.mark(dir);
        assertThat(OwnedFolder.survey(dir).ownership()).isEqualTo(Ownership.MARKED);
    }

    @Test
    void aMarkerThatIsNotSaepsIsRefused() throws Exception {
        Path dir = run("forged");
        Files.writeString(dir.resolve(OwnedFolder.MARKER), "{\"owner\": \"someone\", \"format\": 1, \"id\": \"x\"}");
        assertThatThrownBy(() -> OwnedFolder.survey(dir))
                .isInstanceOf(SaepException.class)
                .hasMessageContaining("is not SAEP-J's folder marker");
        Files.writeString(
                dir.resolve(OwnedFolder.MARKER),
                "{\"owner\": \"saep-j\", \"format\": 9, \"id\": \"" + "0123456789abcdef0123456789abcdef\"}");
        assertThatThrownBy(() -> OwnedFolder.survey(dir)).hasMessageContaining("newer than this SAEP-J's");
        Files.delete(dir.resolve(OwnedFolder.MARKER));
        Files.createSymbolicLink(dir.resolve(OwnedFolder.MARKER), root.resolve("elsewhere"));
        assertThatThrownBy(() -> OwnedFolder.survey(dir)).hasMessageContaining("a link or not a file");
    }

    @Test
    void settingAsideMovesOnlySaepsFilesAndRestoringPutsThemBack() throws Exception {
        Path dir = run("b");
        OwnedFolder.mark(dir);
        Files.writeString(dir.resolve("thesis.tex"), "mine");
        Files.writeString(dir.resolve("ensemble").resolve("notes.txt"), "mine");
        Path aside = OwnedFolder.setAside(dir);
        assertThat(dir.resolve("run.json")).doesNotExist();
        assertThat(dir.resolve("ensemble").resolve("manifest.json")).doesNotExist();
        assertThat(dir.resolve("runs")).doesNotExist();
        assertThat(dir.resolve("thesis.tex")).hasContent("mine");
        assertThat(dir.resolve("ensemble").resolve("notes.txt")).hasContent("mine");
        assertThat(aside.resolve("ensemble").resolve("member-1.params")).hasContent("p");
        Files.writeString(dir.resolve("run.json"), "{\"new\": 1}"); // the new run's, kept over the old one's
        OwnedFolder.restore(dir, aside);
        assertThat(dir.resolve("run.json")).hasContent("{\"new\": 1}");
        assertThat(dir.resolve("report.json")).hasContent("{}");
        assertThat(dir.resolve("ensemble").resolve("member-1.params")).hasContent("p");
        assertThat(aside).doesNotExist();
        // Positive control: deleting the aside folder removes the old run for good, and nothing else.
        Path again = OwnedFolder.setAside(dir);
        OwnedFolder.deleteAside(again);
        assertThat(dir.resolve("report.json")).doesNotExist();
        assertThat(dir.resolve("thesis.tex")).hasContent("mine");
    }

    @Test
    void linksUnderTheLayoutsNamesAreFoundNotFollowed() throws Exception {
        Path dir = run("c");
        Path outside = Files.createDirectories(root.resolve("outside"));
        Files.createSymbolicLink(dir.resolve("checkpoint"), outside);
        Files.createSymbolicLink(dir.resolve("my-link"), outside); // the user's: never written through anyway
        OwnedFolder.Survey s = OwnedFolder.survey(dir);
        assertThat(s.links()).containsExactly(dir.resolve("checkpoint"));
        assertThatThrownBy(s::refuseLinks).hasMessageContaining("checkpoint is a symbolic link");
    }

    @Test
    void tidyingRemovesAsideFoldersAndOrphansOnly() throws Exception {
        Path dir = run("d");
        OwnedFolder.mark(dir);
        Path leftover = Files.createDirectories(dir.resolve(OwnedFolder.ASIDE_PREFIX + "00ff"));
        Files.writeString(leftover.resolve("report.json"), "{}");
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        Path orphan = Files.writeString(
                dir.resolve("runs")
                        .resolve("adanet-uniform-seed1")
                        .resolve("checkpoint")
                        .resolve(".saep-tmp-" + p.pid() + "-0123456789abcdef"),
                "x");
        Path legacy = Files.writeString(dir.resolve("ensemble").resolve(".manifest.json.0a1b2c.tmp"), "x");
        Path users = Files.writeString(dir.resolve(".draft.0a1b.tmp"), "mine");
        OwnedFolder.tidy(dir);
        assertThat(leftover).doesNotExist();
        assertThat(orphan).doesNotExist();
        assertThat(legacy).doesNotExist();
        assertThat(users).hasContent("mine");
    }
}
