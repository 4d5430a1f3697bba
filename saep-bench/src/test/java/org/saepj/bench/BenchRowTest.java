package org.saepj.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchRowTest {
    private static final BenchRow ROW = new BenchRow(
            "mlp-784-512-10",
            2,
            new Spread(90_000, 100_000, 120_000),
            new Spread(40_000, 50_000, 60_000),
            160.0,
            200.0,
            new SettleRule.Outcome(42, true));

    @Test
    void lineKeepsTheEarlierFieldsFirstThenAddsTheSpreadsAndWarmUp() {
        assertThat(ROW.line())
                .isEqualTo("BENCH mlp-784-512-10 threads=2 ours=100000 djl=50000 ratio=2.00 gflops=160.0 peak=80%"
                        + " ours_spread=90000..120000 djl_spread=40000..60000 ratio_spread=1.50..3.00 djl_warmup=42");
    }

    @Test
    void anUnsettledWarmUpIsMarked() {
        BenchRow capped = new BenchRow(
                "dnn", 1, new Spread(1, 1, 1), new Spread(1, 1, 1), 1, 1, new SettleRule.Outcome(400, false));
        assertThat(capped.line()).endsWith(" djl_warmup=400(cap)");
    }

    @Test
    void csvLineHasOneValuePerHeaderColumn() {
        String[] header = BenchRow.CSV_HEADER.split(",");
        String[] values = ROW.csv().split(",");
        assertThat(values).hasSameSizeAs(header);
        assertThat(values)
                .containsExactly(
                        "mlp-784-512-10",
                        "2",
                        "100000",
                        "90000",
                        "120000",
                        "50000",
                        "40000",
                        "60000",
                        "2.0000",
                        "1.5000",
                        "3.0000",
                        "160.00",
                        "80.0",
                        "42",
                        "true");
    }
}
