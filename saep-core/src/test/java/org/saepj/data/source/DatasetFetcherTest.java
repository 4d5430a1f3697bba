package org.saepj.data.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.SaepException;
import org.saepj.data.Fingerprint;

/** Downloads against a local HTTP server on 127.0.0.1: success, checksum mismatch, interrupted transfer. */
class DatasetFetcherTest {
    private static final byte[] GOOD = "hello dataset".getBytes();
    private static final byte[] OTHER = "second file".getBytes();

    @TempDir
    Path store;

    private HttpServer server;
    private String base;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/good", ex -> {
            ex.sendResponseHeaders(200, GOOD.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(GOOD);
            }
        });
        server.createContext("/other", ex -> {
            ex.sendResponseHeaders(200, OTHER.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(OTHER);
            }
        });
        server.createContext("/cut", ex -> {
            // Promise 1000 bytes, send 10, then drop the connection.
            ex.sendResponseHeaders(200, 1000);
            OutputStream out = ex.getResponseBody();
            out.write(new byte[10]);
            out.flush();
            ex.getHttpContext().getServer();
            ex.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private RemoteFile file(String name, String path, byte[] content) {
        return new RemoteFile(name, List.of(base + path), content.length, Fingerprint.sha256Hex(content));
    }

    @Test
    void verifiedFilesAreMovedIntoPlace() throws IOException {
        Path dir = new DatasetFetcher(null)
                .fetch(
                        "toy",
                        List.of(file("a.bin", "/good", GOOD), file("b.bin", "/other", OTHER)),
                        store,
                        DownloadListener.NONE);
        assertThat(dir).isEqualTo(store.resolve("toy"));
        assertThat(Files.readAllBytes(dir.resolve("a.bin"))).isEqualTo(GOOD);
        assertThat(Files.readAllBytes(dir.resolve("b.bin"))).isEqualTo(OTHER);
        try (var s = Files.list(store)) {
            assertThat(s.toList()).containsExactly(dir);
        }
    }

    @Test
    void checksumMismatchLeavesNothingBehind() throws IOException {
        RemoteFile lying = new RemoteFile("b.bin", List.of(base + "/other"), OTHER.length, Fingerprint.sha256Hex(GOOD));
        assertThatThrownBy(() -> new DatasetFetcher(null)
                        .fetch("toy", List.of(file("a.bin", "/good", GOOD), lying), store, DownloadListener.NONE))
                .isInstanceOf(SaepException.class)
                .hasMessageContaining("b.bin")
                .hasMessageContaining("expected " + Fingerprint.sha256Hex(GOOD));
        try (var s = Files.list(store)) {
            assertThat(s.toList()).isEmpty();
        }
    }

    @Test
    void interruptedTransferLeavesNothingBehind() throws IOException {
        RemoteFile cut = new RemoteFile("c.bin", List.of(base + "/cut"), 1000, Fingerprint.sha256Hex(new byte[1000]));
        assertThatThrownBy(() -> new DatasetFetcher(null).fetch("toy", List.of(cut), store, DownloadListener.NONE))
                .isInstanceOf(SaepException.class)
                .hasMessageContaining("could not download c.bin");
        try (var s = Files.list(store)) {
            assertThat(s.toList()).isEmpty();
        }
    }

    @Test
    void mirrorReplacesTheCanonicalLocation() throws IOException {
        RemoteFile canonical = new RemoteFile(
                "good", List.of("http://127.0.0.1:1/unreachable"), GOOD.length, Fingerprint.sha256Hex(GOOD));
        Path dir = new DatasetFetcher(base + "/").fetch("toy", List.of(canonical), store, DownloadListener.NONE);
        assertThat(Files.readAllBytes(dir.resolve("good"))).isEqualTo(GOOD);
    }
}
