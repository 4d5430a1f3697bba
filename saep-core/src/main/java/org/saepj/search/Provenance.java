package org.saepj.search;

/**
 * Where a result came from: enough to reproduce it. Stored in this one form in report.json, the manifest and
 * comparison.json; the data's fingerprint and the configuration are stored beside it.
 *
 * @param version the SAEP-J version
 * @param gitCommit the commit it was built from
 * @param java the Java runtime
 * @param engine the numeric kernels used
 * @param executor how candidates were trained
 * @param threads training threads (null where a file before format 3 did not record them)
 * @param startedAt when the run began (ISO-8601, UTC)
 */
public record Provenance(
        String version,
        String gitCommit,
        String java,
        String engine,
        String executor,
        Integer threads,
        String startedAt) {}
