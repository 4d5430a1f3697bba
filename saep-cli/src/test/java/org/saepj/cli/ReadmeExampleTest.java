package org.saepj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.testing.TestFiles;

/**
 * The README's Java blocks, compiled as written (their imports on top, their statements in one main method) against
 * the library and run. Two things change so that it takes seconds: the data is the test fixture instead of the full
 * dataset, and the relative paths lie in a temporary directory.
 */
class ReadmeExampleTest {
    @TempDir
    Path dir;

    @Test
    void theReadmeJavaCompilesAndRuns() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        List<String> imports = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        int blocks = 0;
        for (int at = readme.indexOf("```java\n"); at >= 0; at = readme.indexOf("```java\n", at + 1)) {
            String block = readme.substring(at + 8, readme.indexOf("```", at + 8));
            blocks++;
            for (String line : block.lines().toList()) {
                if (line.startsWith("import ")) {
                    imports.add(line);
                } else {
                    body.append(line).append('\n');
                }
            }
        }
        assertThat(blocks).isEqualTo(4);
        Path fixture = TestFiles.fashionMnistFixture(dir.resolve("fixture"));
        String statements = body.toString()
                .replace(".load(\"fashion-mnist\")", ".load(\"idx:" + fixture + "\")")
                .replace("Path.of(\"", "Path.of(\"" + dir + "/");
        assertThat(statements)
                .contains("idx:" + fixture)
                .doesNotContain("Path.of(\"out")
                .doesNotContain("Path.of(\"cmp")
                .doesNotContain("Path.of(\"model");
        Path src = dir.resolve("src");
        Files.createDirectories(src);
        Path file = src.resolve("ReadmeExample.java");
        Files.writeString(
                file,
                String.join("\n", imports) + "\n\npublic class ReadmeExample {\n"
                        + "    public static void main(String[] args) throws Exception {\n" + statements
                        + "    }\n}\n");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter messages = new StringWriter();
        boolean compiled = javac.getTask(
                        messages,
                        null,
                        null,
                        List.of("-classpath", System.getProperty("java.class.path"), "-d", src.toString()),
                        null,
                        javac.getStandardFileManager(null, null, null).getJavaFileObjects(file))
                .call();
        assertThat(compiled).as(messages + "\n" + Files.readString(file)).isTrue();
        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {src.toUri().toURL()}, getClass().getClassLoader())) {
            Method main = loader.loadClass("ReadmeExample").getMethod("main", String[].class);
            main.invoke(null, (Object) new String[0]);
        }
        assertThat(dir.resolve("out").resolve("report.json")).exists();
        assertThat(dir.resolve("cmp").resolve("comparison.json")).exists();
        assertThat(dir.resolve("ensemble.onnx")).exists();
        assertThat(dir.resolve("model").resolve("manifest.json")).exists(); // the one-call API's block
        assertThat(dir.resolve("model.onnx")).exists();
    }
}
