package org.saepj.persistence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.saepj.FileException;
import org.saepj.data.Fingerprint;
import org.saepj.data.io.InputFiles;
import org.saepj.engine.Network;
import org.saepj.engine.ParameterCodec;

/**
 * Writes and reads a member's parameter file (parameters, then any layer state); reads it for use, as saved ensembles
 * and checkpoints both do: verified before it is trusted.
 */
final class ParameterFiles {
    private ParameterFiles() {}

    /**
     * The bytes of a member's parameter file: its parameters and, when its layers keep any, their state.
     *
     * @param network the member's network
     * @return the file's content
     */
    static byte[] bytes(Network network) {
        return ParameterCodec.toBytes(network.parameters(), network.state());
    }

    /**
     * Reads a member's parameter file into its network: the parameters and the layer state.
     *
     * @param network the member's freshly built network
     * @param params the parameter file
     * @param sha256 the checksum recorded for it, or null where the format recorded none (checkpoints of format 1)
     * @param member the member's id, for messages
     * @param namedBy the file that names it ("" or " named by …"), for messages
     */
    static void restore(Network network, Path params, String sha256, int member, String namedBy) {
        ParameterCodec.Stored stored =
                read(params, sha256, network.parameterCount(), network.state().length, member, namedBy);
        network.setParameters(stored.parameters());
        network.setState(stored.state());
    }

    /**
     * @param params the parameter file
     * @param sha256 the checksum recorded for it, or null where the format recorded none (checkpoints of format 1)
     * @param count the number of parameters the member's architecture needs
     * @param member the member's id, for messages
     * @param namedBy the file that names it ("" or " named by …"), for messages
     * @return the parameters and state: the file present, a regular file, matching its checksum, every value finite
     */
    static ParameterCodec.Stored read(
            Path params, String sha256, int count, int stateCount, int member, String namedBy) {
        if (!Files.exists(params)) {
            throw new FileException(params + ": missing parameter file of member " + member + namedBy);
        }
        byte[] bytes = InputFiles.readAll(params, "parameters of member " + member);
        if (sha256 != null && !sha256.equals(Fingerprint.sha256Hex(bytes))) {
            throw new FileException(params + ": checksum mismatch" + namedBy + ": the file is corrupt or was changed");
        }
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            return ParameterCodec.readFinite(in, count, stateCount, params.toString());
        } catch (IOException e) {
            throw new FileException(params + ": cannot read: " + e.getMessage(), e);
        }
    }
}
