package org.saepj.data.source;

import java.util.List;

/**
 * One file of a known dataset as published: where to get it and how to check it.
 *
 * @param name the file name
 * @param urls the canonical URLs, tried in order
 * @param bytes the published size in bytes
 * @param sha256 the pinned SHA-256 of the file exactly as downloaded
 */
public record RemoteFile(String name, List<String> urls, long bytes, String sha256) {}
