package org.saepj.persistence;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The one JSON configuration of every file SAEP-J writes and reads back (manifests, checkpoints, run and
 * comparison settings, reports): indented output; unknown fields ignored, so a newer file's additions do not
 * break an older reader; and no silent coercion when reading — a fraction where a whole number belongs
 * ({@code "formatVersion": 1.5}) or a null where a whole number belongs is an error, not 1 or 0. The stored
 * forms of shared records and of numbers that do not exist (written null, read back as NaN) are
 * {@link StoredForms}'.
 */
public final class JsonFormat {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .registerModule(StoredForms.module());

    private JsonFormat() {}

    /**
     * Writes a record as this format's JSON, atomically.
     *
     * @param file where
     * @param record the record
     * @param what what the file is, for the error message ("the report")
     * @throws org.saepj.SaepException naming the file when it cannot be written
     */
    public static void write(java.nio.file.Path file, Object record, String what) {
        byte[] bytes;
        try {
            bytes = MAPPER.writeValueAsBytes(record);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new org.saepj.FileException(file + ": cannot write " + what + ": " + e.getOriginalMessage(), e);
        }
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /**
     * @return the shared mapper; configured once here and never changed afterwards, so it is safe to share
     *     between threads
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
