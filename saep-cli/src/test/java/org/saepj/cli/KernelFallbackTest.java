package org.saepj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Without jdk.incubator.vector the engine falls back to the scalar kernels by itself, and says so. */
class KernelFallbackTest {
    static String version(List<String> jvmArgs) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), SaepCommand.class.getName(), "--version"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    /**
     * @return standard error of a tiny search in a child JVM started with these options, after checking it succeeded
     */
    static String searchErr(List<String> jvmArgs, Path dir) throws Exception {
        org.saepj.testing.TestFiles.fashionMnistFixture(dir.resolve("data").resolve("fashion-mnist"));
        List<String> cmd = new java.util.ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                SaepCommand.class.getName(),
                "search",
                "--data",
                "fashion-mnist",
                "--data-dir",
                dir.resolve("data").toString(),
                "--model", // the paper's dnn: this test is not about the default space
                "dnn",
                "--iterations",
                "1",
                "--steps",
                "60", // enough that the budget warning stays quiet: only the module's warning is tested here
                "--quiet",
                "--out",
                dir.resolve("out-" + jvmArgs.size()).toString()));
        Process p = new ProcessBuilder(cmd)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(err).isZero();
        return err;
    }

    @Test
    void aSearchWithoutTheModuleWarnsOnceAtItsStartUnlessScalarWasAskedFor(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        String err = searchErr(List.of(), dir);
        assertThat(err.lines().toList())
                .containsExactly("warning: the Vector API module (jdk.incubator.vector) is not in this"
                        + " JVM: training uses the scalar kernels, several times slower; start java with --add-modules"
                        + " jdk.incubator.vector (the ./saep launcher does)");
        assertThat(searchErr(List.of("-Dsaep.kernels=scalar"), dir)).doesNotContain("warning");
    }

    @Test
    void scalarWithoutTheModuleVectorWithIt() throws Exception {
        assertThat(version(List.of())).contains("engine scalar").contains("--add-modules jdk.incubator.vector");
        assertThat(version(List.of("--add-modules", "jdk.incubator.vector"))).containsPattern("engine vector-\\d+");
    }
}
