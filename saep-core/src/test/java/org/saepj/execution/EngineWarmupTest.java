package org.saepj.execution;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.saepj.data.Shape;
import org.saepj.engine.Backends;
import org.saepj.search.SearchConfig;

class EngineWarmupTest {
    @Test
    void itTrainsUntilClosedThenStopsAtOnce() throws Exception {
        SearchConfig config = SearchConfig.builder()
                .dataset("fashion-mnist")
                .iterations(3)
                .totalSteps(300)
                .seed(1)
                .threads(2)
                .build();
        EngineWarmup warmup = EngineWarmup.start(config, new Shape(8, 8, 1), 10, Backends.best(), 10_000);
        Thread.sleep(300);
        boolean multiCore = Runtime.getRuntime().availableProcessors() > 1;
        assertThat(warmup.running())
                .as("started on a machine with more than one core")
                .isEqualTo(multiCore);
        long t0 = System.nanoTime();
        warmup.close();
        assertThat((System.nanoTime() - t0) / 1e9)
                .as("close waits at most a training step")
                .isLessThan(5);
        assertThat(warmup.running()).isFalse();
        assertThat(warmup.failure()).isNull();
    }

    @Test
    void itEndsByItselfAtItsDeadline() throws Exception {
        SearchConfig config = SearchConfig.builder()
                .dataset("fashion-mnist")
                .iterations(2)
                .totalSteps(100)
                .seed(1)
                .threads(2)
                .build();
        EngineWarmup warmup = EngineWarmup.start(config, new Shape(4, 4, 1), 3, Backends.best(), 200);
        Thread.sleep(3000);
        assertThat(warmup.running()).isFalse();
        assertThat(warmup.failure()).isNull();
        warmup.close();
    }
}
