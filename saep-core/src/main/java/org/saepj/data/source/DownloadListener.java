package org.saepj.data.source;

/** Hears how a download proceeds, so the command line can draw a progress bar. */
public interface DownloadListener {
    /** A listener that ignores everything. */
    DownloadListener NONE = new DownloadListener() {};

    /**
     * A file's transfer begins.
     *
     * @param file the file name
     * @param url where it comes from
     * @param expectedBytes the expected size, or -1 when unknown
     */
    default void started(String file, String url, long expectedBytes) {}

    /**
     * More bytes arrived.
     *
     * @param file the file name
     * @param bytesSoFar the bytes received so far
     */
    default void progress(String file, long bytesSoFar) {}

    /**
     * A file arrived and its checksum matched.
     *
     * @param file the file name
     */
    default void verified(String file) {}

    /**
     * A URL failed; the next one will be tried if any.
     *
     * @param file the file name
     * @param url the failed URL
     * @param reason why it failed
     */
    default void failed(String file, String url, String reason) {}
}
