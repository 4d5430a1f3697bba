package org.saepj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.testing.TestFiles;

/**
 * {@code --backend}: the engine's names train as before (and are recorded, and may be given again with
 * {@code --resume}), and any other name — pytorch too, since
 * the CLI's tests run without the saep-torch module — is one line, before anything is written.
 */
class BackendOptionTest {
    @TempDir
    Path root;

    @Test
    void anUnknownBackendIsOneLineAndWritesNothing() {
        TestFiles.fashionMnistFixture(root.resolve("data").resolve("fashion-mnist"));
        String data = root.resolve("data").toString();
        for (String command : new String[] {"search", "compare"}) {
            Path out = root.resolve(command);
            CliRun r = CliRun.of(
                    command,
                    "--data",
                    "fashion-mnist",
                    "--data-dir",
                    data,
                    "--backend",
                    "pytorch",
                    "--out",
                    out.toString());

            assertThat(r.exitCode()).as(command).isEqualTo(2);
            assertThat(r.err())
                    .as(command)
                    .isEqualTo("error: --backend: unknown backend 'pytorch'; known here: vector, scalar (pytorch needs"
                            + " the saep-torch module: ./saep adds it)\n");
            assertThat(out).as(command).doesNotExist();
        }
    }

    @Test
    void theScalarEngineByNameTrainsAndIsRecorded() throws Exception {
        TestFiles.fashionMnistFixture(root.resolve("data").resolve("fashion-mnist"));
        Path out = root.resolve("scalar");
        CliRun r = CliRun.of(
                "search",
                "--data",
                "fashion-mnist",
                "--data-dir",
                root.resolve("data").toString(),
                "--backend",
                "scalar",
                "--model", // the paper's dnn: the backend is under test, not the default residual CNN
                "dnn",
                "--iterations",
                "1",
                "--steps",
                "50",
                "--quiet",
                "--out",
                out.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(java.nio.file.Files.readString(out.resolve("report.json"))).contains("\"scalar\"");
        // where a run computes may be given again beside --resume, as --spark may
        CliRun resumed = CliRun.of("search", "--resume", out.toString(), "--backend", "scalar");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("already complete");
    }
}
