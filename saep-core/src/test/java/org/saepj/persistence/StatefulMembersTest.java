package org.saepj.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.SaepException;
import org.saepj.data.Shape;
import org.saepj.data.SourceData;
import org.saepj.engine.Architecture;
import org.saepj.engine.Backends;
import org.saepj.engine.Network;
import org.saepj.engine.ParameterCodec;
import org.saepj.engine.kernel.KernelsProvider;
import org.saepj.ensemble.Logits;
import org.saepj.execution.LocalExecutor;
import org.saepj.pruning.Criteria;
import org.saepj.search.AdaNetSearch;
import org.saepj.search.Experiment;
import org.saepj.search.Partitions;
import org.saepj.search.SearchConfig;
import org.saepj.search.SearchListener;
import org.saepj.search.SearchResult;
import org.saepj.search.SearchState;
import org.saepj.subnetwork.SpacePlugin;
import org.saepj.subnetwork.Spaces;
import org.saepj.testing.TestFiles;

/**
 * Members whose layers keep state (batch_norm's running statistics) are stored with it: a saved and loaded member,
 * and a search resumed from a checkpoint, predict exactly as before; stateless members' files are unchanged.
 */
class StatefulMembersTest {
    @TempDir
    Path dir;

    /** A batch_norm member trained a little, so its running statistics are neither 0 nor 1. */
    private static Network trained() {
        Network net =
                new Network(BatchNormSpace.architecture(Shape.vector(5), 6, 3), KernelsProvider.scalar()).initialize(1);
        SplittableRandom rng = new SplittableRandom(7);
        float[] x = new float[8 * 5];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian() * 2 + 1;
        }
        net.forward(x, 8, true);
        return net;
    }

    @Test
    void theParameterFileCarriesTheStateAfterTheParameters() {
        Network bn = trained();
        assertThat(bn.state())
                .hasSize(12)
                .isNotEqualTo(new Network(bn.architecture(), KernelsProvider.scalar()).state());
        byte[] bytes = ParameterFiles.bytes(bn);
        assertThat(bytes[7]).isEqualTo((byte) 2);
        ParameterCodec.Stored back =
                ParameterCodec.readFinite(new ByteArrayInputStream(bytes), bn.parameterCount(), 12, "f");
        assertThat(back.parameters()).isEqualTo(bn.parameters());
        assertThat(back.state()).isEqualTo(bn.state());
        // A reader expecting no state, or a version-1 file for a member with state, is refused, never half-read.
        assertThatThrownBy(() -> ParameterCodec.read(new ByteArrayInputStream(bytes), bn.parameterCount(), "f"))
                .isInstanceOf(SaepException.class)
                .hasMessageContaining("holds 12 layer state values");
        byte[] v1 = ParameterCodec.toBytes(bn.parameters());
        assertThatThrownBy(() -> ParameterCodec.read(new ByteArrayInputStream(v1), bn.parameterCount(), 12, "f"))
                .isInstanceOf(SaepException.class)
                .hasMessageContaining("holds no layer state");
        // Positive control: the paper's members keep no state and their files are version 1, as before.
        Network dnn = new Network(Architecture.DenseStack.dnn(Shape.vector(5), 1, 4, 3), KernelsProvider.scalar())
                .initialize(1);
        assertThat(ParameterFiles.bytes(dnn)).isEqualTo(ParameterCodec.toBytes(dnn.parameters()));
        assertThat(ParameterFiles.bytes(dnn)[7]).isEqualTo((byte) 1);
    }

    @Test
    void aSearchWithBatchNormMembersSavesLoadsAndResumesBitForBit() throws Exception {
        SourceData data = TestFiles.fashionMnist(dir.resolve("f"));
        SearchConfig config = SearchConfig.builder()
                .spacePlugin(new SpacePlugin(BatchNormSpace.ID, Map.of()))
                .iterations(3)
                .totalSteps(30)
                .seed(3)
                .threads(2)
                .build();
        Partitions p = Partitions.prepare(config, data).get(0);
        Spaces spaces = Spaces.discover().with(new BatchNormSpace.Provider());
        int[] n = {0};
        SearchResult full;
        try (LocalExecutor executor = new LocalExecutor(2, Backends.best())) {
            AdaNetSearch search = new AdaNetSearch(config, executor, Backends.best(), Criteria.discover(), spaces);
            full = search.run(p, Experiment.info(config, data, p), SearchListener.NONE, null, state -> {
                if (n[0]++ == 1) {
                    new SearchCheckpoint(dir.resolve("run"), data.sha256()).save(state);
                }
            });
            SearchState state = SearchCheckpoint.load(dir.resolve("run"), Backends.best(), data.sha256());
            assertThat(state.members())
                    .isNotEmpty()
                    .allSatisfy(m -> assertThat(m.network().state())
                            .isNotEmpty()
                            .isNotEqualTo(new Network(m.network().architecture(), KernelsProvider.best()).state()));
            SearchResult resumed = search.run(p, Experiment.info(config, data, p), SearchListener.NONE, state, s -> {});
            assertThat(resumed.metrics().testLoss()).isEqualTo(full.metrics().testLoss());
            assertThat(resumed.ensemble().testLogits())
                    .containsExactlyElementsOf(full.ensemble().testLogits());
        }
        SearchExport.of(full, p, -1).save(dir.resolve("ensemble"));
        try (var files = Files.list(dir.resolve("ensemble"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".params")))
                    .isNotEmpty()
                    .allSatisfy(f -> assertThat(Files.readAllBytes(f)[7]).isEqualTo((byte) 2));
        }
        SavedEnsemble loaded = SavedEnsemble.load(dir.resolve("ensemble"), Backends.best());
        assertThat(loaded.logits(p.test()))
                .isEqualTo(Logits.combine(
                        full.ensemble().testLogits(), full.ensemble().weights()));
        List<Network> nets = loaded.networks();
        assertThat(nets).allSatisfy(net -> assertThat(net.state()).isNotEmpty());
    }
}
