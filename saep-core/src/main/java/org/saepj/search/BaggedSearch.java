package org.saepj.search;

import java.util.ArrayList;
import java.util.List;
import org.saepj.data.Dataset;
import org.saepj.engine.Backend;
import org.saepj.ensemble.CalibrationReport;
import org.saepj.ensemble.Ensemble;
import org.saepj.ensemble.Member;
import org.saepj.execution.CandidateExecutor;
import org.saepj.pruning.Criteria;
import org.saepj.subnetwork.Seeds;
import org.saepj.subnetwork.Spaces;
import org.saepj.task.Holdout;
import org.saepj.task.Task;

/**
 * A bagged search ({@code --bags K}): K searches, each holding out its own stratified validation part of the training
 * data (the {@code --validation} fraction, drawn for that bag), on which it makes every choice, and training on the
 * rest. The result is the union of the K final ensembles, each member's mixture weight divided by K, so its outputs are
 * the mean of the K ensembles'. On a small table one search's choices rest on a few dozen held-out rows its members
 * never see; K searches hold out different rows, so every row is likely to shape most bags' members, and the average
 * of K ensembles varies less than one (measured on public tables in docs/RESULTS.md: independent holdouts of a tenth
 * did better than K disjoint folds, whose members train on less).
 *
 * <p>The preprocessing is fitted once on all the training rows ({@link Partitions} holds no validation part out for a
 * bagged search), so the K ensembles read the same inputs and the saved model is one ensemble of one format. Each bag
 * draws its holdout and searches with seeds of its own derived from the search's ({@link Seeds#BAGS}), so the result
 * is the same whatever the thread count. A temperature, when one is fitted, is fitted on the out-of-bag outputs: each
 * training row that some bag held out, scored by the mean of those bags' ensembles (a random forest's out-of-bag
 * estimate). A time budget is shared: each bag gets an equal share of what is left when it starts. Bags keep no
 * checkpoints.
 */
final class BaggedSearch {
    private final SearchConfig config;
    private final CandidateExecutor executor;
    private final Backend backend;
    private final Criteria criteria;
    private final Spaces spaces;

    /**
     * @param config the bagged search's settings ({@link ValidationPlan#bagCount()} ≥ 2)
     * @param executor trains every bag's candidates
     * @param backend the backend the networks use
     * @param criteria where the pruning criterion is found
     * @param spaces where a search-space plug-in is found
     */
    BaggedSearch(SearchConfig config, CandidateExecutor executor, Backend backend, Criteria criteria, Spaces spaces) {
        this.config = config;
        this.executor = executor;
        this.backend = backend;
        this.criteria = criteria;
        this.spaces = spaces;
    }

