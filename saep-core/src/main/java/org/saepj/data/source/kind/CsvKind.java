package org.saepj.data.source.kind;

import java.nio.file.Path;
import java.util.Optional;
import org.saepj.data.SourceData;
import org.saepj.data.io.CsvReader;
import org.saepj.data.io.FeatureTable;
import org.saepj.data.source.ReadSettings;
import org.saepj.data.source.ScoringInput;
import org.saepj.data.source.ScoringRequest;
import org.saepj.data.source.SourceKind;

/**
 * {@code csv:FILE}: one CSV file of feature columns (numbers, booleans, categories, gaps) and a label column
 * ({@code --label-column}, {@code --header});
 * {@code predict} scores every row of it, labelled or not, unless a partition is asked for.
 */
public final class CsvKind implements SourceKind {
    /** A compressed archive is not a table, whatever it holds. */
    private static final String ARCHIVE = ".tar.gz";

    @Override
    public String id() {
        return "csv";
    }

    @Override
    public String location() {
        return "FILE";
    }

    @Override
    public String help() {
        return "a CSV file of feature columns (numbers, text, gaps) and a label column (--label-column, --header)";
    }

    @Override
    public SourceData read(Path path, ReadSettings settings) {
        return CsvReader.read(path, settings.csv());
    }

    @Override
    public boolean mayRead(String location, boolean directory) {
        return !directory && !location.endsWith(ARCHIVE);
    }

    @Override
    public Optional<ScoringInput> scoringFile(Path path, ScoringRequest request) {
        if (request.partitionGiven()) {
            return Optional.empty();
        }
        CsvReader.Options csv = request.csv();
        FeatureTable.Request wanted = new FeatureTable.Request(
                request.featureNames(),
                request.features(),
                csv.header(),
                csv.labelColumn(),
                request.idColumn(),
                csv.schema(),
                csv.table());
        return Optional.of(new ScoringInput.Table(FeatureTable.read(path, wanted)));
    }

    @Override
    public String labelAdvice() {
        return "name the label column with --label-column (default: the last column)";
    }
}
