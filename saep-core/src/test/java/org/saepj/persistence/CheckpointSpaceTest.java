package org.saepj.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.data.SourceData;
import org.saepj.engine.Backends;
import org.saepj.execution.LocalExecutor;
import org.saepj.search.AdaNetSearch;
import org.saepj.search.Experiment;
import org.saepj.search.Partitions;
import org.saepj.search.SearchConfig;
import org.saepj.search.SearchListener;
import org.saepj.search.SearchResult;
import org.saepj.search.SearchState;
import org.saepj.subnetwork.Complexity;
import org.saepj.testing.TestFiles;

/**
 * Members of a file's search space — multi-block CNNs, a family's
 * complexity — survive a checkpoint and a saved ensemble.
 */
class CheckpointSpaceTest {
    @TempDir
    Path dir;

    @Test
    void blocksAndComplexitySurviveCheckpointsAndSavedEnsembles() throws Exception {
        SourceData data = TestFiles.fashionMnist(dir.resolve("f"));
        Path space = dir.resolve("tiny.json");
        Files.writeString(space, """
                {"formatVersion": 1, "name": "tiny", "families": [
                  {"name": "c", "type": "conv",
                   "blocks": [{"filters": 4, "kernel": 5}, {"filters": 6, "kernel": 3}], "dense": 8,
                   "optimizer": {"type": "sgd-momentum", "learningRate": 0.05, "schedule": "cosine"},
                   "complexity": "parameters"}]}
                """);
        SearchConfig config = SearchConfig.builder()
                .space(SpaceFiles.read(space))
                .iterations(3)
                .totalSteps(30)
                .seed(3)
                .threads(2)
                .lambda(0.001)
                .build();
        Partitions p = Partitions.prepare(config, data).get(0);
        int[] n = {0};
        SearchResult full;
        try (LocalExecutor executor = new LocalExecutor(2, Backends.best())) {
            AdaNetSearch search = new AdaNetSearch(config, executor, Backends.best());
            full = search.run(p, Experiment.info(config, data, p), SearchListener.NONE, null, state -> {
                if (n[0]++ == 1) {
                    new SearchCheckpoint(dir.resolve("run"), data.sha256()).save(state);
                }
            });
            SearchState state = SearchCheckpoint.load(dir.resolve("run"), Backends.best(), data.sha256());
            assertThat(state.members()).isNotEmpty().allSatisfy(m -> {
                assertThat(m.candidate().complexity()).isEqualTo(Complexity.PARAMETERS);
                assertThat(m.candidate().architecture().toString()).isEqualTo("conv4x5-pool-conv6-pool-8-10");
            });
            SearchResult resumed = search.run(p, Experiment.info(config, data, p), SearchListener.NONE, state, s -> {});
            assertThat(resumed.metrics().testLoss()).isEqualTo(full.metrics().testLoss());
        }
        SearchExport.of(full, p, -1).save(dir.resolve("ensemble"));
        SavedEnsemble loaded = SavedEnsemble.load(dir.resolve("ensemble"), Backends.best());
        assertThat(((org.saepj.engine.Architecture.ConvNet)
                                loaded.manifest().members().get(0).architecture())
                        .blocks())
                .hasSize(2);
        assertThat(loaded.logits(p.test()))
                .isEqualTo(org.saepj.ensemble.Logits.combine(
                        full.ensemble().testLogits(), full.ensemble().weights()));
    }
}
