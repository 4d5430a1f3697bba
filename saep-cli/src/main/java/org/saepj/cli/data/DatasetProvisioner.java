package org.saepj.cli.data;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.saepj.FileException;
import org.saepj.data.source.DatasetFetcher;
import org.saepj.data.source.DatasetLocator;
import org.saepj.data.source.KnownDataset;

/**
 * Makes sure a known dataset is present before the demo uses it: a local copy if there is one; else, on
 * Debian/Ubuntu when allowed (root, or sudo without a password), the Debian package; else a verified
 * download into {@code ~/.saep/datasets}. It says what it does.
 */
public final class DatasetProvisioner {
    private final DatasetLocator locator;
    private final PrintWriter out;
    private final boolean terminal;
    private final String mirror;

    public DatasetProvisioner(DatasetLocator locator, PrintWriter out, boolean terminal, String mirror) {
        this.locator = locator;
        this.out = out;
        this.terminal = terminal;
        this.mirror = mirror;
    }

    /**
     * @param dataset the dataset needed
     * @return where it is now
     */
    public Path ensure(KnownDataset dataset) {
        Optional<Path> found = locator.locate(dataset);
        if (found.isPresent()) {
            return found.get();
        }
        if (dataset.debianPackage().isPresent()
                && mirror == null
                && installWithApt(dataset.debianPackage().get())) {
            found = locator.locate(dataset);
            if (found.isPresent()) {
                return found.get();
            }
        }
        out.println(dataset.id() + " not found locally: downloading it into " + DatasetLocator.userStore());
        new DatasetFetcher(mirror).fetch(dataset, DatasetLocator.userStore(), new DownloadProgress(out, terminal));
        return locator.locate(dataset)
                .orElseThrow(() ->
                        new FileException(dataset.id() + " was downloaded but is not found in " + locator.roots()));
    }

    private boolean installWithApt(String pkg) {
        if (!Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
            return false;
        }
        List<String> prefix = new ArrayList<>();
        if (!isRoot()) {
            if (!run(List.of("sudo", "-n", "true"), false)) {
                return false;
            }
            prefix.add("sudo");
            prefix.add("-n");
        }
        out.println("installing the Debian package " + pkg + " (apt-get install " + pkg + ") ...");
        List<String> install = new ArrayList<>(prefix);
        install.addAll(List.of("env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-qq", pkg));
        if (run(install, true)) {
            return true;
        }
        out.println("  apt-get install failed; refreshing the package lists and trying again ...");
        List<String> update = new ArrayList<>(prefix);
        update.addAll(List.of("apt-get", "update", "-qq"));
        if (run(update, true) && run(install, true)) {
            return true;
        }
        out.println("  the package could not be installed; falling back to a download");
        return false;
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Runs a command, keeping its output quiet; on failure its last line is shown. */
    private boolean run(List<String> command, boolean reportFailure) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            boolean ok = p.waitFor(15, TimeUnit.MINUTES) && p.exitValue() == 0;
            if (!ok && reportFailure) {
                List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
                out.println("  " + String.join(" ", command) + " failed"
                        + (lines.isEmpty() ? "" : ": " + lines.get(lines.size() - 1)));
            }
            return ok;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
