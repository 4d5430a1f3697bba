package org.saepj.data.source.kind;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.saepj.data.SourceData;
import org.saepj.data.io.IdxDatasetReader;
import org.saepj.data.io.ImageRows;
import org.saepj.data.source.ReadSettings;
import org.saepj.data.source.ScoringInput;
import org.saepj.data.source.ScoringRequest;
import org.saepj.data.source.SourceKind;

/**
 * {@code idx:DIR}: a directory of the four IDX files of MNIST's layout (train and test images and labels, gzipped or
 * not, with an optional {@code classes.txt}); for {@code predict} also {@code idx:IMAGES_FILE}, one IDX images file
 * with its labels beside it ({@code --labels-file}) or none.
 */
public final class IdxKind implements SourceKind {
    @Override
    public String id() {
        return "idx";
    }

    @Override
    public String location() {
        return "DIR";
    }

    @Override
    public String help() {
        return "a directory of MNIST-layout IDX files (train/test images and labels, optional classes.txt); for predict"
                + " also one IDX images file (--labels-file its labels)";
    }

    @Override
    public SourceData read(Path path, ReadSettings settings) {
        String name = path.getFileName() == null ? id() : path.getFileName().toString();
        return IdxDatasetReader.read(name, path, null, Map.of(), settings.cache());
    }

    @Override
    public boolean mayRead(String location, boolean directory) {
        return directory;
    }

    @Override
    public Optional<ScoringInput> scoringFile(Path path, ScoringRequest request) {
        if (!ImageRows.isSingleFile(path)) {
            return Optional.empty();
        }
        return Optional.of(new ScoringInput.Images(ImageRows.idx(path, request.labelsFile())));
    }
}
