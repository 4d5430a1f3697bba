package org.saepj.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StrictNumbersTest {
    @Test
    void plainDecimalAndScientificNotationAreNumbers() {
        String[] numbers = {
            "0",
            "-0",
            "+1",
            "007",
            "12",
            "-0.5",
            "1.25",
            ".5",
            "-.5",
            "5.",
            "1e3",
            "1E3",
            "1e+3",
            "1e-3",
            "-2.5E-04",
            ".5e1",
            "5.e1",
            "3e38",
            "3.4028235E38",
            "-3.4028235E38",
            "1e-50",
            "123456789012345678901234567890"
        };
        for (String s : numbers) {
            assertThat(StrictNumbers.isNumber(s)).as(s).isTrue();
            assertThat(StrictNumbers.toFloat(s)).as(s).isEqualTo(Float.parseFloat(s));
        }
        assertThat(StrictNumbers.toFloat("1e-50"))
                .as("rounded to zero like any rounding")
                .isZero();
    }

    @Test
    void javasOtherSyntaxIsNotANumber() {
        String[] notNumbers = {
            "",
            " ",
            "+",
            "-",
            ".",
            "+.",
            "e3",
            ".e3",
            "1e",
            "1e+",
            "1e3.5",
            "1..2",
            "1.2.3",
            "--1",
            "+-1",
            "2f",
            "2F",
            "1.5d",
            "1.5D",
            "0x1p3",
            "0X10",
            "0x1.8p1",
            "NaN",
            "-NaN",
            "Infinity",
            "-Infinity",
            "+Infinity",
            "Inf",
            "+Inf",
            "inf",
            "1_000",
            "1,5",
            " 1",
            "1 ",
            "\t1",
            "1\n",
            "١",
            "１",
            "1e٣",
            "0b1",
            "1L",
            "∞"
        };
        for (String s : notNumbers) {
            assertThat(StrictNumbers.isNumber(s)).as("'%s'", s).isFalse();
            assertThatThrownBy(() -> StrictNumbers.toFloat(s))
                    .as("'%s'", s)
                    .isInstanceOf(NumberFormatException.class)
                    .hasMessage("is not a number (expected a decimal number such as 12, -0.5 or 1e-3)");
        }
    }

    @Test
    void valuesBeyondTheLargestFloatAreRefusedNotInfinite() {
        for (String s : new String[] {"3e39", "-3e39", "3.5e38", "1e99999999999", "1" + "0".repeat(39)}) {
            assertThat(StrictNumbers.isNumber(s)).as(s).isTrue();
            assertThatThrownBy(() -> StrictNumbers.toFloat(s))
                    .as(s)
                    .isInstanceOf(NumberFormatException.class)
                    .hasMessage("is outside the range of a float (at most ±3.4028235E38)");
        }
        // Just below the midpoint to the next power of two still rounds to the largest float.
        assertThat(StrictNumbers.toFloat("3.40282356e38")).isEqualTo(Float.MAX_VALUE);
    }
}
