package org.saepj.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.List;
import org.junit.jupiter.api.Test;

class NearPlacementTest {
    /** Round trips read in turn, the last one repeated. */
    private static NearPlacement.Probe readings(Double... values) {
        ArrayDeque<Double> left = new ArrayDeque<>(List.of(values));
        return () -> left.size() > 1 ? left.poll() : left.peek();
    }

    /** Pairs whose round trips are those given. */
    private static Pairs pairsAt(double... roundTrips) {
        Pairs pairs = new Pairs();
        for (double r : roundTrips) {
            pairs.add(100, 50, r);
        }
        return pairs;
    }

    @Test
    void nearCoresAreNotWaitedForEvenWellAboveALuckyLeastOne() throws InterruptedException {
        NearPlacement placement = new NearPlacement(readings(110.0, 150.0));
        placement.observe(pairsAt(54, 120, 130, 140));
        assertThat(placement.usual()).isEqualTo(120);
        assertThat(placement.await()).isNull(); // 150 ns: under 1.8 × 120, though nearly three times 54
    }

    @Test
    void farCoresAreWaitedForUntilNearAgain() throws InterruptedException {
        NearPlacement placement = new NearPlacement(readings(110.0, 255.0, 350.0, 120.0));
        assertThat(placement.await())
                .startsWith("the cores' round trip 255 ns against the run's usual 110 ns; near again after")
                .endsWith("(120 ns)");
    }

    @Test
    void aRowWhosePairsRanFarIsSaidToHave() throws InterruptedException {
        NearPlacement placement = new NearPlacement(readings(100.0));
        placement.observe(pairsAt(105, 110, 120));
        assertThat(placement.far(pairsAt(260, 270))).isTrue();
        assertThat(placement.far(pairsAt(80, 85, 90, 270))).isFalse(); // its figures come from the near pairs
        assertThat(placement.far(pairsAt(80, 270, 280))).isTrue(); // one near pair is too few to stand for it
        assertThat(placement.far(new Pairs())).isFalse();
    }

    @Test
    void withoutRoundTripsNothingIsWaitedFor() throws InterruptedException {
        NearPlacement placement = new NearPlacement(readings(Double.NaN));
        assertThat(placement.await()).isNull();
        placement.observe(new Pairs());
        assertThat(placement.usual()).isNaN();
    }
}
