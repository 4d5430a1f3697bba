package org.saepj.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.saepj.data.BatchStream;
import org.saepj.data.Dataset;
import org.saepj.data.SourceData;
import org.saepj.data.io.CsvReader;
import org.saepj.data.source.DataSources;
import org.saepj.data.source.DatasetLocator;
import org.saepj.engine.Backends;
import org.saepj.execution.CandidateTrainer;
import org.saepj.execution.LocalExecutor;
import org.saepj.execution.TrainingProgress;
import org.saepj.execution.TrainingTask;
import org.saepj.persistence.BuiltInSpaces;
import org.saepj.search.SearchConfig;
import org.saepj.subnetwork.CandidateSpec;

/**
 * What threads without a candidate give a candidate still training ({@link LocalExecutor}'s shared chunks), on the
 * default image search's 32-filter residual CNN and Fashion-MNIST, batch 64, the executor's own training loop:
 *
 * <ul>
 *   <li>{@code alone}: one candidate on 1 thread and on 2 (the second has nothing but the first's chunks), the two
 *       alternating repetition by repetition; steps per second on the wall clock, and the process's CPU seconds per
 *       step;
 *   <li>{@code busy}: two such candidates on 2 threads, both busy throughout, through the executor (chunks offered,
 *       nobody free to take them) and on two plain threads with the chunks run in order (as before the executor
 *       shared them), alternating; the price of offering chunks nobody takes, in CPU seconds per step.
 * </ul>
 *
 * <p>{@code SharedSteps [steps] [repetitions]}: steps per candidate (default 150), repetitions (default 5, after one
 * untimed run of each).
 */
final class SharedSteps {
    private static final int BATCH = 64;
    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private SharedSteps() {}

    public static void main(String[] args) throws Exception {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 150;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        SourceData data =
                new DataSources(DatasetLocator.standard(null), CsvReader.Options.defaults()).load("fashion-mnist");
        Dataset train = data.train();
        SearchConfig config = SearchConfig.builder()
                .space(BuiltInSpaces.get(BuiltInSpaces.RESIDUAL_CNN))
                .build();
        CandidateSpec wide = config.searchSpace(train.shape(), train.classCount())
                .candidates(0, OptionalInt.empty())
                .get(1);
        int[] batches = new BatchStream(train.size(), BATCH, 1).next(steps);
        TrainingTask task = new TrainingTask(0, wide, train, batches, BATCH, List.of());
        List<TrainingTask> pair = List.of(task, new TrainingTask(1, wide, train, batches, BATCH, List.of()));
        System.out.println(
                "SHARED " + wide.name() + ", " + steps + " steps of " + BATCH + ", " + reps + " repetitions");
        compare(
                "alone",
                reps,
                steps,
                () -> executor(1, List.of(task)),
                () -> executor(2, List.of(task)),
                "1 thread",
                "2 threads");
        compare("busy", reps, 2 * steps, () -> plain(pair), () -> executor(2, pair), "in order", "offered");
    }

    private interface Run {
        void run() throws Exception;
    }

    private static void compare(String name, int reps, int steps, Run a, Run b, String aName, String bName)
            throws Exception {
        a.run(); // untimed: the JIT compiles the kernels
        b.run();
        double[][] wall = new double[2][reps];
        double[][] cpu = new double[2][reps];
        for (int r = 0; r < reps; r++) {
            Run[] runs = {a, b};
            for (int i = 0; i < 2; i++) {
                long c0 = OS.getProcessCpuTime();
                long t0 = System.nanoTime();
                runs[i].run();
                wall[i][r] = steps / ((System.nanoTime() - t0) / 1e9);
                cpu[i][r] = (OS.getProcessCpuTime() - c0) / 1e6 / steps;
            }
        }
        Spread wa = Spread.of(wall[0]);
        Spread wb = Spread.of(wall[1]);
        Spread ca = Spread.of(cpu[0]);
        Spread cb = Spread.of(cpu[1]);
        System.out.printf(
                Locale.ROOT,
                "SHARED %s steps/s: %s %.1f (%.1f..%.1f), %s %.1f (%.1f..%.1f), ratio %.2f;"
                        + " CPU ms/step: %s %.1f (%.1f..%.1f), %s %.1f (%.1f..%.1f), ratio %.3f%n",
                name,
                aName,
                wa.median(),
                wa.min(),
                wa.max(),
                bName,
                wb.median(),
                wb.min(),
                wb.max(),
                wb.median() / wa.median(),
                aName,
                ca.median(),
                ca.min(),
                ca.max(),
                bName,
                cb.median(),
                cb.min(),
                cb.max(),
                cb.median() / ca.median());
    }

    private static void executor(int threads, List<TrainingTask> tasks) {
        try (LocalExecutor executor = new LocalExecutor(threads, Backends.best())) {
            executor.train(tasks, TrainingProgress.NONE);
        }
    }

    /** Each task on a plain thread of its own, its chunks in order on it. */
    private static void plain(List<TrainingTask> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CandidateTrainer trainer = new CandidateTrainer(Backends.best());
            List<Future<?>> jobs = new ArrayList<>();
            for (TrainingTask t : tasks) {
                jobs.add(pool.submit(() -> trainer.train(t, TrainingProgress.NONE, 1, null)));
            }
            for (Future<?> f : jobs) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}
