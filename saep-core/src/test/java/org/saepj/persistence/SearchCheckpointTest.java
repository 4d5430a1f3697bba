package org.saepj.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.SaepException;
import org.saepj.data.SourceData;
import org.saepj.data.io.IdxDatasetReader;
import org.saepj.data.source.KnownDataset;
import org.saepj.engine.Backends;
import org.saepj.execution.LocalExecutor;
import org.saepj.search.AdaNetSearch;
import org.saepj.search.Experiment;
import org.saepj.search.IterationRecord;
import org.saepj.search.Mixture;
import org.saepj.search.Partitions;
import org.saepj.search.SearchConfig;
import org.saepj.search.SearchListener;
import org.saepj.search.SearchResult;
import org.saepj.search.SearchState;
import org.saepj.subnetwork.ModelKind;
import org.saepj.testing.TestFiles;

/** A search resumed from the checkpoint of any iteration ends exactly as the uninterrupted run. */
class SearchCheckpointTest {
    @TempDir
    Path dir;

    @Test
    void resumingFromEveryIterationReproducesTheRun() {
        Path data = TestFiles.fashionMnistFixture(dir.resolve("fashion-mnist"));
        SourceData source =
                IdxDatasetReader.read("fashion-mnist", data, KnownDataset.FASHION_MNIST.classNames(), Map.of());
        // The linear search also trains every other iteration's candidate an iteration early: a checkpoint taken
        // then must still resume to the same run.
        for (String variant : List.of("uniform", "learned", "linear")) {
            Mixture mixture = variant.equals("learned") ? Mixture.LEARNED : Mixture.UNIFORM;
            SearchConfig config = SearchConfig.builder()
                    .iterations(6)
                    .totalSteps(240)
                    .method("pie")
                    .mixture(mixture)
                    .model(variant.equals("linear") ? ModelKind.LINEAR : ModelKind.DNN)
                    .seed(3)
                    .threads(2)
                    .build();
            Partitions p = Partitions.prepare(config, source).get(0);
            try (LocalExecutor executor = new LocalExecutor(2, Backends.best())) {
                AdaNetSearch search = new AdaNetSearch(config, executor, Backends.best());
                // Keep the checkpoint of every iteration in its own directory.
                int[] k = {0};
                SearchResult full = search.run(
                        p,
                        Experiment.info(config, source, p),
                        SearchListener.NONE,
                        null,
                        state -> new SearchCheckpoint(dir.resolve(variant + "-after-" + (++k[0])), source.sha256())
                                .save(state));
                assertThat(k[0]).isEqualTo(6);
                for (int t = 1; t <= 6; t++) {
                    SearchState state = SearchCheckpoint.load(
                            dir.resolve(variant + "-after-" + t), Backends.best(), source.sha256());
                    assertThat(state.nextIteration()).isEqualTo(t);
                    SearchResult resumed =
                            search.run(p, Experiment.info(config, source, p), SearchListener.NONE, state, s -> {});
                    assertSame(full, resumed);
                }
            }
        }
    }

    @Test
    void aSearchThatReturnsItsBestIterationResumesToTheSameOneEvenWhenItsMembersWerePruned() {
        Path data = TestFiles.fashionMnistFixture(dir.resolve("fashion-mnist"));
        SourceData source =
                IdxDatasetReader.read("fashion-mnist", data, KnownDataset.FASHION_MNIST.classNames(), Map.of());
        // A high learning rate and PAP from three members on: the ensemble's validation loss goes up and down, and
        // the best iteration's members are not all in the last ensemble.
        SearchConfig config = SearchConfig.builder()
                .iterations(6)
                .totalSteps(600)
                .method("pap")
                .learningRate(0.02)
                .selection(new org.saepj.search.SelectionSet(0.2))
                .validation(org.saepj.search.ValidationPlan.VALIDATED)
                .seed(4)
                .threads(2)
                .build();
        Partitions p = Partitions.prepare(config, source).get(0);
        try (LocalExecutor executor = new LocalExecutor(2, Backends.best())) {
            AdaNetSearch search = new AdaNetSearch(config, executor, Backends.best());
            int[] k = {0};
            SearchResult full = search.run(
                    p,
                    Experiment.info(config, source, p),
                    SearchListener.NONE,
                    null,
                    state -> new SearchCheckpoint(dir.resolve("best-after-" + (++k[0])), source.sha256()).save(state));
            java.util.List<Integer> last = full.iterations().get(5).memberIds();
            assertThat(full.finalIteration())
                    .as("the best iteration is not the last here")
                    .isLessThan(5);
            assertThat(full.ensemble().members().stream().map(m -> m.id()).toList())
                    .as("the best iteration's ensemble differs from the last")
                    .isNotEqualTo(last);
            for (int t = 1; t <= 6; t++) {
                SearchState state =
                        SearchCheckpoint.load(dir.resolve("best-after-" + t), Backends.best(), source.sha256());
                SearchResult resumed =
                        search.run(p, Experiment.info(config, source, p), SearchListener.NONE, state, s -> {});
                assertThat(resumed.finalIteration()).isEqualTo(full.finalIteration());
                assertSame(full, resumed);
            }
        }
    }

