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

    @Option(names = "--partition", paramLabel = "test|train|all", description = "Which part of the source (default: test for"
            + " evaluate and for image sources; predict scores every row of a CSV file unless a partition is given; on the search's own"
            + " source its own split).")
    String partition;

    /** @return the --data source as given */
    public String source() {
        return data;
    }

    /** @return whether --partition was given */
    public boolean partitionGiven() {
        return partition != null;
    }

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
        return ModelData.prepare(ensemble, dataOptions.sources(), data, partition == null ? "test" : partition);
    }
}
