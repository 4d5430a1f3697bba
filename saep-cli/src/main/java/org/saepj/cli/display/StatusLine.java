package org.saepj.cli.display;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.function.IntSupplier;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The last line of a terminal, redrawn in place while work goes on, with finished lines printed above it so
 * they stay in the scrollback. One owner draws it: the search display, or a comparison's display for its
 * whole grid, so no two bars ever fight over one line. Repaints at most every {@value #REPAINT_MILLIS} ms,
 * and each repaint fits the terminal's width, so the line never wraps.
 */
public final class StatusLine implements AutoCloseable {
    static final int REPAINT_MILLIS = 100;
    /** Carriage return, then erase to the end of the line (ANSI "EL"). */
    static final String ERASE = "\r\u001b[K";

    private final PrintWriter out;
    private final IntSupplier width;
    private final AutoCloseable terminal;
    private String status = "";
    private long lastPaint;

    /**
     * @param out the terminal's output
     * @param width the terminal's width in columns, asked before each repaint
     * @param terminal closed with this line (the terminal handle that answers the width), or null
     */
    StatusLine(PrintWriter out, IntSupplier width, AutoCloseable terminal) {
        this.out = out;
        this.width = width;
        this.terminal = terminal;
    }

    /**
     * @param out the standard output, a terminal
     * @return a status line on it, its width read from the terminal (80 columns when it cannot say)
     */
    public static StatusLine onTerminal(PrintWriter out) {
        try {
            Terminal t = TerminalBuilder.builder().system(true).dumb(true).build();
            return new StatusLine(out, () -> t.getWidth() > 0 ? t.getWidth() : 80, t);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the terminal: " + e.getMessage(), e);
        }
    }

    /**
     * Shows a new status, painting it unless the last paint was under {@value #REPAINT_MILLIS} ms ago.
     *
     * @param text the status
     */
    public synchronized void show(String text) {
        status = text;
        if (System.nanoTime() - lastPaint >= REPAINT_MILLIS * 1_000_000L) {
            paint();
        }
    }

    /**
     * Prints a finished line above the status, which is then painted again below it.
     *
     * @param line the finished line
     */
    public synchronized void println(String line) {
        out.print(ERASE);
        out.println(line);
        paint();
    }

    /**
     * Prints a line on another stream of the same terminal (a warning on the error stream) above the status.
     *
     * @param other the other stream
     * @param line the line
     */
    public synchronized void printAbove(PrintWriter other, String line) {
        out.print(ERASE);
        out.flush();
        other.println(line);
        other.flush();
        paint();
    }

    /** Erases the status; the finished lines stay. */
    public synchronized void clear() {
        status = "";
        out.print(ERASE);
        out.flush();
    }

    /**
     * Erases whatever status is drawn on a terminal's last line, from outside the line's owner: a signal handler
     * about to print its last words on the error stream.
     *
     * @param out the terminal's output
     */
    public static void erase(PrintWriter out) {
        out.print(ERASE);
        out.flush();
    }

    /** @return the columns a status may use (one less than the terminal's: the last column would wrap on some) */
    public int columns() {
        return Math.max(10, width.getAsInt() - 1);
    }

    private void paint() {
        lastPaint = System.nanoTime();
        int columns = columns();
        String shown = status.length() > columns ? status.substring(0, columns - 1) + "…" : status;
        out.print(ERASE + shown);
        out.flush();
    }

    @Override
    public synchronized void close() {
        clear();
        if (terminal != null) {
            try {
                terminal.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot close the terminal: " + e.getMessage(), e);
            }
        }
    }
}
