package org.saepj.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TtaRowTest {
    private static final TimeToAccuracy.Settings SETTINGS =
            new TimeToAccuracy.Settings(0.92, 10_000, 200, 10_000, 0.05f, 64, 5e-4f);

    @Test
    void lineNamesTheRowTtaAndGivesPyTorchsTimeOverOurs() {
        TtaRow row = new TtaRow(
                "res-conv16-bn-2blocks-pool-10",
                1,
                SETTINGS,
                new TimeToAccuracy.Result(40.0, 4000, 0.9213, true),
                new TimeToAccuracy.Result(100.0, 3800, 0.9201, true));
        assertThat(row.line())
                .isEqualTo("BENCH tta-res-conv16-bn-2blocks-pool-10 threads=1 ours=40.0s djl=100.0s ratio=2.50"
                        + " target=0.920 test=10000 decay=5.0E-4 reached=both ours_steps=4000 djl_steps=3800"
                        + " ours_acc=0.9213 djl_acc=0.9201");
        assertThat(row.csv().split(",")).hasSize(TtaRow.CSV_HEADER.split(",").length);
    }

    @Test
    void saysWhichSideStoppedUnreached() {
        TimeToAccuracy.Result reached = new TimeToAccuracy.Result(1, 1, 0.95, true);
        TimeToAccuracy.Result capped = new TimeToAccuracy.Result(2, 9, 0.5, false);
        assertThat(new TtaRow("n", 1, SETTINGS, reached, capped).reached()).isEqualTo("ours");
        assertThat(new TtaRow("n", 1, SETTINGS, capped, reached).reached()).isEqualTo("djl");
        assertThat(new TtaRow("n", 1, SETTINGS, capped, capped).line()).contains(" reached=neither ");
    }
}
