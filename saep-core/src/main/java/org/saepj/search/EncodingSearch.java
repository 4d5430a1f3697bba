package org.saepj.search;

import java.util.ArrayList;
import java.util.List;
import org.saepj.data.Dataset;
import org.saepj.data.preprocess.PiecewiseLinear;
import org.saepj.data.preprocess.Scaling;
import org.saepj.engine.Backend;
import org.saepj.ensemble.Ensemble;
import org.saepj.execution.CandidateExecutor;
import org.saepj.pruning.Criteria;
import org.saepj.subnetwork.Spaces;
import org.saepj.task.Task;

/**
 * A search with {@code --scaling auto}: the whole search (one, or a bagged one) runs on the standardised features,
 * then again on their piecewise-linear encoding ({@link PiecewiseLinear}, quantile bins of the training rows), and the
 * run whose final ensemble has the lower loss on the validation data is the result ({@link EncodingChoice}). Which
 * encoding suits a table is not known in advance: on the nested cross-validation of 13 public tables
 * (docs/RESULTS.md) the bins did better on some (glass, iris) and worse on others (vehicle, infert), and this choice by
 * the bags' validation loss was level with standardising on average (−0.2 points): an option for a user's own table,
 * not the default.
 *
 * <p>The encoding is fitted on the search's training rows only (for a bagged search every training row, as its
 * standardising is; quantiles read no label), after the standardising: quantiles move with an affine map, so the
 * bins and the encoded values are those of the raw features (to rounding). Both runs use the same seeds, so each is
 * the run that naming its scaling would give (the standard one to the digit), and the result is the same whatever the
 * thread count. A time budget is shared: each run gets an equal share of what is left when it starts. Like a bagged
 * search it keeps no checkpoints.
 *
 * @param config the search's settings, its scaling {@link Scaling#AUTO}
 * @param executor trains every run's candidates
 * @param backend the backend the networks use
 * @param criteria where the pruning criterion is found
 * @param spaces where a search-space plug-in is found
 */
record EncodingSearch(
        SearchConfig config, CandidateExecutor executor, Backend backend, Criteria criteria, Spaces spaces) {
    /**
     * @param data the partitions, prepared with standardised features
     * @param info what to record about the data
     * @param listener hears each run's events and the whole search's end
     * @return the kept run's result, its configuration the search's (scaling auto) and its choice recorded
     */
    SearchResult run(Partitions data, DatasetInfo info, SearchListener listener) {
        long start = System.nanoTime();
        PiecewiseLinear bins = new PiecewiseLinear.Kind().fit(data.train());
        List<Scaling> encodings = List.of(Scaling.STANDARD, Scaling.PLE);
        List<SearchResult> results = new ArrayList<>();
        List<EncodingChoice.Tried> tried = new ArrayList<>();
        for (int i = 0; i < encodings.size(); i++) {
            Scaling encoding = encodings.get(i);
            Partitions parts = encoding == Scaling.STANDARD ? data : data.withStep(bins);
            listener.encodingStarted(i + 1, encodings.size(), encoding);
            long runStart = System.nanoTime();
            SearchResult r = new AdaNetSearch(
                            runConfig(encoding, i, encodings.size(), start), executor, backend, criteria, spaces)
                    .run(parts, info, new RunListener(listener), null, CheckpointSink.NONE);
            double[] figures = validationFigures(r, parts);
            tried.add(new EncodingChoice.Tried(encoding, figures[0], figures[1], (System.nanoTime() - runStart) / 1e9));
            results.add(r);
        }
        int kept = kept(tried);
        EncodingChoice choice = new EncodingChoice(
                encodings.get(kept),
                tried,
                config.validation().bagged()
                        ? "mean over the bags of each bag's final ensemble's loss on its own validation part"
                        : "the final ensemble's loss on the validation part",
                kept == 0 ? null : bins);
        SearchResult result = results.get(kept)
                .withEncoding(
                        config,
                        choice,
                        Timing.summed(
                                results.stream().map(SearchResult::timing).toList(),
                                (System.nanoTime() - start) / 1e9,
                                0));
        listener.searchFinished(result);
        return result;
    }

    /**
     * @param tried the runs, the standardised features' first
     * @return the index of the run to keep: the lowest validation loss; a tie keeps the earlier run (the standardised
     *     features, the paper's inputs), and a run without a loss (every candidate diverged, an empty ensemble) loses
     *     to one with
     */
    static int kept(List<EncodingChoice.Tried> tried) {
        int best = 0;
        for (int i = 1; i < tried.size(); i++) {
            if (orInfinity(tried.get(i).validationLoss())
                    < orInfinity(tried.get(best).validationLoss())) {
                best = i;
            }
        }
        return best;
    }

    private static double orInfinity(double loss) {
        return Double.isNaN(loss) ? Double.POSITIVE_INFINITY : loss;
    }

    /** A run's settings: the encoding named, and under a time budget an equal share of what is left. */
    private SearchConfig runConfig(Scaling encoding, int index, int runs, long start) {
        return config.toBuilder()
                .scaling(encoding)
                .stopping(config.stopping().shareOfTimeLeft((System.nanoTime() - start) / 1e9, runs - index))
                .build();
    }

    /**
     * The final ensemble's loss and headline on the validation data: a bagged search's, the mean over its bags of each
     * bag's final ensemble on its own validation part.
     *
     * @param r a finished run
     * @param data the partitions it ran on
     * @return {loss, headline}
     */
    static double[] validationFigures(SearchResult r, Partitions data) {
        if (r.bags() != null && !r.bags().isEmpty()) {
            double loss = 0;
            double headline = 0;
            for (BagRecord b : r.bags()) {
                IterationRecord last = r.iterations().stream()
                        .filter(it -> it.bag() != null && it.bag() == b.bag() && it.iteration() == b.finalIteration())
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("bag " + b.bag() + " has no final iteration"));
                loss += last.validationLoss();
                headline += b.validationHeadline();
            }
            return new double[] {loss / r.bags().size(), headline / r.bags().size()};
        }
        IterationRecord last = r.iterations().stream()
                .filter(it -> it.iteration() == r.finalIteration())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no final iteration " + r.finalIteration()));
        Dataset selection = data.selection();
        Task task = selection.targets().task();
        Ensemble e = r.ensemble();
        double headline = e.size() == 0
                ? Double.NaN
                : task.headline(task.combine(e.selectionLogits(), e.weights()), selection.targets());
        return new double[] {last.validationLoss(), headline};
    }

    /** Passes a run's events on, but not its end: the search ends once both ran. */
    private record RunListener(SearchListener to) implements SearchListener.Forwarding {}
}
