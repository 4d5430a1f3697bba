package org.saepj.run;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.saepj.FileException;
import org.saepj.search.IterationRecord;
import org.saepj.search.SearchListener;

/**
 * A run's {@code search.log}: a timestamped line per event — an iteration's start, each finished iteration as
 * {@link IterationLine} gives it, pruned members by id and name, warnings, an early stop. Written wherever the
 * search runs (the CLI's display writes through it; a cluster's executor too), appended, flushed line by line.
 */
public final class SearchLog implements SearchListener, AutoCloseable {
    private final BufferedWriter out;
    private final MemberNames names = new MemberNames();

    /**
     * @param file the log, appended to (every run, a fold's too, has its own in its directory)
     */
    public SearchLog(Path file) {
        try {
            // Appended only to a file of the run's own: a link placed under the log's name is refused, not followed.
            this.out = Files.newBufferedWriter(
                    file,
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND,
                    java.nio.file.LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new FileException(file + ": cannot write the search log: " + e.getMessage(), e);
        }
    }

    /** @return the members' names as the log has seen them (the display names members the same way) */
    public MemberNames names() {
        return names;
    }

    /**
     * Learns the members of the iterations run before a resume, so later lines name them.
     *
     * @param records the iterations of the earlier sessions
     */
    public synchronized void resumedAfter(List<IterationRecord> records) {
        records.forEach(r -> names.add(r.memberIds(), r.selected()));
    }

    /** @param line written with the time */
    public synchronized void log(String line) {
        try {
            out.write(LocalTime.now().truncatedTo(ChronoUnit.MILLIS) + " " + line);
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new FileException("cannot write the search log: " + e.getMessage(), e);
        }
    }

    @Override
    public void bagStarted(int bag, int bags, int trainRows, int validationRows) {
        log(bagLine(bag, bags, trainRows, validationRows));
    }

    @Override
    public void encodingStarted(int run, int runs, org.saepj.data.preprocess.Scaling encoding) {
        log(encodingLine(run, runs, encoding));
    }

    /**
     * @param run the run, from 1
     * @param runs how many encodings the search tries
     * @param encoding the encoding this run reads
     * @return "encoding 2 of 2 (scaling auto): ple"
     */
    public static String encodingLine(int run, int runs, org.saepj.data.preprocess.Scaling encoding) {
        return "encoding " + run + " of " + runs + " (scaling auto): " + encoding.id();
    }

    /**
     * @param bag the bag, from 1
     * @param bags K
     * @param trainRows the rows its candidates train on
     * @param validationRows the rows its choices are made on
     * @return "bag 2 of 5: candidates train on 1200 rows, choices on the other 300"
     */
    public static String bagLine(int bag, int bags, int trainRows, int validationRows) {
        return "bag " + bag + " of " + bags + ": candidates train on " + trainRows + " rows, choices on the other "
                + validationRows;
    }

    @Override
    public void iterationStarted(int iteration, int iterations, int ensembleSize) {
        log("iteration " + iteration + " started with " + ensembleSize + (ensembleSize == 1 ? " member" : " members"));
    }

    @Override
    public synchronized void memberPruned(int iteration, int memberId, String criterion) {
        log("pruned member #" + memberId + " " + names.name(memberId) + " (" + criterion + ")");
    }

    /**
     * Logs the finished iteration and learns the member it added.
     *
     * @param r the iteration
     * @return its line, as logged
     */
    public synchronized String finished(IterationRecord r) {
        String line = IterationLine.of(r, names);
        names.add(r.memberIds(), r.selected());
        log(line);
        return line;
    }

    @Override
    public void iterationFinished(IterationRecord r) {
        finished(r);
    }

    @Override
    public void warning(int iteration, String message) {
        log("warning: iteration " + iteration + ": " + message);
    }

    @Override
    public void planned(org.saepj.search.TimePlan plan) {
        log(plan.describe());
    }

    @Override
    public void stopped(int iterationsRun, String reason) {
        log(stopLine(iterationsRun, reason));
    }

    /**
     * @param iterationsRun how many iterations ran
     * @param reason why the search stopped
     * @return the line that says so
     */
    public static String stopLine(int iterationsRun, String reason) {
        return "stopped after " + iterationsRun + " iteration" + (iterationsRun == 1 ? "" : "s") + ": " + reason;
    }

    /** Ends the log with the final figures: "done: test accuracy 0.8366 with 4 members in 3.1 s". */
    @Override
    public void searchFinished(org.saepj.search.SearchResult r) {
        log(String.format(
                Locale.ROOT,
                "done: test accuracy %.4f with %d members in %.1f s",
                r.metrics().testAccuracy(),
                r.metrics().ensembleSize(),
                r.timing().totalSeconds()));
        if (r.encoding() != null) {
            log(r.encoding().describe());
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new FileException("cannot close the search log: " + e.getMessage(), e);
        }
    }
}
