package org.saepj.spark;

import java.io.IOException;
import java.net.URI;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * A Hadoop file system of its own scheme, {@code bucket:///PATH},
 * over this machine's files: stands in for HDFS or S3 in
 * tests, bound the way a real one is ({@code spark.hadoop.fs.bucket.impl}), so a source on it reaches the readers only
 * through Hadoop's file system layer on the driver and on every executor.
 */
public final class BucketFileSystem extends RawLocalFileSystem {
    static final String SETTING = "spark.hadoop.fs.bucket.impl";
    private static final URI NAME = URI.create("bucket:///");

    @Override
    public URI getUri() {
        return NAME;
    }

    @Override
    public String getScheme() {
        return "bucket";
    }

    @Override
    public FileStatus getFileStatus(Path f) throws IOException {
        return plain(super.getFileStatus(f));
    }

    @Override
    public FileStatus[] listStatus(Path f) throws IOException {
        FileStatus[] all = super.listStatus(f);
        for (int i = 0; i < all.length; i++) {
            all[i] = plain(all[i]);
        }
        return all;
    }

    /** The local file system's statuses read their permissions through file: URIs; these have default ones. */
    private static FileStatus plain(FileStatus s) {
        return new FileStatus(s.getLen(), s.isDirectory(), 1, s.getBlockSize(), s.getModificationTime(), s.getPath());
    }
}
