package org.saepj.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of {@code ./saep bench}: {@code [STEPS] [REPETITIONS] [--csv FILE] [--no-tta] [--tta-target A]
 * [--tta-test N] [--tta-steps N] [--tta-decay D] [--tta-threads T] [--only WORD,…]}.
 *
 * @param steps training steps per repetition of the throughput rows
 * @param repetitions timed repetitions per throughput row: the fewest interleaved pairs ({@link PairPlan})
 * @param csv where the rows are also written as CSV, or null
 * @param tta the time-to-accuracy row's settings, or null for none ({@code --no-tta})
 * @param only the words of {@code --only}: a row runs when its name contains one of them; empty for every row
 */
record BenchOptions(int steps, int repetitions, Path csv, TtaOptions tta, List<String> only) {
    /** The usage line of {@code --help}. */
    static final String USAGE = "usage: saep bench [STEPS] [REPETITIONS] [--csv FILE] [--no-tta] [--tta-target A]"
            + " [--tta-test N] [--tta-steps N] [--tta-decay D] [--tta-threads T] [--only WORD,...]\n"
            + "  engine throughput against DJL/PyTorch (defaults: 300 steps, 5 repetitions, run as interleaved pairs,"
            + " up to 3x as many\n"
            + "  in a cheap or two-level row), then the time to reach a test accuracy\n"
            + "  on Fashion-MNIST with the residual CNN with a dense layer, ours against PyTorch on T threads"
            + " (ours: one network,\n  idle threads taking its layers' chunks; PyTorch: T intra-op threads), taking"
            + " turns, from the same initial weights,\n  SGD + momentum with weight decay D, cosine decay over the"
            + " steps (defaults: accuracy " + TtaOptions.DEFAULT_TARGET + " on the\n  whole test split, at most "
            + TtaOptions.DEFAULT_STEPS + " steps, D " + TtaOptions.DEFAULT_DECAY
            + ", T 1);\n  --csv also writes the rows"
            + " to FILE and the time-to-accuracy row to FILE-tta.csv;\n"
            + "  --only res,tta runs only the rows whose names contain one of the words";

    /**
     * @param name a row's name (the time-to-accuracy row's starts with {@code tta-})
     * @return whether {@code --only} lets it run
     */
    boolean runs(String name) {
        return only.isEmpty() || only.stream().anyMatch(name::contains);
    }

    /**
     * @param target the accuracy to reach
     * @param testSize the test samples it is measured on (the first ones), or 0 for all
     * @param maxSteps the steps after which a run stops unreached
     * @param weightDecay λ of both engines' SGD ({@code λ·θ} added to each parameter's gradient), 0 for none
     * @param threads the threads of each engine: ours trains its one network on one of them and lends the others its
     *     layers' chunks, PyTorch's intra-op threads are pinned to the count
     */
    record TtaOptions(double target, int testSize, int maxSteps, float weightDecay, int threads) {
        static final double DEFAULT_TARGET = 0.92;
        /**
         * L2 weight decay of both engines' SGD. 5e-4 (CIFAR's ResNets' usual value) was the first choice; on 48
         * filters 1e-3 levelled off higher (our side alone over 10,000 steps: best 0.9224 against 0.9246, crossing
         * 0.92 at step 9,000 against 8,500; docs/BENCHMARKS.md).
         */
        static final float DEFAULT_DECAY = 1e-3f;
        /** The step cap, which is also the length of the learning rate's cosine decay: 10.7 epochs at batch 64. */
        static final int DEFAULT_STEPS = 10_000;
        /** Steps between two accuracy checks: 12,800 samples at batch 64. */
        static final int CHECK_EVERY = 200;
        /** The first learning rate of the residual CNN's example (examples/spaces/residual-cnn.json). */
        static final float LEARNING_RATE = 0.05f;
        /**
         * The row network's filters. The example's larger candidate, 32, levels off at 0.913–0.918 over
         * 10,000–30,000 steps (PyTorch crossed 0.92 once, at step 22,600 of 30,000), so its time to 0.92 measured
         * where noise at the plateau crossed it; 48 filters cross 0.92 while the learning rate is still decaying
         * (docs/BENCHMARKS.md).
         */
        static final int FILTERS = 48;
        /** The row network's residual blocks, as in the example. */
        static final int BLOCKS = 1;
        /** The row network's hidden dense units before the head, as in the example. */
        static final int DENSE = 128;

