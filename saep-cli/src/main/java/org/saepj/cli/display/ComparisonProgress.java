package org.saepj.cli.display;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.saepj.run.ComparisonListener;
import org.saepj.run.ComparisonRun;
import org.saepj.search.SearchConfig;

/** A comparison in the terminal: each run's progress bars and log, then one line per finished run. */
public final class ComparisonProgress implements ComparisonListener {
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean quiet;

    public ComparisonProgress(PrintWriter out, PrintWriter err, boolean quiet) {
        this.out = out;
        this.err = err;
        this.quiet = quiet;
    }

    @Override
    public RunListener runStarting(String name, Path runDir, SearchConfig config, boolean resumed) {
        ProgressReporter progress = new ProgressReporter(out, err, System.console() != null, true, runDir.resolve("search.log"), "",
                name + ": ");
        progress.log((resumed ? "resumed, config " : "config ") + config);
        return progress;
    }

    @Override
    public void runFinished(ComparisonRun run, int done, int total, String how) {
        if (!quiet) {
            out.printf("[%d/%d] %-16s %s: test accuracy %.4f, %d members, %.1f s%s%n", done, total, run.group(),
                    run.fold() > 0 ? "fold " + run.fold() : "seed " + run.seed(), run.testAccuracy(), run.ensembleSize(),
                    run.totalSeconds(), how);
        }
    }
}
