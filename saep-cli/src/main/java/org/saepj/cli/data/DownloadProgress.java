package org.saepj.cli.data;

import java.io.PrintWriter;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.saepj.data.source.DownloadListener;

/**
 * Shows downloads: a progress bar on a terminal, a line per file otherwise (CI logs).
 */
public final class DownloadProgress implements DownloadListener {
    private final PrintWriter out;
    private final boolean terminal;
    private ProgressBar bar;

    public DownloadProgress(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public void started(String file, String url, long expectedBytes) {
        out.println("downloading " + file + " from " + url);
        if (terminal) {
            bar = new ProgressBarBuilder()
                    .setTaskName(file)
                    .setInitialMax(expectedBytes)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUnit(" MB", 1 << 20)
                    .showSpeed()
                    .build();
        }
    }

    @Override
    public void progress(String file, long bytesSoFar) {
        if (bar != null) {
            bar.stepTo(bytesSoFar);
        }
    }

    @Override
    public void verified(String file) {
        closeBar();
        out.println("  " + file + ": SHA-256 verified");
    }

    @Override
    public void failed(String file, String url, String reason) {
        closeBar();
        out.println("  " + file + ": failed from " + url + ": " + reason);
    }

    private void closeBar() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
