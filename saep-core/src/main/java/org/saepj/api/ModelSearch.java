package org.saepj.api;

import java.nio.file.Path;
import java.util.List;
import org.saepj.DataException;
import org.saepj.SaepException;
import org.saepj.data.SourceData;
import org.saepj.engine.Backend;
import org.saepj.engine.Backends;
import org.saepj.execution.LocalExecutor;
import org.saepj.persistence.RunLock;
import org.saepj.persistence.SavedEnsemble;
import org.saepj.persistence.SearchExport;
import org.saepj.run.RunDirectory;
import org.saepj.search.AdaNetSearch;
import org.saepj.search.DatasetInfo;
import org.saepj.search.Experiment;
import org.saepj.search.Partitions;
import org.saepj.search.SearchConfig;
import org.saepj.search.SearchListener;
import org.saepj.search.SearchResult;

/**
 * One search as {@code saep search} runs it — the same partitions, the same search, the same saved ensemble — kept in
 * memory, or written into a run folder with its report and checkpoints. The task (classification, regression) is the
 * data's: its targets name it.
 */
final class ModelSearch {
    private ModelSearch() {}

    /**
     * A finished search as the models of this package hold it.
     *
     * @param ensemble the saved form of the final ensemble
     * @param report what the search did
     * @param folder the run folder, or null when the search ran in memory
     */
    record Fit(SavedEnsemble ensemble, FitReport report, Path folder) {}

    /**
     * @param config the checked settings
     * @param data the loaded data
     * @param folder the run folder, checked by {@link OutputFolder#check}, or null to keep the run in memory
     * @param listener progress events
     * @return the fitted ensemble and its report
     * @throws SaepException when the data cannot be split as the settings say
     */
    static Fit run(SearchConfig config, SourceData data, Path folder, SearchListener listener) {
        Partitions p = partitions(config, data);
        DatasetInfo info = Experiment.info(config, data, p);
        Backend backend = Backends.best();
        SearchResult r;
        try (LocalExecutor executor = new LocalExecutor(config.threads(), backend)) {
            if (folder == null) {
                r = new AdaNetSearch(config, executor, backend).run(p, info, listener);
            } else {
                try (RunLock lock = OutputFolder.take(folder, "outputFolder")) {
                    RunDirectory run = RunDirectory.open(folder, false, backend, data.sha256());
                    r = run.complete(config, p, info, executor, backend, listener, SearchExport.NO_FOLD);
                }
            }
        }
        SavedEnsemble ensemble = SearchExport.of(r, p);
        return new Fit(ensemble, FitReport.of(r, ensemble), folder);
    }

    /**
     * @param config the checked settings
     * @param data the loaded data
     * @return the rows the search trains and makes its choices on ({@link Partitions#trainingRows})
     */
    static int trainingRows(SearchConfig config, SourceData data) {
        return partitions(config, data).trainingRows();
    }

    /** The search's one split: the API runs no cross-validation, whose K models a single result cannot stand for. */
    private static Partitions partitions(SearchConfig config, SourceData data) {
        List<Partitions> all;
        try {
            all = Partitions.prepare(config, data);
        } catch (IllegalArgumentException e) {
            throw new DataException(data.name() + ": " + e.getMessage(), e);
        }
        return all.get(0);
    }
}
