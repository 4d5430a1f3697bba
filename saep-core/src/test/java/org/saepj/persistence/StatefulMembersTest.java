package org.saepj.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.saepj.SaepException;
import org.saepj.engine.Architecture;
import org.saepj.engine.GraphArchitecture;
import org.saepj.engine.Network;
import org.saepj.engine.kernel.KernelsProvider;
import org.saepj.data.Shape;
import org.saepj.engine.layer.BatchNormKind;
import org.saepj.engine.layer.DenseKind;
import org.saepj.engine.layer.LayerGraph;
import java.util.List;

/** Until layer state has a stored form, a member with state is refused rather than stored without it. */
class StatefulMembersTest {
    @Test
    void aMemberWithRunningStatisticsIsNotStoredWithoutThem() {
        LayerGraph graph = new LayerGraph(Shape.vector(5), List.of(
                new LayerGraph.Node("d", new DenseKind.Spec(6), List.of("input")),
                new LayerGraph.Node("bn", new BatchNormKind.Spec(0.1, 1e-3), List.of("d")),
                new LayerGraph.Node("head", new DenseKind.Spec(3), List.of("bn"))));
        Network bn = new Network(GraphArchitecture.of(graph), KernelsProvider.scalar()).initialize(1);
        assertThatThrownBy(() -> ParameterFiles.requireStateless(bn, "out/ensemble")).isInstanceOf(SaepException.class)
                .hasMessageContaining("out/ensemble: member").hasMessageContaining("cannot store yet");
        // Positive control: the paper's members keep no state and are stored as before.
        Network dnn = new Network(Architecture.DenseStack.dnn(Shape.vector(5), 1, 4, 3), KernelsProvider.scalar()).initialize(1);
        assertThat(dnn.state()).isEmpty();
        ParameterFiles.requireStateless(dnn, "out/ensemble");
    }
}
