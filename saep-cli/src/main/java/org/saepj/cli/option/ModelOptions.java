package org.saepj.cli.option;

import java.nio.file.Path;
import org.saepj.cli.data.DataOptions;
import org.saepj.cli.data.ModelData;
import org.saepj.engine.kernel.KernelsProvider;
import org.saepj.persistence.SavedEnsemble;
import picocli.CommandLine.Option;

/** The options of commands that apply a saved ensemble to data: {@code evaluate} and {@code predict}. */
public final class ModelOptions {
    @Option(names = "--model", required = true, paramLabel = "DIR", description = "A saved ensemble (OUT/ensemble of a search).")
    public Path model;

    @Option(names = "--data", required = true, paramLabel = "SOURCE", description = "The data source.")
    String data;

    @Option(names = "--partition", paramLabel = "test|train|all", defaultValue = "test",
            description = "Which part of the source (default: ${DEFAULT-VALUE}; the search's own split on its own source).")
    String partition;

    /** @return the loaded ensemble */
    public SavedEnsemble load() {
        return SavedEnsemble.load(model, KernelsProvider.best());
    }

    /**
     * @param ensemble the loaded ensemble
     * @param dataOptions where sources are found
     * @return the samples, prepared as the search prepared them, and what they are
     */
    public ModelData.Scored data(SavedEnsemble ensemble, DataOptions dataOptions) {
        return ModelData.prepare(ensemble, dataOptions.sources(), data, partition);
    }
}
