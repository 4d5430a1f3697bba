package org.saepj.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.saepj.data.SourceData;
import org.saepj.engine.Backend;
import org.saepj.engine.Backends;
import org.saepj.execution.LocalExecutor;
import org.saepj.search.Experiment;
import org.saepj.search.Partitions;
import org.saepj.search.SearchResult;
import org.saepj.search.SearchState;

/** Runs a grid's searches one after another in this JVM, their candidates on the plan's threads. */
public final class LocalGridExecutor implements GridExecutor {
    private final Backend backend;

    /** Runs on the fastest backend here. */
    public LocalGridExecutor() {
        this(Backends.best());
    }

    /**
     * @param backend the backend every run trains and restores its networks with
     */
    public LocalGridExecutor(Backend backend) {
        this.backend = backend;
    }

    @Override
    public List<ComparisonRun> run(
            List<GridRun> runs,
            SourceData data,
            Path dir,
            boolean resume,
            Consumer<ReentrantLock> checkpointWrites,
            ComparisonListener listener) {
        List<ComparisonRun> done = new ArrayList<>();
        // A method, mixture and seed's partitions are prepared once for all its folds (the grid lists its folds
        // together), and only those are kept: each holds copies of the data.
        GridRun prepared = null;
        List<Partitions> partitions = null;
        int threads = runs.isEmpty() ? 1 : runs.get(0).config().threads();
        try (LocalExecutor executor = new LocalExecutor(threads, backend)) {
            for (GridRun g : runs) {
                Path runDir = RunDirectory.writable(dir.resolve(g.directory()));
                ComparisonRun run;
                String how;
                if (resume && RunDirectory.finished(runDir)) {
                    run = ComparisonRun.of(
                            g.method(),
                            g.mixture(),
                            g.seed(),
                            g.fold(),
                            g.directory(),
                            RunDirectory.readFinished(runDir));
                    how = " (already complete)";
                } else {
                    if (prepared == null
                            || !prepared.method().equals(g.method())
                            || !prepared.mixture().equals(g.mixture())
                            || prepared.seed() != g.seed()) {
                        partitions = Partitions.prepare(g.config(), data);
                        prepared = g;
                    }
                    Partitions p = partitions.get(Math.max(0, g.foldIndex()));
                    RunDirectory searchRun = RunDirectory.open(runDir, resume, backend, data.sha256());
                    checkpointWrites.accept(searchRun.checkpointWriting());
                    SearchState state = searchRun.resumedFrom();
                    SearchResult r;
                    try (ComparisonListener.RunListener progress =
                            listener.runStarting(g.name(), runDir, g.config(), state != null)) {
                        r = searchRun.complete(
                                g.config(),
                                p,
                                Experiment.info(g.config(), data, p),
                                executor,
                                backend,
                                progress,
                                g.foldIndex());
                    }
                    run = ComparisonRun.of(
                            g.method(), g.mixture(), g.seed(), g.fold(), g.directory(), RunSummary.of(r));
                    how = state == null ? "" : " (resumed)";
                }
                done.add(run);
                listener.runFinished(run, done.size(), runs.size(), how);
            }
        }
        return done;
    }

    @Override
    public String name() {
        return "local";
    }
}
