package org.saepj.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.SaepException;
import org.saepj.data.Shape;
import org.saepj.data.preprocess.Pipeline;
import org.saepj.data.preprocess.Standardize;
import org.saepj.engine.Architecture;
import org.saepj.engine.Network;
import org.saepj.engine.kernel.KernelsProvider;
import org.saepj.search.Mixture;
import org.saepj.search.Provenance;

/**
 * The manifest's preprocessing: written as a list of typed steps (format 4), the single object of format 3 read as a
 * pipeline of that one step, and a step type nobody registered refused naming the file and the type.
 */
class ManifestPipelineTest {
    @TempDir
    Path dir;

    private Path save() {
        Network net = new Network(
                        new Architecture.DenseStack(Shape.vector(2), new int[] {3}, 2), KernelsProvider.scalar())
                .initialize(1);
        EnsembleManifest m = new EnsembleManifest(
                SavedEnsemble.FORMAT_VERSION,
                new int[] {1, 1, 2},
                List.of("a", "b"),
                new Pipeline(List.of(new Standardize(new float[] {1, 2}, new float[] {3, 4}))),
                List.of(new MemberRecord(
                        0,
                        0,
                        "dnn-depth-1",
                        7L,
                        net.architecture(),
                        null,
                        null,
                        1.0,
                        (long) net.parameterCount(),
                        "member-0.params",
                        SavedEnsemble.parameterChecksum(net))),
                Mixture.UNIFORM,
                null,
                new Provenance("test", "abc", "17", "scalar", "local", 1, "2026-12-01T00:00:00Z"),
                null,
                null,
                null);
        Path ensemble = dir.resolve("ensemble");
        new SavedEnsemble(m, List.of(net)).save(ensemble);
        return ensemble;
    }

    private static void edit(Path ensemble, String from, String to) throws Exception {
        Path manifest = ensemble.resolve(SavedEnsemble.MANIFEST);
        String text = Files.readString(manifest);
        assertThat(text).contains(from);
        Files.writeString(manifest, text.replace(from, to));
    }

    @Test
    void formatFourListsTypedStepsAndFormatThreeIsReadAsOneStep() throws Exception {
        Path ensemble = save();
        String text = Files.readString(ensemble.resolve(SavedEnsemble.MANIFEST));
        assertThat(text)
                .contains("\"formatVersion\" : 4")
                .contains("\"preprocessing\" : [ {")
                .contains("\"type\" : \"standardize\"");
        float[][] rows = {{1, 2}, {4, 6}};
        float[][] logits = SavedEnsemble.load(ensemble).predictLogits(rows);
        // the same manifest as format 3 wrote it: one object
        edit(ensemble, "\"formatVersion\" : 4", "\"formatVersion\" : 3");
        edit(ensemble, "\"preprocessing\" : [ {", "\"preprocessing\" : {");
        edit(ensemble, "} ],\n  \"members\"", "},\n  \"members\"");
        SavedEnsemble old = SavedEnsemble.load(ensemble);
        assertThat(old.manifest().preprocessing().types()).containsExactly("standardize");
        assertThat(old.predictLogits(rows)).isDeepEqualTo(logits);
    }

    @Test
    void anUnknownStepTypeIsRefusedNamingTheFileAndTheType() throws Exception {
        Path ensemble = save();
        edit(ensemble, "\"type\" : \"standardize\"", "\"type\" : \"winsorize\"");
        assertThatThrownBy(() -> SavedEnsemble.load(ensemble))
                .isInstanceOf(SaepException.class)
                .hasMessageStartingWith(ensemble.resolve(SavedEnsemble.MANIFEST) + ": corrupt manifest")
                .hasMessageContaining("preprocessing step type 'winsorize' unknown: expected clip, columns, impute,"
                        + " one_hot, piecewise-linear, robust-scale, scale, standardize");
    }

    @Test
    void aStepReadFromAFileIsChecked() throws Exception {
        Path ensemble = save();
        edit(ensemble, "\"deviation\" : [ 3.0, 4.0 ]", "\"deviation\" : [ 3.0, 0.0 ]");
        assertThatThrownBy(() -> SavedEnsemble.load(ensemble))
                .hasMessage(ensemble.resolve(SavedEnsemble.MANIFEST)
                        + ": standardize feature 1 has mean 2.0 and deviation 0.0: expected finite"
                        + " numbers and a deviation above 0");
    }
}
