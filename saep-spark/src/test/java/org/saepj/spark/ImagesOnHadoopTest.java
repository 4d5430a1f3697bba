package org.saepj.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.SaepException;
import org.saepj.data.SourceData;
import org.saepj.data.image.ImageOptions;
import org.saepj.data.image.ImageSize;
import org.saepj.data.io.CsvReader;
import org.saepj.data.source.DataSources;
import org.saepj.data.source.DatasetLocator;
import org.saepj.data.source.ReadSettings;
import org.saepj.data.source.SourceRecipe;
import org.saepj.testing.TestImages;

/**
 * An {@code images:} folder on a Hadoop file system: the class folders are copied here whole and read as the local
 * folder is (the same fingerprint), and an executor's {@link SourceRecipe} carries {@code --image-size}.
 */
class ImagesOnHadoopTest {
    @TempDir
    Path root;

    @Test
    void aRemoteImageFolderIsTheLocalOneAndExecutorsResizeItAlike() throws Exception {
        Path dir = root.resolve("remote").resolve("shapes");
        for (int i = 0; i < 3; i++) {
            TestImages.write(dir.resolve("round").resolve(i + ".png"), TestImages.grey(6 + i, 6, 30 * i), "png");
            TestImages.write(dir.resolve("square").resolve(i + ".gif"), TestImages.colour(5, 4 + i, 0x406080), "gif");
        }
        HadoopFiles remote = new HadoopFiles(
                Map.of(BucketFileSystem.SETTING, BucketFileSystem.class.getName()), root.resolve("cache"));
        ImageOptions size = new ImageOptions(Optional.of(new ImageSize(4, 4)), Optional.empty(), line -> {});
        ReadSettings settings = new ReadSettings(CsvReader.Options.defaults(), Optional.empty(), size);
        String uri = "images:bucket://" + dir.toAbsolutePath();
        SourceData far = new DataSources(DatasetLocator.standard(null), settings, remote).load(uri);
        SourceData near = new DataSources(
                        DatasetLocator.standard(null), settings, org.saepj.data.source.RemoteFiles.none())
                .load("images:" + dir);
        assertThat(far.source()).isEqualTo(uri);
        assertThat(far.sha256()).isEqualTo(near.sha256());
        assertThat(far.train().features()).isEqualTo(near.train().features());
        assertThat(far.train().shape().toString()).isEqualTo("4×4×3");

        SourceRecipe recipe = overTheWire(new SourceRecipe(
                null, CsvReader.Options.defaults(), Optional.of(new ImageSize(4, 4)), far.sha256(), null, remote));
        assertThat(recipe.load(uri).sha256()).isEqualTo(far.sha256());
        SourceRecipe withoutSize =
                overTheWire(new SourceRecipe(null, CsvReader.Options.defaults(), far.sha256(), null, remote));
        assertThatThrownBy(() -> withoutSize.load(uri))
                .isInstanceOf(SaepException.class)
                .hasMessageContaining("give --image-size HxW");
    }

    private static SourceRecipe overTheWire(SourceRecipe recipe) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(recipe);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (SourceRecipe) in.readObject();
        }
    }
}