    /**
     * @param data the partitions, with every training row in {@link Partitions#train} (none held out)
     * @param info what to record about the data
     * @param listener hears each bag's search and the whole search's end
     * @return the union of the bags' ensembles, measured on the test partition, and every bag's records
     */
    SearchResult run(Partitions data, DatasetInfo info, SearchListener listener) {
        long start = System.nanoTime();
        int k = config.validation().bagCount();
        Dataset train = data.train();
        Task task = train.targets().task();
        List<int[]> heldOut = new ArrayList<>();
        List<Partitions> parts = draw(data, info, heldOut);
        List<SearchResult> results = new ArrayList<>();
        List<BagRecord> bags = new ArrayList<>();
        List<IterationRecord> records = new ArrayList<>();
        List<Member> members = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        int classes = task.outputWidth(train.targets());
        OutOfBag outOfBag = new OutOfBag(train.size(), classes);
        int offset = 0;
        for (int b = 0; b < k; b++) {
            Partitions p = parts.get(b);
            listener.bagStarted(b + 1, k, p.train().size(), p.selection().size());
            int first = offset;
            int bag = b + 1;
            long bagStart = System.nanoTime();
            SearchResult r = new AdaNetSearch(bagConfig(b, start), executor, backend, criteria, spaces)
                    .run(p, info, new BagListener(listener, bag, first), null, CheckpointSink.NONE);
            double seconds = (System.nanoTime() - bagStart) / 1e9;
            results.add(r);
            int last = first;
            for (IterationRecord it : r.iterations()) {
                records.add(it.inBag(bag, id -> first + id));
                for (int id : it.memberIds()) {
                    last = Math.max(last, first + id + 1);
                }
                for (int id : it.pruned()) {
                    last = Math.max(last, first + id + 1);
                }
            }
            Ensemble e = r.ensemble();
            List<Integer> ids = join(e, first, train, members, weights);
            for (int id : ids) {
                last = Math.max(last, id + 1);
            }
            float[] held = task.combine(e.selectionLogits(), e.weights());
            outOfBag.add(heldOut.get(b), held);
            bags.add(new BagRecord(
                    bag,
                    p.train().size(),
                    p.selection().size(),
                    r.finalIteration(),
                    ids,
                    task.headline(held, p.selection().targets()),
                    r.stoppedEarly(),
                    seconds));
            offset = last;
        }
        Ensemble union = new Ensemble(
                members, weights.stream().mapToDouble(Double::doubleValue).toArray());
        long finishStart = System.nanoTime();
        FinalMetrics metrics = AdaNetSearch.finalMetrics(
                union, train, data.test(), classes, calibration(union, data, outOfBag, classes));
        double finishSeconds = (System.nanoTime() - finishStart) / 1e9 - metrics.inferenceSeconds();
        double total = (System.nanoTime() - start) / 1e9 - metrics.inferenceSeconds();
        SearchResult result = new SearchResult(
                config,
                info,
                union,
                metrics,
                records,
                Timing.summed(results.stream().map(SearchResult::timing).toList(), total, finishSeconds),
                results.get(0).provenance(),
                null,
                -1,
                null,
                bags,
                null);
        listener.searchFinished(result);
        return result;
    }

    /**
     * Each bag's partitions: its own stratified validation part of the training rows, the rest to train on.
     *
     * @param heldOut receives each bag's held-out rows (indices into the training partition), in the bags' order
     */
    private List<Partitions> draw(Partitions data, DatasetInfo info, List<int[]> heldOut) {
        int k = config.validation().bagCount();
        Dataset train = data.train();
        Task task = train.targets().task();
        double fraction = config.selection().holdoutFraction();
        List<Partitions> parts = new ArrayList<>();
        for (int b = 0; b < k; b++) {
            Holdout drawn = task.holdout(train.targets(), fraction, Seeds.derive(config.seed(), Seeds.BAGS, 0, b + 1));
            Dataset validation = train.subset(drawn.heldOut(), train.name() + "/bag" + (b + 1) + "-validation");
            TrainableData.checkTest(
                    validation, info.name(), "bag " + (b + 1) + "'s validation part (--validation with --bags)");
            Dataset fit = train.subset(drawn.kept(), train.name() + "/bag" + (b + 1));
            heldOut.add(drawn.heldOut());
            parts.add(new Partitions(
                    fit,
                    validation,
                    data.test(),
                    data.description() + ", bag " + (b + 1) + " of " + k,
                    data.preprocessing()));
        }
        return parts;
    }

    /**
     * Adds a bag's final members to the union: numbered from {@code first}, their weights divided by K, their outputs
     * on the training rows computed on all of them (each bag's were on its own part).
     *
     * @return the union's ids of the members added
     */
    private List<Integer> join(Ensemble e, int first, Dataset train, List<Member> members, List<Double> weights) {
        Task task = train.targets().task();
        int classes = task.outputWidth(train.targets());
        int k = config.validation().bagCount();
        List<Integer> ids = new ArrayList<>();
        for (int j = 0; j < e.size(); j++) {
            Member m = e.members().get(j);
            float[] logits = m.network().logits(train);
            m.network().releaseBuffers();
            members.add(new Member(
                    first + m.id(),
                    m.iteration(),
                    m.candidate(),
                    m.network(),
                    logits,
                    logits,
                    m.testLogits(),
                    task.predictions(logits, classes),
                    m.testPredictions()));
            weights.add(e.weights()[j] / k);
            ids.add(first + m.id());
        }
        return ids;
    }

