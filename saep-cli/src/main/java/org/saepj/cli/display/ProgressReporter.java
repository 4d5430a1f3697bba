package org.saepj.cli.display;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.saepj.run.SearchLog;
import org.saepj.search.IterationRecord;

/**
 * Shows one search as it runs and writes its {@code search.log}. On a terminal a {@link StatusLine} moves with
 * the training (the iteration's candidate steps, steps/s, the iteration's and the search's ETA) and each
 * finished iteration leaves one {@link org.saepj.run.IterationLine} in the scrollback; otherwise (a pipe, a CI log) the
 * same finished lines, and a progress line at most every {@value #PLAIN_INTERVAL_SECONDS} s of a long iteration.
 * Warnings go to the error stream even when quiet: they name something the user should change. Iterations
 * count from 0, as in every file.
 */
public final class ProgressReporter implements org.saepj.run.ComparisonListener.RunListener {
    static final int PLAIN_INTERVAL_SECONDS = 10;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Display display;
    private final SearchLog log;
    private final Map<String, Integer> steps = new HashMap<>();
    private int iteration;
    private int iterations;
    /** The bag running and the bags in all, in a bagged search; 0 and 1 in one search. */
    private int bag;

    private int bags = 1;
    /** The encoding's run and the runs in all, in a search with scaling auto; 0 and 1 otherwise. */
    private int encoding;

    private int encodings = 1;
    private int candidateTotal;
    private long iterationStart;
    private long lastPlainLine;
    private int finished;
    /** True once the final members are being retrained: the status line names the refit, not an iteration. */
    private boolean refitting;

    private double finishedSeconds;

    /**
     * How a search is shown.
     *
     * @param status the terminal's status line, or null when the output is not a terminal
     * @param ownsStatus whether this search clears and closes the status line when it ends
     * @param quiet no progress output (warnings still)
     * @param iterationLines whether finished iterations are printed (a comparison shows only finished runs)
     * @param prefix put before every line and status on the terminal (a fold's name, a run's place in the grid)
     * @param warningPrefix put before every warning on the error stream (which fold, or which run of a comparison)
     * @param statusTail appended to the status (a comparison's progress over its grid)
     */
    public record Display(
            StatusLine status,
            boolean ownsStatus,
            boolean quiet,
            boolean iterationLines,
            String prefix,
            String warningPrefix,
            Supplier<String> statusTail) {
        /**
         * @param out the standard output
         * @param terminal whether it is a terminal
         * @param quiet no progress output
         * @param prefix put before every line
         * @return how a search run on its own is shown
         */
        public static Display search(PrintWriter out, boolean terminal, boolean quiet, String prefix) {
            return new Display(
                    terminal && !quiet ? StatusLine.onTerminal(out) : null,
                    true,
                    quiet,
                    true,
                    prefix,
                    prefix,
                    () -> "");
        }
    }

    /**
     * @param out progress lines
     * @param err warnings
     * @param display how to show it
     * @param logFile the search log, appended to
     */
    public ProgressReporter(PrintWriter out, PrintWriter err, Display display, Path logFile) {
        this.out = out;
        this.err = err;
        this.display = display;
        this.log = new SearchLog(logFile);
    }

    /**
     * Learns the members of the iterations run before a resume, so later lines name them.
     *
     * @param records the iterations of the earlier sessions
     */
    public synchronized void resumedAfter(List<IterationRecord> records) {
        log.resumedAfter(records);
    }

    /** @param line written to {@code search.log} with the time */
    public void log(String line) {
        log.log(line);
    }

    @Override
    public synchronized void iterationStarted(int iteration, int iterations, int ensembleSize) {
        log.iterationStarted(iteration, iterations, ensembleSize);
        this.iteration = iteration;
        this.iterations = iterations;
        steps.clear();
        candidateTotal = 0;
        iterationStart = System.nanoTime();
        lastPlainLine = iterationStart;
        showStatus();
    }

    @Override
    public synchronized void candidateProgress(int iteration, String candidate, int step, int total) {
        if (!steps.containsKey(candidate)) {
            candidateTotal += total;
        }
        steps.put(candidate, step);
        if (display.quiet()) {
            return;
        }
        if (display.status() != null) {
            showStatus();
        } else if (display.iterationLines()
                && System.nanoTime() - lastPlainLine > PLAIN_INTERVAL_SECONDS * 1_000_000_000L) {
            lastPlainLine = System.nanoTime();
            out.println(display.prefix() + "  iteration " + iteration + ": " + done() + "/" + candidateTotal
                    + " candidate steps");
        }
    }

