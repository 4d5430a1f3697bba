package org.saepj.data.source.kind;

import java.nio.file.Path;
import java.util.Optional;
import org.saepj.DataException;
import org.saepj.data.SourceData;
import org.saepj.data.image.FlatImageFolder;
import org.saepj.data.image.ImageFolder;
import org.saepj.data.source.ReadSettings;
import org.saepj.data.source.ScoringInput;
import org.saepj.data.source.ScoringRequest;
import org.saepj.data.source.SourceKind;

/**
 * {@code images:DIR}: a folder with one sub-folder of image files per class (PNG, JPEG, BMP, GIF), the class names the
 * folders' names ({@link ImageFolder}); for {@code predict} also a flat folder of new images of any size or colour
 * mode, each converted to the model's input and named by its file ({@link FlatImageFolder}).
 */
public final class ImagesKind implements SourceKind {
    @Override
    public String id() {
        return "images";
    }

    @Override
    public String location() {
        return "DIR";
    }

    @Override
    public String help() {
        return "a folder with one sub-folder of PNG/JPEG/BMP/GIF images per class (--image-size HxW resizes); for"
                + " predict also a flat folder of images";
    }

    @Override
    public SourceData read(Path path, ReadSettings settings) {
        return ImageFolder.read(path, settings.images());
    }

    @Override
    public boolean mayRead(String location, boolean directory) {
        return directory;
    }

    @Override
    public Optional<ScoringInput> scoringFile(Path path, ScoringRequest request) {
        if (!FlatImageFolder.isFlat(path)) {
            return Optional.empty();
        }
        if (request.images().isEmpty()) {
            throw new DataException(path + ": a folder of images, but the ensemble takes " + request.features()
                    + " feature values per sample, not images");
        }
        return Optional.of(new ScoringInput.Images(
                FlatImageFolder.read(path, request.images().get())));
    }

    @Override
    public String labelAdvice() {
        return "give one sub-folder of images per class";
    }
}
