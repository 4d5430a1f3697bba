package org.saepj.data.source;

import java.io.Serializable;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import org.saepj.SaepException;
import org.saepj.UsageException;

/**
 * Brings data named by a URI of another file system ({@code
 * hdfs://…}, {@code s3a://…}, {@code gs://…}) to this machine,
 * for the readers, which take local paths: a source {@code
 * csv:hdfs://namenode/data/train.csv} or {@code idx:s3a://bucket/fashion}
 * is read from the local copy this returns. Java-serialisable, so a cluster's executors fetch with the same settings as
 * the driver ({@link SourceRecipe}). The core has no file system of its own for these: a module provides one
 * ({@link RemoteFileSystems}), and {@link #none()} refuses them in one line.
 */
public interface RemoteFiles extends Serializable {
    /**
     * A URI with a scheme of two or more letters and an authority
     * part: {@code hdfs://}, {@code s3a://}, {@code file:///}.
     */
    Pattern URI = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]+://.*");

    /**
     * @param uri what to bring here: a file or a directory
     * @return a local copy of it, with the URI's last name; unchanged while the remote file is
     * @throws SaepException when it is missing, cannot be read, or no file system serves its scheme
     */
    Path fetch(URI uri);

    /**
     * @param location the path part of a source string
     * @return the URI it names, when it is one of another file
     *     system than the local one ({@code file:} URIs are local paths)
     */
    static Optional<URI> remote(String location) {
        if (!URI.matcher(location).matches()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(location);
            return "file".equalsIgnoreCase(uri.getScheme()) ? Optional.empty() : Optional.of(uri);
        } catch (java.net.URISyntaxException e) {
            throw new UsageException("data source location '" + location + "' is not a valid URI: " + e.getReason());
        }
    }

    /** @return no remote file system: a URI source is refused, naming the option that reads it */
    static RemoteFiles none() {
        return new NoRemoteFiles();
    }

    /** Refuses every URI: without a module that reads them, only local paths are data. */
    final class NoRemoteFiles implements RemoteFiles {
        private static final long serialVersionUID = 1L;

        @Override
        public Path fetch(URI uri) {
            throw new UsageException(
                    uri + ": data on another file system (" + uri.getScheme() + ":) is read through Spark's Hadoop file"
                            + " systems: give --spark MASTER (docs/SPARK.md), or copy it to a local path");
        }
    }
}
