package org.saepj.data.source.kind;

import java.nio.file.Path;
import java.util.Optional;
import org.saepj.data.SourceData;
import org.saepj.data.io.Cifar10Reader;
import org.saepj.data.io.ImageRows;
import org.saepj.data.source.ReadSettings;
import org.saepj.data.source.ScoringInput;
import org.saepj.data.source.ScoringRequest;
import org.saepj.data.source.SourceKind;

/**
 * {@code cifar10:DIR_OR_TARGZ}: the CIFAR-10 binary version, as its directory of {@code .bin} batches or as the
 * official {@code cifar-10-binary.tar.gz}; for {@code predict} also {@code cifar10:BATCH.bin}, one batch file whose
 * records carry their labels.
 */
public final class Cifar10Kind implements SourceKind {
    /** The ending of the official archive, which holds a whole dataset rather than one batch. */
    private static final String ARCHIVE = ".tar.gz";

    @Override
    public String id() {
        return "cifar10";
    }

    @Override
    public String location() {
        return "DIR_OR_TARGZ";
    }

    @Override
    public String help() {
        return "CIFAR-10's binary version: its directory of .bin batches or cifar-10-binary.tar.gz; for predict also"
                + " one batch file";
    }

    @Override
    public SourceData read(Path path, ReadSettings settings) {
        return Cifar10Reader.read(path);
    }

    @Override
    public boolean mayRead(String location, boolean directory) {
        return directory || location.endsWith(ARCHIVE);
    }

    @Override
    public Optional<ScoringInput> scoringFile(Path path, ScoringRequest request) {
        return ImageRows.isSingleFile(path)
                ? Optional.of(new ScoringInput.Images(ImageRows.cifarBatch(path)))
                : Optional.empty();
    }
}
