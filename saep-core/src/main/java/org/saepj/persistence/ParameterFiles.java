package org.saepj.persistence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.saepj.SaepException;
import org.saepj.data.Fingerprint;
import org.saepj.data.io.InputFiles;
import org.saepj.engine.ParameterCodec;

/** Reads a member's parameter file for use, as saved ensembles and checkpoints both do: verified before it is trusted. */
final class ParameterFiles {
    private ParameterFiles() {
    }

    /**
     * Refuses to store a member whose layers keep state beside their parameters (batch normalization's running
     * statistics): the parameter files hold parameters only, and a member reloaded without its state would
     * predict differently without a word.
     *
     * @param network the member's network
     * @param what where it was to be stored, for the message
     */
    static void requireStateless(org.saepj.engine.Network network, String what) {
        if (network.state().length > 0) {
            throw new SaepException(what + ": member " + network.architecture() + " keeps " + network.state().length
                    + " values of layer state (running statistics) that this version cannot store yet");
        }
    }

    /**
     * @param params the parameter file
     * @param sha256 the checksum recorded for it, or null where the format recorded none (checkpoints of format 1)
     * @param count the number of parameters the member's architecture needs
     * @param member the member's id, for messages
     * @param namedBy the file that names it ("" or " named by …"), for messages
     * @return the parameters: the file present, a regular file, matching its checksum, every value finite
     */
    static float[] read(Path params, String sha256, int count, int member, String namedBy) {
        if (!Files.exists(params)) {
            throw new SaepException(params + ": missing parameter file of member " + member + namedBy);
        }
        byte[] bytes = InputFiles.readAll(params, "parameters of member " + member);
        if (sha256 != null && !sha256.equals(Fingerprint.sha256Hex(bytes))) {
            throw new SaepException(params + ": checksum mismatch" + namedBy + ": the file is corrupt or was changed");
        }
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            return ParameterCodec.readFinite(in, count, params.toString());
        } catch (IOException e) {
            throw new SaepException(params + ": cannot read: " + e.getMessage(), e);
        }
    }
}
