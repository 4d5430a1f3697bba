package org.saepj.cli.display;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.saepj.run.ComparisonListener;
import org.saepj.run.ComparisonRun;
import org.saepj.search.SearchConfig;

/**
 * A comparison as it runs: one finished line per run in the scrollback and, on a terminal, one status line for
 * the run in progress (its iteration, steps, ETA) and the grid (runs done, the grid's ETA). Each run's
 * iterations go to its own {@code search.log}.
 */
public final class ComparisonProgress implements ComparisonListener, AutoCloseable {
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean quiet;
    private final StatusLine status;
    private final int total;
    private int done;
    private int searched;
    private double searchedSeconds;
    private long runStart = System.nanoTime();

    /**
     * @param out the standard output
     * @param err warnings
     * @param terminal whether the output is a terminal (a status line is drawn)
     * @param quiet no progress output (warnings still)
     * @param total the runs in the grid
     */
    public ComparisonProgress(PrintWriter out, PrintWriter err, boolean terminal, boolean quiet, int total) {
        this.out = out;
        this.total = total;
        this.err = err;
        this.quiet = quiet;
        this.status = terminal && !quiet ? StatusLine.onTerminal(out) : null;
    }

    @Override
    public synchronized RunListener runStarting(String name, Path runDir, SearchConfig config, boolean resumed) {
        ProgressReporter.Display display = new ProgressReporter.Display(
                status,
                false,
                quiet,
                false,
                "[" + (done + 1) + "/" + total + "] " + name + " ",
                name + ": ",
                this::gridTail);
        ProgressReporter progress = new ProgressReporter(out, err, display, runDir.resolve("search.log"));
        progress.log((resumed ? "resumed, config " : "config ") + config);
        return progress;
    }

    /** " │ grid 3/27 done · ETA 4:10", from the mean time of the runs searched so far */
    private synchronized String gridTail() {
        StringBuilder s = new StringBuilder(" │ grid ")
                .append(done)
                .append('/')
                .append(total)
                .append(" done");
        if (searched > 0) {
            double perRun = searchedSeconds / searched;
            s.append(" · ETA ")
                    .append(ProgressReporter.clock(Math.max(0, perRun * (total - done) - currentRunSeconds())));
        }
        return s.toString();
    }

    private double currentRunSeconds() {
        return (System.nanoTime() - runStart) / 1e9;
    }

    @Override
    public synchronized void runFinished(ComparisonRun run, int done, int total, String how) {
        this.done = done;
        if (how.isEmpty() || how.contains("resumed")) {
            searched++;
            searchedSeconds += (System.nanoTime() - runStart) / 1e9;
        }
        runStart = System.nanoTime();
        if (quiet) {
            return;
        }
        String line = String.format(
                Locale.ROOT,
                "[%d/%d] %-16s %s: %s %.4f, %d members, %.1f s%s",
                done,
                total,
                run.group(),
                run.fold() > 0 ? "fold " + run.fold() : "seed " + run.seed(),
                run.figures().score().label(),
                run.figures().testScore(),
                run.ensembleSize(),
                run.totalSeconds(),
                how);
        if (status != null) {
            status.println(line);
        } else {
            out.println(line);
        }
    }

    @Override
    public synchronized void close() {
        if (status != null) {
            status.close();
        }
    }
}
