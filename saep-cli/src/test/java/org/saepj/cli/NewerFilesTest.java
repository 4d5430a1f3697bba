package org.saepj.cli;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.FileException;
import org.saepj.cli.display.Json;
import org.saepj.cli.output.Invocation;
import org.saepj.cli.output.StoredComparison;
import org.saepj.engine.Backends;
import org.saepj.persistence.SearchCheckpoint;

/** Every file kind refuses a version newer than this build reads, in one line naming the file and both versions. */
class NewerFilesTest {
    @TempDir
    Path dir;

    /** Copies a golden file into a folder of its own, with its version field set. */
    private Path withVersion(String golden, String into, String field, int version) throws Exception {
        Path file = dir.resolve(into);
        Files.createDirectories(file.getParent());
        ObjectNode tree = (ObjectNode)
                Json.MAPPER.readTree(GoldenFilesTest.golden(3, golden).toFile());
        tree.put(field, version);
        Files.writeString(file, Json.pretty(tree));
        return file;
    }

    @Test
    void runCompareAndCheckpointFilesOfANewerFormatAreRefused() throws Exception {
        Path run = withVersion("dnn/run.json", "run/run.json", "formatVersion", 3);
        assertThatThrownBy(() -> Invocation.load(run.getParent()))
                .isInstanceOf(FileException.class)
                .hasMessage(run + ": format version 3 is newer than this build reads (" + Invocation.FORMAT_VERSION
                        + "): upgrade SAEP-J");
        Path cmp = withVersion("compare-run/compare.json", "cmp/compare.json", "formatVersion", 7);
        assertThatThrownBy(() -> StoredComparison.load(cmp.getParent()))
                .isInstanceOf(FileException.class)
                .hasMessage(cmp + ": format version 7 is newer than this build reads ("
                        + StoredComparison.FORMAT_VERSION + "): upgrade SAEP-J");
        Path state =
                withVersion("checkpoint-run/checkpoint/state.json", "ckpt/checkpoint/state.json", "formatVersion", 4);
        assertThatThrownBy(() -> SearchCheckpoint.load(dir.resolve("ckpt"), Backends.best(), null))
                .isInstanceOf(FileException.class)
                .hasMessage(state + ": format version 4 is newer than this build reads ("
                        + SearchCheckpoint.FORMAT_VERSION + "): upgrade SAEP-J");
        Path report = withVersion("dnn/report.json", "rep/report.json", "schemaVersion", 4);
        assertThatThrownBy(() -> org.saepj.run.RunSummary.read(report))
                .isInstanceOf(FileException.class)
                .hasMessage(report + ": schema version 4 is newer than this build reads ("
                        + org.saepj.run.RunReport.SCHEMA_VERSION + "): upgrade SAEP-J");
    }
}
