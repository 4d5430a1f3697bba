package org.saepj.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CoreRoundTripTest {
    @Test
    void measuresAFiniteRoundTripWhereThereAreTwoProcessors() throws InterruptedException {
        double nanos = CoreRoundTrip.nanos();
        if (Runtime.getRuntime().availableProcessors() < 2) {
            assertThat(nanos).isNaN();
        } else {
            // A cache line's trip there and back: tens to hundreds of nanoseconds; a loaded machine that time-slices
            // the
            // two threads makes it milliseconds, but never zero or more than a round's limit of 50 ms.
            assertThat(nanos).isGreaterThan(1).isLessThan(50_000_000);
        }
    }

    @Test
    void leavesNoThreadBehind() throws InterruptedException {
        CoreRoundTrip.nanos();
        Thread.sleep(10);
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.getName().equals("core-round-trip") && t.isAlive());
    }
}
