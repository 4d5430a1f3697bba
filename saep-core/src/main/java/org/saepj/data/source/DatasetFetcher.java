package org.saepj.data.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.saepj.FileException;
import org.saepj.data.Fingerprint;

/**
 * Downloads a known dataset from its canonical URLs and verifies every file against its pinned SHA-256.
 *
 * <p>Files are staged in a temporary directory beside the target and moved into place only when every file
 * of the dataset has arrived and matched, so a failed, interrupted or mismatching download leaves nothing
 * behind.
 */
public final class DatasetFetcher {
    private final HttpClient client;
    private final String mirror;

    /**
     * @param mirror a base URL that replaces each file's canonical location ({@code mirror + "/" + file}), or
     *     null to use the canonical URLs
     */
    public DatasetFetcher(String mirror) {
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(20))
                .build();
        this.mirror = mirror == null ? null : mirror.replaceAll("/+$", "");
    }

    /**
     * Downloads the dataset into {@code store/<id>/}.
     *
     * @param dataset the dataset
     * @param store the directory holding one directory per dataset (normally {@code ~/.saep/datasets})
     * @param listener progress events
     * @return the directory now holding the verified files
     */
    public Path fetch(KnownDataset dataset, Path store, DownloadListener listener) {
        return fetch(dataset.id(), dataset.files(), store, listener);
    }

    /**
     * Downloads a set of files into {@code store/<id>/}, all or nothing.
     *
     * @param id the directory name under the store
     * @param files the files with their URLs and pinned checksums
     * @param store the directory holding one directory per dataset
     * @param listener progress events
     * @return the directory now holding the verified files
     */
    public Path fetch(String id, List<RemoteFile> files, Path store, DownloadListener listener) {
        Path target = store.resolve(id);
        Path staging;
        try {
            Files.createDirectories(store);
            // createDirectory applies the umask (createTempDirectory would make it owner-only, and it becomes the
            // dataset's).
            staging = Files.createDirectory(store.resolve(
                    "." + id + ".fetch-" + Long.toHexString(new java.security.SecureRandom().nextLong())));
        } catch (IOException e) {
            throw new FileException(store + ": cannot create the dataset store: " + e.getMessage(), e);
        }
        try {
            for (RemoteFile file : files) {
                download(file, staging.resolve(file.name()), listener);
            }
            publish(staging, target);
            return target;
        } finally {
            deleteRecursively(staging);
        }
    }

    private void download(RemoteFile file, Path dest, DownloadListener listener) {
        List<String> urls = mirror != null ? List.of(mirror + "/" + file.name()) : file.urls();
        List<String> failures = new ArrayList<>();
        for (String url : urls) {
            try {
                listener.started(file.name(), url, file.bytes());
                String sha = transfer(url, dest, file, listener);
                if (!sha.equals(file.sha256())) {
                    Files.deleteIfExists(dest);
                    throw new ChecksumMismatch(
                            file.name() + " from " + url + " has SHA-256 " + sha + ", expected " + file.sha256());
                }
                listener.verified(file.name());
                return;
            } catch (ChecksumMismatch e) {
                failures.add(e.getMessage());
                listener.failed(file.name(), url, e.getMessage());
            } catch (IOException e) {
                String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                failures.add(url + ": " + reason);
                listener.failed(file.name(), url, reason);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FileException("download of " + file.name() + " interrupted", e);
            }
        }
        throw new FileException("could not download " + file.name() + ": " + String.join("; ", failures));
    }

    private String transfer(String url, Path dest, RemoteFile file, DownloadListener listener)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofMinutes(30))
                .GET()
                .build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode());
            }
            MessageDigest digest = Fingerprint.sha256();
            long total = 0;
            byte[] buffer = new byte[1 << 16];
            try (OutputStream out = Files.newOutputStream(dest)) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    out.write(buffer, 0, n);
                    digest.update(buffer, 0, n);
                    total += n;
                    listener.progress(file.name(), total);
                }
            }
            if (file.bytes() > 0 && total != file.bytes()) {
                throw new IOException("transfer ended after " + total + " of " + file.bytes() + " bytes");
            }
            return HexFormat.of().formatHex(digest.digest());
        }
    }

    private static void publish(Path staging, Path target) {
        try {
            if (!Files.exists(target)) {
                try {
                    Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                    return;
                } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                    // fall through: move file by file
                }
            }
            Files.createDirectories(target);
            try (Stream<Path> files = Files.list(staging)) {
                for (Path f : files.toList()) {
                    Files.move(
                            f,
                            target.resolve(f.getFileName()),
                            StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new FileException(target + ": cannot move the verified files into place: " + e.getMessage(), e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new FileException(dir + ": cannot remove the staging directory: " + e.getMessage(), e);
        }
    }

    /** A downloaded file whose checksum did not match. */
    private static final class ChecksumMismatch extends Exception {
        private static final long serialVersionUID = 1L;

        ChecksumMismatch(String message) {
            super(message);
        }
    }
}