    static void assertSame(SearchResult a, SearchResult b) {
        assertThat(b.metrics().testAccuracy()).isEqualTo(a.metrics().testAccuracy());
        assertThat(b.metrics().testLoss()).isEqualTo(a.metrics().testLoss());
        assertThat(b.ensemble().weights()).isEqualTo(a.ensemble().weights());
        assertThat(b.ensemble().size()).isEqualTo(a.ensemble().size());
        for (int j = 0; j < a.ensemble().size(); j++) {
            assertThat(b.ensemble().members().get(j).id())
                    .isEqualTo(a.ensemble().members().get(j).id());
            assertThat(b.ensemble().members().get(j).network().parameters())
                    .isEqualTo(a.ensemble().members().get(j).network().parameters());
        }
        assertThat(b.iterations()).hasSameSizeAs(a.iterations());
        for (int t = 0; t < a.iterations().size(); t++) {
            IterationRecord x = a.iterations().get(t);
            IterationRecord y = b.iterations().get(t);
            assertThat(y.memberIds()).isEqualTo(x.memberIds());
            assertThat(y.pruned()).isEqualTo(x.pruned());
            assertThat(y.selectionObjective()).isEqualTo(x.selectionObjective());
            assertThat(y.testAccuracy()).isEqualTo(x.testAccuracy());
            assertThat(y.candidates()).isEqualTo(x.candidates());
            assertThat(y.pruneDecision())
                    .usingRecursiveComparison()
                    .withEqualsForType((u, v) -> Double.compare(u, v) == 0, Double.class)
                    .isEqualTo(x.pruneDecision());
        }
        assertThat(b.provenance().startedAt()).isEqualTo(a.provenance().startedAt());
    }

    /**
     * An interrupt handler waiting for the write in progress must get the lock before the next write starts (the
     * CLI's InterruptGuard): once, unfair, it waited through every remaining write and the search ended with 0.
     */
    @Test
    void aThreadWaitingForTheWriteInProgressGetsTheLockBeforeTheNextWrite() throws Exception {
        var lock = new SearchCheckpoint(dir.resolve("fair"), "0".repeat(64)).writingLock();
        lock.lock();
        var order = new java.util.concurrent.CopyOnWriteArrayList<String>();
        Thread handler = new Thread(() -> {
            lock.lock();
            order.add("handler");
            lock.unlock();
        });
        handler.start();
        while (!lock.hasQueuedThread(handler)) {
            Thread.onSpinWait();
        }
        lock.unlock();
        // the writer asks again at once, as the checkpoint thread does when the search hands it the next state
        lock.lock();
        order.add("writer");
        lock.unlock();
        handler.join();
        assertThat(order).containsExactly("handler", "writer");
    }

    @Test
    void missingAndCorruptCheckpointsAreClearErrors() throws Exception {
        assertThatThrownBy(() -> SearchCheckpoint.load(dir, Backends.best(), null))
                .isInstanceOf(SaepException.class)
                .hasMessageContaining("no checkpoint to resume from");
        Files.createDirectories(dir.resolve("checkpoint"));
        Files.writeString(dir.resolve("checkpoint").resolve("state.json"), "{\"formatVersion\": 1, \"members\": [");
        assertThatThrownBy(() -> SearchCheckpoint.load(dir, Backends.best(), null))
                .isInstanceOf(SaepException.class)
                .hasMessageContaining("corrupt checkpoint");
        assertThat(List.of(SearchCheckpoint.exists(dir))).containsExactly(true);
    }
}
