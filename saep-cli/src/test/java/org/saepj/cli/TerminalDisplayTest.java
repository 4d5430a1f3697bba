package org.saepj.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.testing.TestFiles;

/**
 * The live display in a real pseudo-terminal: the CLI runs in its own JVM under util-linux {@code script}, which
 * gives it a pty of the width asked, and the bytes it wrote are replayed through a small terminal model (carriage
 * return, erase to end of line, newline) to get what a person would see in the scrollback.
 */
class TerminalDisplayTest {
    private static final String ERASE = "\r\u001b[K";

    @TempDir
    static Path root;

    static String dataDir;

    @BeforeAll
    static void fixture() {
        assumeTrue(
                Files.isExecutable(Path.of("/usr/bin/script")), "util-linux script gives the test a pseudo-terminal");
        TestFiles.fashionMnistFixture(root.resolve("data").resolve("fashion-mnist"));
        dataDir = root.resolve("data").toString();
    }

    /** @return everything the command wrote to the terminal, raw */
    static String inTerminal(int columns, String... args) throws Exception {
        List<String> java = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules",
                "jdk.incubator.vector",
                "-cp",
                System.getProperty("java.class.path"),
                SaepCommand.class.getName()));
        java.addAll(List.of(args));
        String command = "stty cols " + columns + " rows 40; exec "
                + java.stream().map(TerminalDisplayTest::quote).collect(Collectors.joining(" "));
        Process p = new ProcessBuilder("/usr/bin/script", "-q", "-e", "-c", command, "/dev/null")
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectErrorStream(true)
                .start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(text).isZero();
        return text;
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** @return the lines left on the screen and in the scrollback after replaying {@code raw} */
    static List<String> screen(String raw) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int col = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (raw.startsWith("\u001b[K", i)) {
                line.setLength(col);
                i += 2;
            } else if (c == '\r') {
                col = 0;
            } else if (c == '\n') {
                lines.add(line.toString());
                line.setLength(0);
                col = 0;
            } else {
                if (col < line.length()) {
                    line.setCharAt(col, c);
                } else {
                    line.append(c);
                }
                col++;
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** @return every status the display painted (what follows an erase, up to the next erase or newline) */
    static List<String> paints(String raw) {
        List<String> paints = new ArrayList<>();
        for (String part : raw.split(Pattern.quote(ERASE), -1)) {
            String painted = part.split("\r?\n", 2)[0];
            if (!painted.isEmpty() && !part.contains("\n")) {
                paints.add(painted);
            }
        }
        return paints;
    }

    @Test
    void aSearchMovesWithTheTrainingAndLeavesOneLinePerIteration() throws Exception {
        Path out = root.resolve("search");
        String raw = inTerminal(
                160,
                "search",
                "--data",
                "fashion-mnist",
                "--data-dir",
                dataDir,
                "--method",
                "pie",
                "--model", // the paper's two candidates an iteration, which the bar counts
                "dnn",
                "--iterations",
                "4",
                "--steps",
                "8000",
                "--out",
                out.toString());
        List<String> paints = paints(raw);
        assertThat(paints)
                .as("a status line is drawn in the terminal")
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s.length()).as(s).isLessThan(160));
        Pattern percent =
                Pattern.compile("^iteration (\\d) \\[[=> ]{20}\\] +(\\d+)% (\\d+)/(\\d+) steps of (\\d) candidates");
        List<Integer> moving = new ArrayList<>();
        for (String s : paints) {
            Matcher m = percent.matcher(s);
            if (m.find()) {
                assertThat(Integer.parseInt(m.group(4)))
                        .as("it counts the steps of both candidates from the start")
                        .isEqualTo(2 * 2000);
                assertThat(m.group(5)).isEqualTo("2");
                int pct = Integer.parseInt(m.group(2));
                if (pct > 0 && pct < 100) {
                    moving.add(pct);
                }
                assertThat(s).contains(" of 4 iterations done");
                if (Integer.parseInt(m.group(3)) > 0) {
                    assertThat(s)
                            .containsPattern(
                                    " · \\d+ steps/s · ETA \\d+:\\d\\d │ " + m.group(1) + " of 4 iterations done");
                }
            }
        }
        assertThat(moving)
                .as("the bar moves during an iteration, not only at its end: " + paints)
                .isNotEmpty();

        List<String> lines = screen(raw).stream()
                .filter(l -> !l.isBlank() && !l.contains("Using incubator modules"))
                .toList();
        assertThat(lines.get(0))
                .startsWith("searching fashion-mnist")
                .contains("4 iterations × 2000 steps per candidate");
        List<String> iterations =
                lines.stream().filter(l -> l.startsWith("iteration ")).toList();
        assertThat(iterations)
                .as("one finished line per iteration, numbered from 0 as in the files: " + lines)
                .hasSize(4);
        for (int t = 0; t < 4; t++) {
            assertThat(iterations.get(t))
                    .startsWith("iteration " + t + ": ")
                    .containsPattern("→ \\d members? (#\\d+ ?)+; test accuracy 0\\.\\d{4}");
        }
        assertThat(lines).as("no bar is left behind").noneMatch(l -> l.contains("[=") || l.contains("steps/s"));
        assertThat(lines.get(lines.size() - 3)).startsWith("test accuracy ");
        assertThat(lines.get(lines.size() - 2)).startsWith("final ensemble: #").contains("(weight ");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("results in " + out);
        String log = Files.readString(out.resolve("search.log"));
        for (String it : iterations) {
            assertThat(log).as("the log holds the lines the terminal showed").contains(it);
        }
    }

    @Test
    void aComparisonShowsTheRunInProgressAndTheGrid() throws Exception {
        Path out = root.resolve("compare");
        String raw = inTerminal(
                100,
                "compare",
                "--data",
                "fashion-mnist",
                "--data-dir",
                dataDir,
                "--methods",
                "adanet,pap",
                "--model", // the paper's dnn: the display is tested, not the default space's speed on images
                "dnn",
                "--seeds",
                "1",
                "--iterations",
                "2",
                "--steps",
                "6000",
                "--out",
                out.toString());
        List<String> paints = paints(raw);
        assertThat(paints)
                .as("narrower forms where the widest does not fit")
                .allSatisfy(s -> assertThat(s.length()).as(s).isLessThan(100))
                .anyMatch(s -> s.startsWith("[1/2] adanet-uniform-seed1 iteration ") && s.endsWith("│ grid 0/2 done"))
                .anyMatch(s ->
                        s.startsWith("[2/2] pap-uniform-seed1 iteration ") && s.contains("│ grid 1/2 done · ETA "));
        List<String> lines = screen(raw).stream().filter(l -> !l.isBlank()).toList();
        assertThat(lines)
                .filteredOn(l -> l.startsWith("["))
                .hasSize(2)
                .satisfiesExactly(
                        l -> assertThat(l).startsWith("[1/2] adanet").contains("test accuracy"),
                        l -> assertThat(l).startsWith("[2/2] pap").contains("test accuracy"));
        assertThat(lines).noneMatch(l -> l.contains("[=")).anyMatch(l -> l.startsWith("report: "));
    }
}
