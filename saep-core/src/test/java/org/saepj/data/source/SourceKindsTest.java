package org.saepj.data.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.saepj.UnknownNameException;
import org.saepj.data.io.CsvReader;

/** The registry of source kinds: the built-in ids in order, lookups, and the one-line error of an unknown kind. */
class SourceKindsTest {
    @Test
    void listsTheBuiltInKindsInTheirRegisteredOrder() {
        assertThat(SourceKinds.ids()).containsExactly("idx", "cifar10", "csv", "images");
        assertThat(SourceKinds.forms()).containsExactly("idx:DIR", "cifar10:DIR_OR_TARGZ", "csv:FILE", "images:DIR");
        assertThat(SourceKinds.all())
                .allSatisfy(k -> assertThat(k.help()).isNotBlank().doesNotContain("\n"));
    }

    @Test
    void locatesAKindByItsPrefixOnly() {
        assertThat(SourceKinds.locate("csv:/tmp/a:b.csv")).hasValueSatisfying(l -> {
            assertThat(l.kind().id()).isEqualTo("csv");
            assertThat(l.location()).isEqualTo("/tmp/a:b.csv");
        });
        assertThat(SourceKinds.locate("cifar10")).isEmpty();
        assertThat(SourceKinds.locate("parquet:x")).isEmpty();
        assertThat(SourceKinds.locate(":x")).isEmpty();
    }

    @Test
    void anUnknownKindIsOneLineListingTheKnownOnesWithASuggestion() {
        assertThatThrownBy(() -> SourceKinds.require("cvs", "iris.csv"))
                .isInstanceOf(UnknownNameException.class)
                .hasMessage("data source kind 'cvs' unknown: expected idx:, cifar10:, csv: or images:"
                        + " (did you mean csv:iris.csv?)");
        assertThatThrownBy(() -> SourceKinds.require("parquet", "x"))
                .hasMessage("data source kind 'parquet' unknown: expected idx:, cifar10:, csv: or images:");
        DataSources sources = new DataSources(DatasetLocator.standard(null), CsvReader.Options.defaults());
        assertThatThrownBy(() -> sources.load("idz:" + Path.of("d")))
                .isInstanceOf(UnknownNameException.class)
                .hasMessage("data source kind 'idz' unknown: expected idx:, cifar10:, csv: or images: (did you"
                        + " mean idx:d?)");
    }

    @Test
    void guessesTheKindOfALocationWrittenWithoutOne() {
        assertThat(SourceKinds.likely("data/", true, false)).containsExactly("idx", "cifar10", "images");
        assertThat(SourceKinds.likely("cifar-10-binary.tar.gz", false, false)).containsExactly("cifar10");
        assertThat(SourceKinds.likely("hdfs://n/train.csv", false, true))
                .containsExactly("csv", "idx", "cifar10", "images");
        assertThat(SourceKinds.or(java.util.List.of("a", "b", "c"))).isEqualTo("a, b or c");
    }
}
