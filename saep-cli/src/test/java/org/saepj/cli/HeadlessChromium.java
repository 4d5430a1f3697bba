package org.saepj.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** Renders pages with Debian's Chromium, headless, with the flags that keep it off the network. */
final class HeadlessChromium {
    static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final List<String> FLAGS = List.of(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-quic",
            "--virtual-time-budget=10000");

    private HeadlessChromium() {}

    static void assumePresent() {
        Assumptions.assumeTrue(Files.isExecutable(BINARY), "Chromium is not installed (.ci/run installs it)");
    }

    /** @return the page's count of images that failed to decode, as its own script recorded it */
    static int brokenImages(Path page) throws IOException, InterruptedException {
        String dom = run(page, "--dump-dom");
        Matcher m = Pattern.compile("data-broken-images=\"(\\w+)\"").matcher(dom);
        if (!m.find()) {
            throw new AssertionError(
                    "no body attribute in the rendered page: " + dom.substring(0, Math.min(300, dom.length())));
        }
        if (!m.group(1).matches("\\d+")) {
            throw new AssertionError("the page's load handler did not run: data-broken-images=" + m.group(1));
        }
        return Integer.parseInt(m.group(1));
    }

    static void screenshot(Path page, Path png) throws IOException, InterruptedException {
        run(page, "--screenshot=" + png.toAbsolutePath(), "--window-size=1280,2400");
    }

    private static String run(Path page, String... extra) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("chromium-profile");
        try {
            return render(profile, page, extra);
        } finally {
            deleteTree(profile); // about 2 MB a run: every rendering left one in the temporary folder
        }
    }

    private static String render(Path profile, Path page, String... extra) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(BINARY.toString()));
        cmd.addAll(FLAGS);
        cmd.add("--user-data-dir=" + profile);
        cmd.addAll(List.of(extra));
        cmd.add(page.toAbsolutePath().toUri().toString());
        Process p = new ProcessBuilder(cmd)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("Chromium did not finish rendering " + page);
        }
        return out;
    }

    /** Deletes the folder and everything under it, deepest first (links are deleted, not followed). */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
