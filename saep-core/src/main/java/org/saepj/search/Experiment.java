package org.saepj.search;

import java.util.ArrayList;
import java.util.List;
import org.saepj.data.SourceData;
import org.saepj.engine.Backend;
import org.saepj.engine.Backends;
import org.saepj.execution.CandidateExecutor;
import org.saepj.execution.LocalExecutor;
import org.saepj.task.ClassLabels;
import org.saepj.task.Targets;

/**
 * The entry point of the Java API: runs a configured search on loaded data, once for a plain split or once
 * per fold for K-fold cross-validation.
 *
 * <pre>{@code
 * SourceData data = new DataSources(DatasetLocator.standard(null), CsvReader.Options.defaults()).load("fashion-mnist");
 * SearchConfig config = SearchConfig.builder().method("pie").seed(1).build();
 * SearchResult result = Experiment.run(config, data, SearchListener.NONE).get(0);
 * }</pre>
 */
public final class Experiment {
    private Experiment() {}

    /**
     * Runs with the local executor and the fastest backend.
     *
     * @param config the configuration
     * @param data the loaded source
     * @param listener progress events
     * @return one result per run (one, or K for K folds)
     */
    public static List<SearchResult> run(SearchConfig config, SourceData data, SearchListener listener) {
        Backend backend = Backends.best();
        try (CandidateExecutor executor = new LocalExecutor(config.threads(), backend)) {
            return run(config, data, executor, backend, listener);
        }
    }

    /**
     * Runs with a given executor.
     *
     * @param config the configuration
     * @param data the loaded source
     * @param executor trains the candidates
     * @param backend the backend the networks use
     * @param listener progress events
     * @return one result per run
     */
    public static List<SearchResult> run(
            SearchConfig config,
            SourceData data,
            CandidateExecutor executor,
            Backend backend,
            SearchListener listener) {
        List<SearchResult> results = new ArrayList<>();
        for (Partitions p : Partitions.prepare(config, data)) {
            results.add(new AdaNetSearch(config, executor, backend).run(p, info(config, data, p), listener));
        }
        return results;
    }

    /**
     * @param config the configuration
     * @param data the loaded source
     * @param p the partitions of one run
     * @return what a result records about its data
     */
    public static DatasetInfo info(SearchConfig config, SourceData data, Partitions p) {
        Targets y = p.train().targets();
        List<String> classes = y instanceof ClassLabels labels ? labels.classNames() : List.of();
        String task = y instanceof ClassLabels ? null : y.task().id();
        return new DatasetInfo(
                data.name(),
                data.source(),
                classes,
                p.train().size(),
                p.selection().size(),
                p.test().size(),
                config.pair(),
                p.description(),
                data.sha256(),
                data.separateTest(),
                data.featureNames(),
                task);
    }
}
