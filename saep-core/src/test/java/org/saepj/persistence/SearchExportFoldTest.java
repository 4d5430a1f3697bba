package org.saepj.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.data.Dataset;
import org.saepj.data.Shape;
import org.saepj.data.SourceData;
import org.saepj.engine.Backends;
import org.saepj.execution.LocalExecutor;
import org.saepj.run.RunDirectory;
import org.saepj.search.Experiment;
import org.saepj.search.Partitions;
import org.saepj.search.SearchConfig;
import org.saepj.search.SearchListener;
import org.saepj.search.SearchResult;

/**
 * The fold a saved ensemble records must fit its search: {@code SearchExport.of(result, partitions, 0)} on a search
 * without folds used to save a manifest that {@link SavedEnsemble#load} then refused ("fold 0 does not fit folds 0");
 * now it is refused when asked, and a search's run refuses such a fold before training.
 */
class SearchExportFoldTest {
    @TempDir
    Path dir;

    private static SourceData blobs() {
        SplittableRandom rng = new SplittableRandom(3);
        int n = 60;
        float[] x = new float[n * 2];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            x[2 * i] = (float) (rng.nextGaussian() + 3 * y[i]);
            x[2 * i + 1] = (float) rng.nextGaussian();
        }
        Dataset train = new Dataset("blobs", x, y, Shape.vector(2), List.of("0", "1"));
        return new SourceData("blobs", "blobs", train, Optional.empty(), "0".repeat(64), false);
    }

    private static SearchConfig config() {
        return SearchConfig.builder()
                .dataset("blobs")
                .iterations(2)
                .totalSteps(40)
                .batchSize(16)
                .threads(1)
                .build();
    }

    @Test
    void aFoldOfASearchWithoutFoldsIsRefusedBeforeAnythingIsSaved() {
        SourceData data = blobs();
        Partitions p = Partitions.prepare(config(), data).get(0);
        SearchResult r = Experiment.run(config(), data, SearchListener.NONE).get(0);
        assertThatThrownBy(() -> SearchExport.of(r, p, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fold 0 does not fit a search without cross-validation: its fold is -1"
                        + " (SearchExport.NO_FOLD)");
        assertThatThrownBy(() -> SearchExport.of(r, p, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fold 5 does not fit");
        // The fold-less form saves what the loader reads back, member for member.
        SearchExport.of(r, p).save(dir.resolve("ensemble"));
        SavedEnsemble back = SavedEnsemble.load(dir.resolve("ensemble"));
        assertThat(back.manifest().data().fold()).isEqualTo(SearchExport.NO_FOLD);
        assertThat(back.networks()).hasSameSizeAs(r.ensemble().members());
    }

    @Test
    void aFoldOfKFoldsMustBeOneOfThem() {
        SearchConfig folded = config().toBuilder().folds(3).build();
        SourceData data = blobs();
        List<Partitions> parts = Partitions.prepare(folded, data);
        SearchResult r = Experiment.run(folded, data, SearchListener.NONE).get(0);
        assertThatThrownBy(() -> SearchExport.of(r, parts.get(0), 3))
                .hasMessage("fold 3 does not fit 3 folds: expected 0..2");
        assertThatThrownBy(() -> SearchExport.of(r, parts.get(0))).hasMessageContaining("fold -1 does not fit 3 folds");
        SearchExport.of(r, parts.get(0), 0).save(dir.resolve("fold"));
        assertThat(SavedEnsemble.load(dir.resolve("fold")).manifest().data().fold())
                .isZero();
    }

    @Test
    void aRunRefusesAFoldThatDoesNotFitBeforeTraining() {
        SourceData data = blobs();
        Partitions p = Partitions.prepare(config(), data).get(0);
        var kernels = Backends.best();
        RunDirectory run = RunDirectory.open(dir.resolve("run"), false, kernels, data.sha256());
        try (LocalExecutor executor = new LocalExecutor(1, kernels)) {
            assertThatThrownBy(() -> run.complete(
                            config(), p, Experiment.info(config(), data, p), executor, kernels, SearchListener.NONE, 0))
                    .hasMessageContaining("fold 0 does not fit a search without cross-validation");
        }
        assertThat(dir.resolve("run").resolve("ensemble")).doesNotExist();
        assertThat(Files.exists(dir.resolve("run").resolve("report.json"))).isFalse();
    }
}
