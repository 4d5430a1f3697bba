package org.saepj.cli.display;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.saepj.SaepException;
import org.saepj.search.IterationRecord;
import org.saepj.search.SearchListener;

/**
 * Shows a search as it runs: on a terminal an overall bar and one for the current iteration's candidate
 * training (elapsed, rate, ETA); otherwise plain lines, one per iteration and at most one every
 * {@value #PLAIN_INTERVAL_SECONDS} s during long trainings. Every event also goes to {@code search.log}.
 * Warnings go to the error stream even when quiet: they name something the user should change.
 */
public final class ProgressReporter implements org.saepj.run.ComparisonListener.RunListener {
    static final int PLAIN_INTERVAL_SECONDS = 10;
    private final PrintWriter out;
    private final PrintWriter err;
    private final String warningPrefix;
    private final boolean terminal;
    private final boolean quiet;
    private final BufferedWriter log;
    private final String prefix;
    private final Map<String, Integer> steps = new HashMap<>();
    private ProgressBar overall;
    private ProgressBar candidates;
    private long lastPlainLine;
    private int candidateTotal;

    /**
     * @param out progress lines and bars
     * @param err warnings
     * @param terminal whether to draw bars
     * @param quiet no progress output (warnings still)
     * @param logFile the search log, appended to
     * @param prefix put before every line (a fold's name)
     * @param warningPrefix put before every warning on the error stream (which run of a comparison)
     */
    public ProgressReporter(PrintWriter out, PrintWriter err, boolean terminal, boolean quiet, Path logFile, String prefix,
                     String warningPrefix) {
        this.out = out;
        this.err = err;
        this.warningPrefix = warningPrefix;
        this.terminal = terminal;
        this.quiet = quiet;
        this.prefix = prefix;
        try {
            this.log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new SaepException(logFile + ": cannot write the search log: " + e.getMessage(), e);
        }
    }

    public synchronized void log(String line) {
        try {
            log.write(LocalTime.now().truncatedTo(ChronoUnit.MILLIS) + " " + prefix + line);
            log.newLine();
            log.flush();
        } catch (IOException e) {
            throw new SaepException("cannot write the search log: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void iterationStarted(int iteration, int iterations, int ensembleSize) {
        log("iteration " + (iteration + 1) + "/" + iterations + " started with " + ensembleSize + " members");
        steps.clear();
        candidateTotal = 0;
        lastPlainLine = System.nanoTime();
        if (quiet) {
            return;
        }
        if (terminal) {
            if (overall == null) {
                overall = new ProgressBarBuilder().setTaskName(prefix + "search").setInitialMax(iterations)
                        .setStyle(ProgressBarStyle.ASCII).setUnit(" it", 1).build();
            }
            closeCandidates();
            candidates = new ProgressBarBuilder().setTaskName("iteration " + (iteration + 1)).setStyle(ProgressBarStyle.ASCII)
                    .setInitialMax(-1).showSpeed().setUnit(" steps", 1).build();
        }
    }

    @Override
    public synchronized void candidateProgress(int iteration, String candidate, int step, int total) {
        if (quiet) {
            return;
        }
        if (!steps.containsKey(candidate)) {
            candidateTotal += total;
            if (candidates != null) {
                candidates.maxHint(candidateTotal);
            }
        }
        steps.put(candidate, step);
        int done = steps.values().stream().mapToInt(Integer::intValue).sum();
        if (candidates != null) {
            candidates.stepTo(done);
        } else if (System.nanoTime() - lastPlainLine > PLAIN_INTERVAL_SECONDS * 1_000_000_000L) {
            lastPlainLine = System.nanoTime();
            out.println(prefix + "  iteration " + (iteration + 1) + ": " + done + "/" + candidateTotal + " candidate steps");
        }
    }

    @Override
    public synchronized void memberPruned(int iteration, int memberId, String criterion) {
        log("pruned member " + memberId + " (" + criterion + ")");
    }

    @Override
    public synchronized void stopped(int iterationsRun, String reason) {
        String line = "stopped after " + iterationsRun + " iteration" + (iterationsRun == 1 ? "" : "s") + ": " + reason;
        log(line);
        if (!quiet) {
            out.println(prefix + line);
        }
    }

    @Override
    public synchronized void warning(int iteration, String message) {
        log("warning: " + message);
        err.println(warningPrefix + prefix + "warning: iteration " + (iteration + 1) + ": " + message);
    }

    @Override
    public synchronized void iterationFinished(IterationRecord r) {
        String line = String.format("iteration %d: selected %s, %d members %s, test accuracy %.4f, pruned %s, %.2f s",
                r.iteration() + 1, r.selected(), r.ensembleSize(), r.memberDepths(), r.testAccuracy(), r.pruned(), r.seconds());
        log(line);
        if (quiet) {
            return;
        }
        if (terminal) {
            closeCandidates();
            overall.step();
        } else {
            out.println(prefix + line);
        }
    }

    private void closeCandidates() {
        if (candidates != null) {
            candidates.close();
            candidates = null;
        }
    }

    @Override
    public synchronized void close() {
        closeCandidates();
        if (overall != null) {
            overall.close();
            overall = null;
        }
        try {
            log.close();
        } catch (IOException e) {
            throw new SaepException("cannot close the search log: " + e.getMessage(), e);
        }
    }
}