    /**
     * Bag b's settings: one search (no bags) with its own run seed, and, under a time budget, an equal share of the
     * time left when it starts.
     */
    private SearchConfig bagConfig(int b, long start) {
        return config.toBuilder()
                .seed(Seeds.derive(config.seed(), Seeds.BAGS, b + 1))
                .validation(config.validation().withBags(1))
                .stopping(config.stopping()
                        .shareOfTimeLeft(
                                (System.nanoTime() - start) / 1e9,
                                config.validation().bagCount() - b))
                .build();
    }

    /**
     * The union's calibration on the test data, with a temperature fitted on the out-of-bag outputs when the plan fits
     * one; null for a task without classes.
     */
    private CalibrationReport calibration(Ensemble union, Partitions data, OutOfBag outOfBag, int classes) {
        Task task = data.test().targets().task();
        if (!task.predictsClasses()) {
            return null;
        }
        float[] test = task.combine(union.testLogits(), union.weights());
        int[] testLabels = data.test().labels();
        if (config.validation().temperature() == ValidationPlan.Temperature.OFF) {
            return CalibrationReport.unscaled(test, testLabels, classes, "no temperature: temperature scaling is off");
        }
        int[] rows = outOfBag.rows();
        int[] all = data.train().labels();
        int[] labels = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            labels[i] = all[rows[i]];
        }
        return CalibrationReport.scaled(
                test,
                testLabels,
                outOfBag.logits(),
                labels,
                classes,
                "temperature fitted on the out-of-bag outputs (the " + rows.length + " training rows some bag held out,"
                        + " each scored by the mean of those bags' ensembles; lowest NLL), applied by predict and the"
                        + " ONNX export");
    }

    /** Each training row's outputs from the bags that held it out, summed, and how many did. */
    private static final class OutOfBag {
        private final float[] sums;
        private final int[] counts;
        private final int width;

        OutOfBag(int rows, int width) {
            this.sums = new float[rows * width];
            this.counts = new int[rows];
            this.width = width;
        }

        /** Adds a bag's outputs on the rows it held out, in the order of {@code rows}. */
        void add(int[] rows, float[] outputs) {
            for (int i = 0; i < rows.length; i++) {
                counts[rows[i]]++;
                for (int c = 0; c < width; c++) {
                    sums[rows[i] * width + c] += outputs[i * width + c];
                }
            }
        }

        /** @return the rows some bag held out, in increasing order */
        int[] rows() {
            return java.util.stream.IntStream.range(0, counts.length)
                    .filter(r -> counts[r] > 0)
                    .toArray();
        }

        /** @return the mean outputs of the bags that held each of {@link #rows()} out */
        float[] logits() {
            int[] rows = rows();
            float[] mean = new float[rows.length * width];
            for (int i = 0; i < rows.length; i++) {
                for (int c = 0; c < width; c++) {
                    mean[i * width + c] = sums[rows[i] * width + c] / counts[rows[i]];
                }
            }
            return mean;
        }
    }

    /** Passes a bag's events on, its records tagged with the bag and its member ids the union's; not its end. */
    private record BagListener(SearchListener to, int bag, int offset) implements SearchListener.Forwarding {
        @Override
        public void memberPruned(int iteration, int memberId, String criterion) {
            to.memberPruned(iteration, offset + memberId, criterion);
        }

        @Override
        public void iterationFinished(IterationRecord record) {
            to.iterationFinished(record.inBag(bag, id -> offset + id));
        }

        @Override
        public void warning(int iteration, String message) {
            to.warning(iteration, "bag " + bag + ": " + message);
        }

        @Override
        public void stopped(int iterationsRun, String reason) {
            to.stopped(iterationsRun, "bag " + bag + ": " + reason);
        }
    }
}
