package org.saepj.data.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.DataException;
import org.saepj.data.SourceData;
import org.saepj.task.RealValues;
import org.saepj.task.RegressionTask;

/** A CSV's label column read as real values, the targets of a regression search. */
class CsvValuesTest {
    @TempDir
    Path dir;

    @Test
    void theLabelColumnIsReadAsValuesInDoublePrecision() throws Exception {
        Path f = Files.writeString(
                dir.resolve("prices.csv"), "area,price,rooms\n50,123456.789,2\n70,2e5,3\n35,-0.5,1\n");
        SourceData s = CsvReader.readValues(f, new CsvReader.Options(Optional.empty(), Optional.of("price")));
        RealValues y = (RealValues) s.train().targets();
        assertThat(y.task()).isEqualTo(RegressionTask.INSTANCE);
        assertThat(y.values()).containsExactly(123456.789, 2e5, -0.5);
        assertThat(s.train().features()).containsExactly(50, 2, 70, 3, 35, 1);
        assertThat(s.featureNames()).containsExactly("area", "rooms");
    }

    @Test
    void aTargetOfTextIsOneLineNamingTheCell() throws Exception {
        Path f = Files.writeString(dir.resolve("bad.csv"), "a,y\n1,2.5\n2,high\n");
        assertThatThrownBy(() -> CsvReader.readValues(f, CsvReader.Options.defaults()))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("line 3, column 2 ('y')")
                .hasMessageContaining("'high'")
                .hasMessageContaining("regression target")
                .hasMessageNotContaining("\n");
    }

    @Test
    void theSameFileReadForClassificationStillHasClasses() throws Exception {
        Path f = Files.writeString(dir.resolve("c.csv"), "a,y\n1,0\n2,1\n3,1\n");
        assertThat(CsvReader.read(f, CsvReader.Options.defaults()).train().classNames())
                .containsExactly("0", "1");
    }
}
