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
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), SaepCommand.class.getName(), "--version"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void scalarWithoutTheModuleVectorWithIt() throws Exception {
        assertThat(version(List.of())).contains("engine scalar").contains("--add-modules jdk.incubator.vector");
        assertThat(version(List.of("--add-modules", "jdk.incubator.vector"))).containsPattern("engine vector-\\d+");
    }
}
