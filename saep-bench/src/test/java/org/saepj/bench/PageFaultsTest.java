package org.saepj.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PageFaultsTest {
    @Test
    void readsTheTenthFieldCountingFromTheCommandsLastParenthesis() {
        String stat = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 645858 0 12 0 800 400 0 0 20 0 31 0";
        assertThat(PageFaults.parseMinor(stat)).isEqualTo(645_858);
    }

    @Test
    void aLineWithoutTheFieldGivesUnknown() {
        assertThat(PageFaults.parseMinor("4242 java S 1")).isEqualTo(-1);
        assertThat(PageFaults.parseMinor("4242 (java) S 1 2")).isEqualTo(-1);
        assertThat(PageFaults.parseMinor("4242 (java) S 1 4242 4242 0 -1 4194560 lots 0"))
                .isEqualTo(-1);
    }

    @Test
    void thisProcessHasFaultedOnLinux() {
        long faults = PageFaults.minor();
        if (System.getProperty("os.name").startsWith("Linux")) {
            assertThat(faults).isPositive();
        } else {
            assertThat(faults).isEqualTo(-1);
        }
    }
}