        /**
         * @param image the images' shape
         * @param classes the number of classes
         * @return the row's network: examples/spaces/residual-cnn.json's network (one block, 128 dense units) with
         *     {@link #FILTERS} filters and a logits head
         */
        static ResidualCnn network(org.saepj.data.Shape image, int classes) {
            return new ResidualCnn(image, FILTERS, BLOCKS, DENSE, classes);
        }

        /**
         * @param available the test split's size
         * @return the settings, the test samples capped at what the split has
         */
        TimeToAccuracy.Settings forTest(int available) {
            int n = testSize == 0 ? available : Math.min(testSize, available);
            return new TimeToAccuracy.Settings(
                    target, n, CHECK_EVERY, maxSteps, LEARNING_RATE, EngineBench.BATCH, weightDecay);
        }
    }

    /**
     * @param args the command line after {@code bench}
     * @return the options
     * @throws IllegalArgumentException with a one-line message naming the option and what it expected
     */
    static BenchOptions parse(String[] args) {
        List<String> positional = new ArrayList<>();
        Path csv = null;
        boolean tta = true;
        double target = TtaOptions.DEFAULT_TARGET;
        int testSize = 0;
        int maxSteps = TtaOptions.DEFAULT_STEPS;
        float decay = TtaOptions.DEFAULT_DECAY;
        int ttaThreads = 1;
        List<String> only = List.of();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--csv" -> csv = Path.of(value(args, i++, a));
                case "--no-tta" -> tta = false;
                case "--tta-target" -> target = accuracy(value(args, i++, a));
                case "--tta-test" -> testSize = positive(value(args, i++, a), a);
                case "--tta-steps" -> maxSteps = positive(value(args, i++, a), a);
                case "--tta-decay" -> decay = decay(value(args, i++, a));
                case "--tta-threads" -> ttaThreads = positive(value(args, i++, a), a);
                case "--only" -> only = words(value(args, i++, a));
                default -> {
                    if (a.startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + a);
                    }
                    positional.add(a);
                }
            }
        }
        if (positional.size() > 2) {
            throw new IllegalArgumentException("at most STEPS and REPETITIONS, got " + positional);
        }
        int steps = positional.size() > 0 ? positive(positional.get(0), "STEPS") : 300;
        int reps = positional.size() > 1 ? positive(positional.get(1), "REPETITIONS") : 5;
        return new BenchOptions(
                steps, reps, csv, tta ? new TtaOptions(target, testSize, maxSteps, decay, ttaThreads) : null, only);
    }

    private static List<String> words(String arg) {
        List<String> words = new ArrayList<>();
        for (String w : arg.split(",")) {
            if (!w.isBlank()) {
                words.add(w.strip());
            }
        }
        if (words.isEmpty()) {
            throw new IllegalArgumentException("--only needs words of row names, e.g. res,tta; got '" + arg + "'");
        }
        return List.copyOf(words);
    }

    private static String value(String[] args, int i, String option) {
        if (i + 1 == args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i + 1];
    }

    private static double accuracy(String arg) {
        try {
            double v = Double.parseDouble(arg);
            if (v > 0 && v <= 1) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below, as a value out of range
        }
        throw new IllegalArgumentException("--tta-target must be an accuracy in (0, 1], got '" + arg + "'");
    }

    private static float decay(String arg) {
        try {
            float v = Float.parseFloat(arg);
            if (v >= 0 && v < 1) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below, as a value out of range
        }
        throw new IllegalArgumentException(
                "--tta-decay must be a weight decay in [0, 1), e.g. 5e-4, got '" + arg + "'");
    }

    static int positive(String arg, String name) {
        try {
            int v = Integer.parseInt(arg);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below, as every other usage error
        }
        throw new IllegalArgumentException(name + " must be a positive whole number, got '" + arg + "'");
    }
}
