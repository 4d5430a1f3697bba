package org.saepj.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.fs.UnsupportedFileSystemException;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;
import org.apache.spark.deploy.SparkHadoopUtil;
import org.saepj.FileException;
import org.saepj.SaepException;
import org.saepj.data.Fingerprint;
import org.saepj.data.io.DecodedCache;
import org.saepj.data.source.RemoteFiles;

/**
 * Data on HDFS, S3 ({@code s3a://}), GCS, Azure or any other Hadoop file system, read through Spark's Hadoop layer: the
 * configuration is Spark's ({@code spark.hadoop.*} settings, the cluster's {@code core-site.xml}, the AWS variables
 * Spark passes on), the file system whatever class the scheme is bound to there. The driver and every executor bring
 * the file or directory to a local copy, kept in the user's cache ({@code ~/.saep/cache/remote}, or
 * {@code $SAEP_CACHE}) under the URI with the length and modification time of each of its files, so a run reads it
 * once per machine while it is unchanged, and a changed one is fetched again. Without modification times (HTTP) or
 * with {@code SAEP_CACHE=off}, the copy is a temporary one, deleted when the JVM ends.
 */
final class HadoopFiles implements RemoteFiles {
    private static final long serialVersionUID = 1L;
    private final LinkedHashMap<String, String> settings;
    /** The directory of local copies, or null for each machine's own cache; a string, as paths do not serialise. */
    private final String cache;

    /**
     * @param settings the {@code --spark-conf} settings this JVM's
     *     context gets; the driver reads with them before it starts
     */
    HadoopFiles(Map<String, String> settings) {
        this(settings, null);
    }

    /**
     * @param settings Spark settings for the driver, before its context starts
     * @param cache where copies are kept, or null for each machine's user cache
     */
    HadoopFiles(Map<String, String> settings, Path cache) {
        this.settings = new LinkedHashMap<>(settings);
        this.cache = cache == null ? null : cache.toAbsolutePath().toString();
    }

    @Override
    public Path fetch(URI uri) {
        org.apache.hadoop.fs.Path remote = new org.apache.hadoop.fs.Path(uri);
        String name = remote.getName().isEmpty() ? "data" : remote.getName();
        try {
            Configuration conf = configuration();
            FileSystem fs = remote.getFileSystem(conf);
            Optional<String> version = version(fs, fs.getFileStatus(remote));
            Optional<Path> root = cache != null
                    ? Optional.of(Path.of(cache))
                    : DecodedCache.standard().map(c -> c.directory().resolve("remote"));
            if (version.isEmpty() || root.isEmpty()) {
                Path temporary = Files.createTempDirectory("saep-remote");
                FileSystem.getLocal(conf).deleteOnExit(new org.apache.hadoop.fs.Path(temporary.toUri()));
                return copy(fs, remote, temporary.resolve(name));
            }
            String key = Fingerprint.sha256Hex((uri + "\n" + version.get()).getBytes(StandardCharsets.UTF_8));
            Path entry = root.get().resolve(key);
            if (Files.exists(entry)) {
                return entry.resolve(name);
            }
            Files.createDirectories(root.get());
            Path part = Files.createTempDirectory(root.get(), key + ".part");
            copy(fs, remote, part.resolve(name));
            try {
                Files.move(part, entry, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                // another JVM on this machine staged the same version first: use its copy
                FileSystem.getLocal(conf).delete(new org.apache.hadoop.fs.Path(part.toUri()), true);
            }
            return entry.resolve(name);
        } catch (FileNotFoundException e) {
            throw new FileException(uri + ": no such file or directory");
        } catch (UnsupportedFileSystemException e) {
            throw noFileSystem(uri, e.getMessage());
        } catch (IOException e) {
            throw new FileException(uri + ": cannot be read: " + e.getMessage());
        } catch (RuntimeException e) {
            if (e.getCause() instanceof ClassNotFoundException missing) {
                // Hadoop's own defaults bind s3a: and others to classes of jars not on the class path
                throw noFileSystem(uri, missing.getMessage());
            }
            throw e;
        }
    }

    private static SaepException noFileSystem(URI uri, String why) {
        return new FileException(
                uri + ": no Hadoop file system serves " + uri.getScheme() + ": here (" + why + "): add its jars (for"
                        + " s3a: hadoop-aws and the AWS SDK bundle) to the class path or spark-submit's --jars"
                        + " (docs/SPARK.md)");
    }

    /**
     * Spark's Hadoop configuration: the running context's on an
     * executor or a started driver, else ours with the settings.
     */
    private Configuration configuration() {
        SparkEnv env = SparkEnv.get();
        if (env != null) {
            return SparkHadoopUtil.get().newConfiguration(env.conf());
        }
        SparkConf conf = new SparkConf();
        settings.forEach(conf::set);
        return SparkHadoopUtil.get().newConfiguration(conf);
    }

    /**
     * @return every file's path, length and modification time, in order; empty when the file system gives no times, so
     *     a change could not be seen
     */
    private static Optional<String> version(FileSystem fs, FileStatus status) throws IOException {
        List<FileStatus> files = new ArrayList<>();
        if (status.isFile()) {
            files.add(status);
        } else {
            RemoteIterator<LocatedFileStatus> all = fs.listFiles(status.getPath(), true);
            while (all.hasNext()) {
                files.add(all.next());
            }
        }
        List<String> lines = new ArrayList<>();
        for (FileStatus f : files) {
            if (f.getModificationTime() <= 0) {
                return Optional.empty();
            }
            lines.add(f.getPath().toUri().getPath() + " " + f.getLen() + " " + f.getModificationTime());
        }
        lines.sort(null);
        return Optional.of(String.join("\n", lines));
    }

    private static Path copy(FileSystem fs, org.apache.hadoop.fs.Path from, Path to) throws IOException {
        // the raw local file system: no .crc files beside the copy
        fs.copyToLocalFile(false, from, new org.apache.hadoop.fs.Path(to.toUri()), true);
        return to;
    }
}
