package org.saepj.data.io;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import java.util.BitSet;

/**
 * A reader that remembers where each line starts, so that a parser's character position can be turned into
 * the physical line a person sees in an editor (record numbers skip blank lines and count a quoted cell that
 * spans lines once). A line ends at LF, CR or CRLF, as in RFC 4180.
 */
final class LineIndexingReader extends FilterReader {
    /** Character offsets of the second, third, … line starts. */
    private long[] lineStarts = new long[64];

    private int lines;
    /** 1-based numbers of the lines holding nothing but their line break. */
    private final BitSet emptyLines = new BitSet();

    private long offset;
    private boolean afterCr;

    LineIndexingReader(Reader in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            see((char) c);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int from, int length) throws IOException {
        int n = super.read(buffer, from, length);
        for (int i = 0; i < n; i++) {
            see(buffer[from + i]);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipping would lose line breaks; read through instead (parsers never skip).
        char[] sink = new char[(int) Math.min(n, 8192)];
        long skipped = 0;
        while (skipped < n) {
            int got = read(sink, 0, (int) Math.min(sink.length, n - skipped));
            if (got < 0) {
                break;
            }
            skipped += got;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void see(char c) {
        if (c == '\n') {
            if (afterCr) {
                // CRLF: the line already started after the CR; move its start past the LF.
                lineStarts[lines - 1] = offset + 1;
            } else {
                endLine();
            }
        } else if (c == '\r') {
            endLine();
        }
        afterCr = c == '\r';
        offset++;
    }

    private void endLine() {
        long start = lines == 0 ? 0 : lineStarts[lines - 1];
        if (start == offset) {
            emptyLines.set(lines + 1);
        }
        if (lines == lineStarts.length) {
            lineStarts = Arrays.copyOf(lineStarts, lines * 2);
        }
        lineStarts[lines++] = offset + 1;
    }

    /**
     * The line where a record starts. A parser that skips empty lines reports the position where it began
     * skipping, so empty lines at that position are passed over.
     *
     * @param position a character offset already read
     * @return the 1-based number of the first non-empty line at or after the position
     */
    long lineAt(long position) {
        int i = Arrays.binarySearch(lineStarts, 0, lines, position);
        int line = i >= 0 ? i + 2 : -i;
        while (emptyLines.get(line)) {
            line++;
        }
        return line;
    }
}
