package org.saepj.data;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 helpers for provenance: every result records the fingerprint of the data it was computed on.
 */
public final class Fingerprint {
    private Fingerprint() {}

    /** @return a fresh SHA-256 digest */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must provide SHA-256", e);
        }
    }

    /**
     * @param bytes the content
     * @return the lower-case hex SHA-256 of the bytes
     */
    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    /**
     * Combines named part fingerprints into one, so that a dataset made of several files has one id.
     *
     * @param parts hex digests in a fixed order
     * @return the SHA-256 of the parts joined by newlines
     */
    public static String combine(String... parts) {
        return sha256Hex(String.join("\n", parts).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
