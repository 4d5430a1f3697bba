package org.saepj.subnetwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.data.SourceData;
import org.saepj.engine.Backends;
import org.saepj.execution.LocalExecutor;
import org.saepj.persistence.JsonFormat;
import org.saepj.pruning.Criteria;
import org.saepj.search.AdaNetSearch;
import org.saepj.search.Experiment;
import org.saepj.search.Partitions;
import org.saepj.search.SearchConfig;
import org.saepj.search.SearchListener;
import org.saepj.search.SearchResult;
import org.saepj.testing.TestFiles;

/** A search space written in the test sources searches through the public API, and its configuration round-trips. */
class SpacePluginTest {
    @TempDir
    Path dir;

    @Test
    void aRegisteredSpaceProposesTheCandidatesOfASearch() throws Exception {
        SourceData data = TestFiles.fashionMnist(dir.resolve("f"));
        SearchConfig config = SearchConfig.builder()
                .spacePlugin(new SpacePlugin(WideningSpace.ID, Map.of("width", 4.0, "step", 2.0)))
                .iterations(3)
                .totalSteps(60)
                .seed(2)
                .threads(2)
                .build();
        assertThat(config.spaceName()).isEqualTo("space widening{step=2.0, width=4.0}");
        Partitions p = Partitions.prepare(config, data).get(0);
        Spaces spaces = Spaces.discover().with(new WideningSpace.Provider());
        SearchResult r;
        try (LocalExecutor executor = new LocalExecutor(2, Backends.best())) {
            r = new AdaNetSearch(config, executor, Backends.best(), Criteria.discover(), spaces)
                    .run(p, Experiment.info(config, data, p), SearchListener.NONE);
        }
        assertThat(r.iterations())
                .extracting(it -> it.candidates().get(0).name())
                .containsExactly("wide-4", "wide-6", "wide-8");
        SearchConfig back =
                JsonFormat.mapper().readValue(JsonFormat.mapper().writeValueAsString(config), SearchConfig.class);
        assertThat(back).isEqualTo(config);
        assertThat(back.space().plugin().parameters()).containsEntry("width", 4.0);
    }

    @Test
    void anUnknownOrRefusingSpaceIsOneClearError() throws Exception {
        SearchConfig config = SearchConfig.builder()
                .spacePlugin(new SpacePlugin("nowhere", Map.of()))
                .build();
        assertThatThrownBy(() -> config.space().create(org.saepj.data.Shape.vector(4), 2, 10, 1, Spaces.discover()))
                .hasMessageContaining("unknown search space 'nowhere'");
        SearchConfig bad = SearchConfig.builder()
                .spacePlugin(new SpacePlugin(WideningSpace.ID, Map.of("width", 0.5)))
                .build();
        assertThatThrownBy(() -> bad.space()
                        .create(
                                org.saepj.data.Shape.vector(4),
                                2,
                                10,
                                1,
                                Spaces.discover().with(new WideningSpace.Provider())))
                .hasMessageContaining("width must be a whole number");
    }
}