    private int done() {
        return steps.values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * Paints the widest form that fits the terminal: "iteration 3 [=====>    ] 52% 472/908 steps of 2 candidates · 2140
     * steps/s · ETA 0:01 │ 3 of 11 iterations done · search ETA 0:09"; then without the candidates and with a shorter
     * bar; then without bar and rate; at the narrowest, where the run is and when it ends. The tail (a comparison's
     * grid) comes last in every form.
     */
    private void showStatus() {
        if (display.status() == null || display.quiet()) {
            return;
        }
        int done = done();
        double fraction = candidateTotal == 0 ? 0 : (double) done / candidateTotal;
        double elapsed = (System.nanoTime() - iterationStart) / 1e9;
        double rate = done > 0 && elapsed > 0 ? done / elapsed : Double.NaN;
        double iterationLeft = Double.isNaN(rate) ? Double.NaN : (candidateTotal - done) / rate;
        double perIteration =
                finished > 0 ? finishedSeconds / finished : fraction > 0 ? elapsed / fraction : Double.NaN;
        double searchLeft = Double.isNaN(iterationLeft) || Double.isNaN(perIteration)
                ? Double.NaN
                : iterationLeft
                        + perIteration * (iterations - iteration - 1)
                        + perIteration * iterations * (bags - Math.max(bag, 1))
                        + perIteration * iterations * bags * (encodings - Math.max(encoding, 1));
        String head = display.prefix()
                + (bag > 0 ? "bag " + bag + "/" + bags + " " : "")
                + (refitting ? "refit" : "iteration " + iteration);
        String percent = String.format(Locale.ROOT, "%3.0f%%", 100 * fraction);
        String counted = candidateTotal == 0 ? "" : " " + done + "/" + candidateTotal + " steps";
        String candidates =
                candidateTotal == 0 ? "" : " of " + steps.size() + (steps.size() == 1 ? " candidate" : " candidates");
        String speed = Double.isNaN(rate) ? "" : String.format(Locale.ROOT, " · %.0f steps/s", rate);
        String eta = Double.isNaN(iterationLeft) ? "" : " · ETA " + clock(iterationLeft);
        String searchEta = Double.isNaN(searchLeft) ? "" : clock(searchLeft);
        String tail = display.statusTail().get();
        List<String> forms = List.of(
                head + " " + bar(fraction, 20) + " " + percent + counted + candidates + speed + eta + " │ " + iteration
                        + " of " + iterations + " iterations done"
                        + (searchEta.isEmpty() ? "" : " · search ETA " + searchEta) + tail,
                head + " " + bar(fraction, 12) + " " + percent + counted + speed + eta + " │ " + iteration + "/"
                        + iterations + " done" + (searchEta.isEmpty() ? "" : " · ETA " + searchEta) + tail,
                head + " " + percent + counted + eta + " │ " + iteration + "/" + iterations + " done"
                        + (searchEta.isEmpty() ? "" : " · ETA " + searchEta) + tail,
                display.prefix() + "iteration " + iteration + "/" + iterations + " " + percent.strip()
                        + (searchEta.isEmpty() ? "" : " · ETA " + searchEta) + tail);
        int columns = display.status().columns();
        display.status()
                .show(forms.stream()
                        .filter(f -> f.length() <= columns)
                        .findFirst()
                        .orElse(forms.get(forms.size() - 1)));
    }

    static String bar(double fraction, int width) {
        int full = (int) Math.round(Math.max(0, Math.min(1, fraction)) * width);
        return "[" + "=".repeat(full) + (full < width ? ">" + " ".repeat(width - full - 1) : "") + "]";
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    @Override
    public synchronized void memberPruned(int iteration, int memberId, String criterion) {
        log.memberPruned(iteration, memberId, criterion);
    }

    @Override
    public synchronized void planned(org.saepj.search.TimePlan plan) {
        log.planned(plan);
        if (display.iterationLines()) {
            print(plan.describe());
        }
    }

    @Override
    public synchronized void stopped(int iterationsRun, String reason) {
        log.stopped(iterationsRun, reason);
        if (display.iterationLines()) {
            print(SearchLog.stopLine(iterationsRun, reason));
        }
    }

    @Override
    public synchronized void warning(int iteration, String message) {
        log.warning(iteration, message);
        String line = display.warningPrefix() + "warning: iteration " + iteration + ": " + message;
        if (display.status() != null) {
            display.status().printAbove(err, line);
        } else {
            err.println(line);
        }
    }

    @Override
    public synchronized void bagStarted(int bag, int bags, int trainRows, int validationRows) {
        this.bag = bag;
        this.bags = bags;
        String line = org.saepj.run.SearchLog.bagLine(bag, bags, trainRows, validationRows);
        log.log(line);
        print(line);
    }

    @Override
    public synchronized void encodingStarted(int run, int runs, org.saepj.data.preprocess.Scaling encoding) {
        this.encoding = run;
        this.encodings = runs;
        bag = 0;
        String line = org.saepj.run.SearchLog.encodingLine(run, runs, encoding);
        log.log(line);
        print(line);
    }

    @Override
    public synchronized void refitStarted(int members, int rows) {
        refitting = true;
        steps.clear();
        candidateTotal = 0;
        iterationStart = System.nanoTime();
        print("refit: retraining the " + members + (members == 1 ? " final member" : " final members") + " on " + rows
                + " rows (the training data and its validation part)");
    }

    @Override
    public synchronized void iterationFinished(IterationRecord r) {
        String line = log.finished(r);
        finished++;
        finishedSeconds += r.seconds();
        if (display.iterationLines()) {
            print(line);
        }
    }

    private void print(String line) {
        if (display.quiet()) {
            return;
        }
        if (display.status() != null) {
            display.status().println(display.prefix() + line);
        } else {
            out.println(display.prefix() + line);
        }
    }

    @Override
    public synchronized void searchFinished(org.saepj.search.SearchResult r) {
        log.searchFinished(r);
        if (r.encoding() != null) {
            print(r.encoding().describe());
        }
    }

    @Override
    public synchronized void close() {
        if (display.status() != null && display.ownsStatus()) {
            display.status().close();
        }
        log.close();
    }
}
