package org.saepj.data.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.data.SourceData;
import org.saepj.data.io.CsvReader;

/**
 * The pinned checksums of the published Fashion-MNIST files are right, and a verified download gives the same
 * fingerprint as Debian's copies. Debian re-wrote each gzip header (no file name, another time stamp); putting
 * the published header back reproduces the published bytes (shared/reference/datasets.md), which a local
 * server then serves to {@code saep datasets fetch}. Runs where the Debian package is installed (.ci/run
 * installs it).
 */
class PinnedChecksumsTest {
    @TempDir
    Path store;

    static byte[] publishedBytes(Path debianGz, String name, int mtime) throws IOException {
        byte[] d = Files.readAllBytes(debianGz);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(d, 0, 3);
        out.write(0x08); // FLG.FNAME
        out.write(ByteBuffer.allocate(4)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt(mtime)
                .array());
        out.write(d, 8, 2); // XFL, OS
        out.write(name.getBytes(StandardCharsets.ISO_8859_1));
        out.write(0);
        out.write(d, 10, d.length - 10);
        return out.toByteArray();
    }

    @Test
    void fetchingThePublishedFilesVerifiesAndMatchesDebiansFingerprint() throws IOException {
        Path debian = DatasetLocator.DEBIAN_ROOT.resolve("fashion-mnist");
        Assumptions.assumeTrue(
                Files.isRegularFile(debian.resolve("train-images-idx3-ubyte.gz")),
                "the Debian package dataset-fashion-mnist is not installed");
        Map<String, byte[]> files = new HashMap<>();
        for (RemoteFile f : KnownDataset.FASHION_MNIST.files()) {
            String stem = f.name().replace(".gz", "");
            int mtime = stem.startsWith("train") ? 0x59A7E9DE : 0x59A7E9F3;
            files.put(f.name(), publishedBytes(debian.resolve(f.name()), stem, mtime));
        }
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            byte[] body = files.get(ex.getRequestURI().getPath().substring(1));
            if (body == null) {
                ex.sendResponseHeaders(404, -1);
                ex.close();
                return;
            }
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            Path dir = new DatasetFetcher(
                            "http://127.0.0.1:" + server.getAddress().getPort())
                    .fetch(KnownDataset.FASHION_MNIST, store, DownloadListener.NONE);
            SourceData fetched = new DataSources(new DatasetLocator(List.of(store)), CsvReader.Options.defaults())
                    .load("fashion-mnist");
            SourceData local = new DataSources(
                            new DatasetLocator(List.of(DatasetLocator.DEBIAN_ROOT)), CsvReader.Options.defaults())
                    .load("fashion-mnist");
            assertThat(dir).isEqualTo(store.resolve("fashion-mnist"));
            assertThat(fetched.verified()).isTrue();
            assertThat(fetched.sha256()).isEqualTo(local.sha256());
            assertThat(fetched.train().size()).isEqualTo(60000);
        } finally {
            server.stop(0);
        }
    }
}
