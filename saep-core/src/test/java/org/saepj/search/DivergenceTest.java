package org.saepj.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.data.SourceData;
import org.saepj.data.io.IdxDatasetReader;
import org.saepj.data.source.KnownDataset;
import org.saepj.engine.Backends;
import org.saepj.execution.CandidateExecutor;
import org.saepj.execution.LocalExecutor;
import org.saepj.execution.TrainedCandidate;
import org.saepj.execution.TrainingProgress;
import org.saepj.execution.TrainingTask;
import org.saepj.testing.TestFiles;

/**
 * An iteration whose every candidate diverges leaves the ensemble as it was, with a warning, and the search goes on.
 */
class DivergenceTest {
    @TempDir
    Path dir;

    @Test
    void anIterationWhereEveryCandidateDivergesKeepsTheEnsemble() {
        Path d = TestFiles.fashionMnistFixture(dir.resolve("fashion-mnist"));
        SourceData source =
                IdxDatasetReader.read("fashion-mnist", d, KnownDataset.FASHION_MNIST.classNames(), Map.of());
        SearchConfig config =
                SearchConfig.builder().iterations(5).totalSteps(200).threads(2).build();
        Partitions p = Partitions.prepare(config, source).get(0);
        List<String> warnings = new ArrayList<>();
        SearchListener listener = new SearchListener() {
            @Override
            public void warning(int iteration, String message) {
                warnings.add(iteration + ": " + message);
            }
        };
        try (LocalExecutor local = new LocalExecutor(2, Backends.best())) {
            // The third call (iteration 2) reports every candidate as diverged, as a NaN loss would.
            CandidateExecutor failing = new CandidateExecutor() {
                private int calls;

                @Override
                public List<TrainedCandidate> train(List<TrainingTask> tasks, TrainingProgress progress) {
                    List<TrainedCandidate> out = local.train(tasks, progress);
                    if (++calls != 3) {
                        return out;
                    }
                    return out.stream()
                            .map(c -> new TrainedCandidate(
                                    c.candidate(),
                                    c.network(),
                                    Double.NaN,
                                    Optional.of("loss became NaN at step 7 of 40"),
                                    List.of(),
                                    List.of(),
                                    c.trainSeconds(),
                                    0))
                            .toList();
                }

                @Override
                public String describe() {
                    return "test";
                }

                @Override
                public void close() {}
            };
            SearchResult r = new AdaNetSearch(config, failing, Backends.best())
                    .run(p, Experiment.info(config, source, p), listener);
            IterationRecord before = r.iterations().get(1);
            IterationRecord failed = r.iterations().get(2);
            assertThat(failed.selected()).isEqualTo("keep");
            assertThat(failed.memberIds()).isEqualTo(before.memberIds());
            assertThat(failed.testAccuracy()).isEqualTo(before.testAccuracy());
            assertThat(failed.candidates()).allSatisfy(c -> {
                assertThat(c.divergence()).contains("NaN");
                assertThat(c.objective()).isNaN();
                assertThat(c.selected()).isFalse();
            });
            assertThat(warnings).anyMatch(w -> w.startsWith("2: every candidate diverged"));
            assertThat(warnings)
                    .anyMatch(w -> w.startsWith("2: candidate dnn-depth-") && w.contains("dropped: loss became NaN"));
            assertThat(r.iterations()).hasSize(5);
            assertThat(r.iterations().get(4).selected()).isNotEqualTo("none");
        }
    }

    @Test
    void aCandidateThatEndsWorseThanGuessingIsReported() throws Exception {
        Path d = TestFiles.fashionMnistFixture(dir.resolve("fashion-mnist"));
        SourceData source =
                IdxDatasetReader.read("fashion-mnist", d, KnownDataset.FASHION_MNIST.classNames(), Map.of());
        List<String> warnings = new ArrayList<>();
        SearchListener listener = new SearchListener() {
            @Override
            public void warning(int iteration, String message) {
                warnings.add(iteration + ": " + message);
            }
        };
        Experiment.run(
                SearchConfig.builder()
                        .iterations(2)
                        .totalSteps(60)
                        .threads(2)
                        .learningRate(50)
                        .build(),
                source,
                listener);
        assertThat(warnings)
                .singleElement()
                .satisfies(w -> assertThat(w)
                        .startsWith("0: candidate ")
                        .contains("worse than guessing uniformly (ln 10 = 2.3026)")
                        .contains("either the steps are too few to learn (raise --steps)")
                        .contains("or the learning rate 50.0 is too high (lower --lr)"));

        warnings.clear();
        Experiment.run(
                SearchConfig.builder().iterations(2).totalSteps(60).threads(2).build(), source, listener);
        assertThat(warnings).isEmpty();

        // A space file's family with a rate of its own: the warning names that rate and where to lower it, not --lr.
        java.nio.file.Path space = java.nio.file.Files.writeString(
                dir.resolve("fast.json"),
                "{\"formatVersion\": 1,"
                        + " \"name\": \"fast\", \"families\": [{\"name\": \"dnn\", \"type\": \"dense\","
                        + " \"widths\": [32],"
                        + " \"depths\": {\"rule\": \"fixed\", \"values\": [1]},"
                        + " \"optimizer\": {\"type\": \"rmsprop\", \"learningRate\": 50}}]}");
        Experiment.run(
                SearchConfig.builder()
                        .iterations(2)
                        .totalSteps(60)
                        .threads(2)
                        .space(org.saepj.persistence.SpaceFiles.read(space))
                        .build(),
                source,
                listener);
        assertThat(warnings)
                .singleElement()
                .satisfies(w -> assertThat(w)
                        .contains("or the learning rate 50.0 is too high (lower its family's"
                                + " learningRate in the space file)"));
    }
}
