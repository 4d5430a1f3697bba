package org.saepj.cli.output;

import java.nio.file.Files;
import java.nio.file.Path;
import org.saepj.cli.UsageError;

/** A single output file a command writes from a saved ensemble: checked before any work, never the ensemble's own. */
public final class OutputFile {
    private OutputFile() {
    }

    /**
     * Refuses, before any work, to write over a file unasked or into the saved ensemble it reads.
     *
     * @param out the {@code --out} file
     * @param model the {@code --model} directory
     * @param overwrite whether {@code --overwrite} was given
     * @param what what the file holds ("predictions"), for messages
     * @param example a file name to suggest ("predictions.csv")
     */
    public static void check(Path out, Path model, boolean overwrite, String what, String example) {
        Path target = out.toAbsolutePath().normalize();
        if (target.startsWith(model.toAbsolutePath().normalize())) {
            throw new UsageError("--out " + out + " is inside the --model directory: " + what + " must not go into the saved ensemble");
        }
        if (Files.isDirectory(out)) {
            throw new UsageError("--out " + out + " is a directory: expected a file name such as " + example);
        }
        if (Files.exists(out) && !overwrite) {
            throw new UsageError("--out " + out + " exists: choose another file or pass --overwrite");
        }
    }
}
