package org.saepj.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.SaepException;

/** Sources on a Hadoop file system: copied here once while unchanged, again when changed; clear errors otherwise. */
class HadoopFilesTest {
    @TempDir
    Path root;

    private HadoopFiles files() {
        return new HadoopFiles(
                Map.of(BucketFileSystem.SETTING, BucketFileSystem.class.getName()), root.resolve("cache"));
    }

    private static URI bucket(Path p) {
        return URI.create("bucket://" + p.toAbsolutePath());
    }

    @Test
    void aDirectoryIsCopiedOnceWhileUnchangedAndAgainWhenAFileChanges() throws Exception {
        Path dir = Files.createDirectories(root.resolve("remote/fashion"));
        Files.writeString(dir.resolve("a.txt"), "one");
        Files.writeString(Files.createDirectories(dir.resolve("sub")).resolve("b.txt"), "two");

        Path copy = files().fetch(bucket(dir));
        assertThat(copy.getFileName().toString()).isEqualTo("fashion");
        assertThat(Files.readString(copy.resolve("a.txt"))).isEqualTo("one");
        assertThat(Files.readString(copy.resolve("sub/b.txt"))).isEqualTo("two");
        assertThat(copy.startsWith(dir)).isFalse();
        Files.writeString(copy.resolve("seen"), "");
        assertThat(files().fetch(bucket(dir))).as("unchanged: the same copy").isEqualTo(copy);

        Files.writeString(dir.resolve("sub/b.txt"), "three");
        Files.setLastModifiedTime(
                dir.resolve("sub/b.txt"),
                FileTime.fromMillis(
                        Files.getLastModifiedTime(dir.resolve("a.txt")).toMillis() + 5000));
        Path again = files().fetch(bucket(dir));
        assertThat(again).isNotEqualTo(copy);
        assertThat(Files.readString(again.resolve("sub/b.txt"))).isEqualTo("three");
        try (var entries = Files.list(root.resolve("cache"))) {
            assertThat(entries.map(p -> p.getFileName().toString()))
                    .as("no half-written copy left")
                    .noneMatch(n -> n.contains(".part"));
        }
    }

    @Test
    void aFileKeepsItsName() throws Exception {
        Path csv = Files.writeString(root.resolve("train.csv"), "a,b\n1,x\n");
        Path copy = files().fetch(bucket(csv));
        assertThat(copy.getFileName().toString()).isEqualTo("train.csv");
        assertThat(Files.readString(copy)).isEqualTo("a,b\n1,x\n");
    }

    /**
     * HTTP gives no modification time, so a change could not be seen: each load fetches afresh, into a temporary copy.
     */
    @Test
    void aFileWithoutModificationTimeIsFetchedEachTimeAndNotCached() throws Exception {
        java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/train.csv", exchange -> {
            byte[] body =
                    ("a,b\n" + requests.incrementAndGet() + ",x\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/train.csv");
            Path first = files().fetch(uri);
            Path second = files().fetch(uri);
            assertThat(Files.readString(first)).isEqualTo("a,b\n1,x\n");
            assertThat(Files.readString(second)).as("fetched again").isEqualTo("a,b\n2,x\n");
            assertThat(first.getFileName().toString()).isEqualTo("train.csv");
            assertThat(first.startsWith(root.resolve("cache")))
                    .as("a temporary copy, not a cache entry")
                    .isFalse();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aMissingFileIsOneLineNamingTheUri() {
        URI missing = bucket(root.resolve("nope.csv"));
        assertThatThrownBy(() -> files().fetch(missing))
                .isInstanceOf(SaepException.class)
                .hasMessage(missing + ": no such file or directory");
    }

    @Test
    void aSchemeWithoutFileSystemSaysWhatToAdd() {
        assertThatThrownBy(() -> files().fetch(URI.create("s3a://bucket/train.csv")))
                .isInstanceOf(SaepException.class)
                .hasMessageStartingWith("s3a://bucket/train.csv: no Hadoop file system serves s3a:")
                .hasMessageContaining("hadoop-aws");
    }
}
