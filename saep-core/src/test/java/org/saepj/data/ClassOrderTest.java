package org.saepj.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassOrderTest {
    @Test
    void aNumberIsNamedByItsValueInOneSpelling() {
        String[][] cases = {
            {"1", "1"},
            {"1.0", "1"},
            {"01", "1"},
            {"+1", "1"},
            {"1e0", "1"},
            {"10E-1", "1"},
            {"-0", "0"},
            {"0.000", "0"},
            {".50", "0.5"},
            {"-2.50e1", "-25"},
            {"1e3", "1000"},
            {"1e21", "1000000000000000000000"},
            {"1e22", "1E+22"},
            {"1e-21", "0.000000000000000000001"},
            {"1e-22", "1E-22"},
            {"cat", "cat"},
            {"1.0.0", "1.0.0"},
            {"NaN", "NaN"},
            {"0x10", "0x10"},
            {" 1", " 1"},
            {"1e2147483648", "1e2147483648"}
        };
        for (String[] c : cases) {
            assertThat(ClassOrder.name(c[0])).as(c[0]).isEqualTo(c[1]);
            assertThat(ClassOrder.name(c[1])).as("a name names itself: " + c[1]).isEqualTo(c[1]);
        }
    }

    @Test
    void numbersComeFirstByValueThenText() {
        assertThat(ClassOrder.of(List.of("10", "9", "1.0", "1", "01", "-3", "b", "a", "0.5")))
                .containsExactly("-3", "0.5", "1", "9", "10", "a", "b");
        assertThat(ClassOrder.of(List.of("setosa", "virginica", "setosa"))).containsExactly("setosa", "virginica");
    }

    @Test
    void aLabelFindsItsClassInAnySpelling() {
        List<String> stored = List.of("-1", "+1", "cat"); // names an older version kept as written
        assertThat(ClassOrder.indexOf(stored, "1.0")).isEqualTo(1);
        assertThat(ClassOrder.indexOf(stored, "-1e0")).isZero();
        assertThat(ClassOrder.indexOf(stored, "cat")).isEqualTo(2);
        assertThat(ClassOrder.indexOf(stored, "Cat")).isEqualTo(-1);
        assertThat(ClassOrder.indexOf(stored, "2")).isEqualTo(-1);
    }
}
