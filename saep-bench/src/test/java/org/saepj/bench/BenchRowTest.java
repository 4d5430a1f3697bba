package org.saepj.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchRowTest {
    private static final BenchRow ROW = new BenchRow(
            "mlp-784-512-10",
            2,
            new Spread(90_000, 100_000, 120_000),
            new Spread(40_000, 50_000, 60_000),
            new Spread(1.8, 2.0, 2.1),
            160.0,
            200.0,
            new SettleRule.Outcome(42, true),
            new SettleRule.Outcome(150, true),
            5,
            3.4,
            "steady",
            71.4,
            0,
            Double.NaN,
            new Spread(1.85, 1.93, 2.01));

    @Test
    void lineKeepsTheEarlierFieldsFirstThenAddsTheSpreadsAndWarmUp() {
        assertThat(ROW.line())
                .startsWith("BENCH mlp-784-512-10 threads=2 ours=100000 djl=50000 ratio=2.00 gflops=160.0 peak=80%"
                        + " ours_spread=90000..120000 djl_spread=40000..60000 ratio_spread=1.80..2.10 djl_warmup=42");
    }

    @Test
    void lineEndsWithThePairsThePageFaultsTheModeAndOurWarmUp() {
        assertThat(ROW.line())
                .endsWith(" djl_warmup=42 pairs=5 djl_faults=3/step mode=steady ours_warmup=150 c2c=71ns"
                        + " scaling=1.93(1.85..2.01)");
        assertThat(withWarmUpAndFaults(new SettleRule.Outcome(20, true), 0).line())
                .endsWith(" ours_warmup=2000(cap) c2c=n/a");
    }

    @Test
    void anUnsettledWarmUpIsMarked() {
        BenchRow capped = withWarmUpAndFaults(new SettleRule.Outcome(400, false), 0);
        assertThat(capped.line()).contains(" djl_warmup=400(cap) ");
    }

    @Test
    void faultsAboveTheChurnBoundAreMarkedAndUnknownOnesSaidSo() {
        assertThat(withWarmUpAndFaults(new SettleRule.Outcome(20, true), 3000).line())
                .contains(" djl_faults=3000/step(churn) ");
        assertThat(withWarmUpAndFaults(new SettleRule.Outcome(20, true), Double.NaN)
                        .line())
                .contains(" djl_faults=n/a ");
    }

    @Test
    void ofTakesTheRatioFromThePairsNotFromTheMedians() {
        Pairs pairs = new Pairs();
        pairs.add(100, 50); // 2
        pairs.add(80, 20); // 4 (both sides slow in this pair)
        pairs.add(110, 44); // 2.5
        BenchRow row = BenchRow.of(
                "dnn", 1, pairs, 1, 1, new SettleRule.Outcome(20, true), new SettleRule.Outcome(50, true), 1);
        assertThat(row.ratio()).isEqualTo(new Spread(2, 2.5, 4));
        assertThat(row.ours()).isEqualTo(new Spread(80, 100, 110));
        assertThat(row.pairs()).isEqualTo(3);
        assertThat(row.mode()).isEqualTo("two-level:djl"); // 20 against 44: 2.2 apart
    }

    @Test
    void pairsAtAFartherPlacementAreCountedApartNotMixedIn() {
        Pairs pairs = new Pairs();
        pairs.add(100_000, 50_000, 70); // near: PyTorch's two threads help
        pairs.add(98_000, 30_000, 340); // far: they do not
        pairs.add(102_000, 51_000, 72);
        pairs.add(99_000, 31_000, 350);
        pairs.add(101_000, 50_500, 75);
        BenchRow row = BenchRow.of(
                "mlp", 2, pairs, 2e6, 400, new SettleRule.Outcome(20, true), new SettleRule.Outcome(50, true), 1);
        assertThat(row.djl()).isEqualTo(new Spread(50_000, 50_500, 51_000));
        assertThat(row.ratio().median()).isEqualTo(2.0);
        assertThat(row.pairs()).isEqualTo(3);
        assertThat(row.gflops()).isEqualTo(101_000 * 2e6 / 1e9);
        assertThat(row.mode()).isEqualTo("steady");
        assertThat(row.line()).endsWith(" c2c=72ns c2c_left=2@345ns");
        assertThat(row.csv()).endsWith(",72.0,2,345.0,,,");
    }

    @Test
    void ourScalingComesFromThePairsOneThreadFiguresMeasuredBeside() {
        Pairs pairs = new Pairs();
        pairs.add(50_000, 95_000, 45_000, 100); // 1.90
        pairs.add(40_000, 80_000, 40_000, 105); // 2.00: the host slower for this pair, both counts alike
        pairs.add(50_000, 92_500, 46_000, 102); // 1.85
        BenchRow row = BenchRow.of(
                "mlp", 2, pairs, 2e6, 400, new SettleRule.Outcome(20, true), new SettleRule.Outcome(50, true), 1);
        assertThat(row.scaling()).isEqualTo(new Spread(1.85, 1.90, 2.00));
        assertThat(row.line()).endsWith(" scaling=1.90(1.85..2.00)");
        assertThat(row.csv()).endsWith(",1.9000,1.8500,2.0000");
    }

    @Test
    void aRowOfOneThreadKeepsEveryPairWhereverTheCoresWere() {
        Pairs pairs = new Pairs();
        pairs.add(50_000, 30_000, 70);
        pairs.add(50_000, 31_000, 340);
        BenchRow row = BenchRow.of(
                "mlp", 1, pairs, 2e6, 200, new SettleRule.Outcome(20, true), new SettleRule.Outcome(50, true), 1);
        assertThat(row.pairs()).isEqualTo(2);
        assertThat(row.line()).endsWith(" c2c=205ns");
    }

    @Test
    void csvLineHasOneValuePerHeaderColumn() {
        String[] header = BenchRow.CSV_HEADER.split(",");
        String[] values = ROW.csv().split(",", -1);
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
                        "1.8000",
                        "2.1000",
                        "160.00",
                        "80.0",
                        "42",
                        "true",
                        "5",
                        "3.4",
                        "steady",
                        "150",
                        "true",
                        "71.4",
                        "0",
                        "",
                        "1.9300",
                        "1.8500",
                        "2.0100");
    }

    @Test
    void csvKeepsTheEarlierColumnsFirst() {
        assertThat(BenchRow.CSV_HEADER)
                .startsWith("network,threads,ours,ours_min,ours_max,djl,djl_min,djl_max,ratio,ratio_min,"
                        + "ratio_max,gflops,peak_percent,djl_warmup_steps,djl_settled,");
    }

    private static BenchRow withWarmUpAndFaults(SettleRule.Outcome warmUp, double faults) {
        Spread one = new Spread(1, 1, 1);
        return new BenchRow(
                "dnn",
                1,
                one,
                one,
                one,
                1,
                1,
                warmUp,
                new SettleRule.Outcome(2000, false),
                3,
                faults,
                "steady",
                Double.NaN,
                0,
                Double.NaN,
                null);
    }
}
