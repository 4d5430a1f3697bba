package org.saepj.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.saepj.FileException;

/** Checkpoints written in the background arrive in order, all of them by the close, and a failed write is reported. */
class BackgroundCheckpointsTest {
    private static SearchState state(int next) {
        return new SearchState(next, next, List.of(), new double[0], List.of(), 0, 0, 0, 0, "now", null, null);
    }

    @Test
    void everyCheckpointIsWrittenInOrderByTheClose() {
        List<Integer> written = Collections.synchronizedList(new ArrayList<>());
        try (BackgroundCheckpoints b = new BackgroundCheckpoints(s -> {
            sleep(5);
            written.add(s.nextIteration());
        })) {
            for (int t = 1; t <= 5; t++) {
                b.save(state(t));
            }
        }
        assertThat(written).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void aFailedWriteIsReportedWithItsOwnErrorAtTheNextHandOverOrTheClose() {
        BackgroundCheckpoints b = new BackgroundCheckpoints(s -> {
            throw new FileException("checkpoint/state.json: cannot write: disk full");
        });
        b.save(state(1));
        assertThatThrownBy(() -> b.save(state(2)))
                .isInstanceOf(FileException.class)
                .hasMessage("checkpoint/state.json: cannot write: disk full");
        b.close(); // the failed search hands nothing more over: nothing is left to report
        BackgroundCheckpoints last = new BackgroundCheckpoints(s -> {
            throw new FileException("checkpoint/state.json: cannot write: disk full");
        });
        last.save(state(1));
        assertThatThrownBy(last::close).hasMessage("checkpoint/state.json: cannot write: disk full");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
