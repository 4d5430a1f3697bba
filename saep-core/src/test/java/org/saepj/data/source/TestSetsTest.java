package org.saepj.data.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.SaepException;
import org.saepj.data.Dataset;
import org.saepj.data.SourceData;
import org.saepj.data.io.CsvReader;
import org.saepj.testing.TestFiles;

/** Issue 26, defect 10: a separate test file's columns were matched to the training file's by position. */
class TestSetsTest {
    @TempDir
    Path dir;

    String csv(String name, String text) {
        return "csv:" + TestFiles.write(dir.resolve(name), text.getBytes(StandardCharsets.UTF_8));
    }

    SourceData attach(String train, String test) {
        DataSources sources = new DataSources(new DatasetLocator(List.of()), CsvReader.Options.defaults());
        return TestSets.attach(sources, train, test);
    }

    @Test
    void testColumnsAreMatchedByNameAndLabelsByValue() {
        String train = csv("train.csv", "a,b,c,label\n1,2,3,0\n4,5,6,1\n7,8,9,1\n");
        Dataset same = attach(train, csv("same.csv", "a,b,c,label\n10,20,30,1\n40,50,60,0\n"))
                .test()
                .orElseThrow();
        String labelsRespelt = csv("reordered.csv", "c,a,b,label\n30,10,20,1.0\n60,40,50,0\n");
        Dataset reordered = attach(train, labelsRespelt).test().orElseThrow();
        assertThat(same.features()).containsExactly(10, 20, 30, 40, 50, 60);
        assertThat(reordered.features()).isEqualTo(same.features());
        assertThat(reordered.labels()).isEqualTo(same.labels()).containsExactly(1, 0);
        Dataset headerless = attach(train, csv("headerless.csv", "10,20,30,1\n40,50,60,0\n"))
                .test()
                .orElseThrow();
        assertThat(headerless.features()).as("without names, by position").isEqualTo(same.features());
    }

    @Test
    void differentColumnsAreRefusedByName() {
        String train = csv("train.csv", "a,b,c,label\n1,2,3,0\n4,5,6,1\n7,8,9,1\n");
        String renamed = csv("renamed.csv", "a,B,c,label\n10,20,30,1\n40,50,60,0\n");
        assertThatThrownBy(() -> attach(train, renamed))
                .isInstanceOf(SaepException.class)
                .hasMessage(renamed + ": its feature columns do not match the training data's; missing: b; not features"
                        + " of the training data: B (name the label with --label-column, leave others out with"
                        + " --ignore-columns)");
        String extra = csv("extra.csv", "a,b,c,d,label\n10,20,30,0,1\n40,50,60,0,0\n");
        assertThatThrownBy(() -> attach(train, extra))
                .hasMessageEndingWith("not features of the training data: d (name the label with --label-column,"
                        + " leave others out with --ignore-columns)");
        String fewer = csv("fewer.csv", "a,c,label\n10,30,1\n40,60,0\n");
        assertThatThrownBy(() -> attach(train, fewer))
                .hasMessage(fewer + ": its feature columns do not match the training data's; missing: b");
    }
}
