package org.saepj.cli.option;

import java.nio.file.Path;
import org.saepj.cli.UsageError;
import org.saepj.cli.data.DataOptions;
import org.saepj.cli.data.ModelData;
import org.saepj.engine.Backends;
import org.saepj.persistence.SavedEnsemble;
import org.saepj.subnetwork.ModelKind;
import picocli.CommandLine.Option;

/** The options of commands that apply a saved ensemble to data: {@code evaluate} and {@code predict}. */
public final class ModelOptions {
    @Option(
            names = "--model",
            required = true,
            paramLabel = "DIR",
            description = "A saved ensemble (OUT/ensemble of a search).")
    public Path model;

    @Option(names = "--data", required = true, paramLabel = "SOURCE", description = "The data source.")
    String data;

    @Option(
            names = "--partition",
            paramLabel = "test|train|all",
            description = "Which part of the source (default: test for"
                    + " evaluate and for image sources; predict scores every row of a CSV file unless a"
                    + " partition is given; on the search's own"
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
        // search's --model names a search space; here it names a directory: say so rather than "cnn does not exist".
        boolean spaceName = java.util.Arrays.stream(ModelKind.values()).anyMatch(k -> k.id().equals(model.toString()));
        if (spaceName && !java.nio.file.Files.exists(model)) {
            throw new UsageError("--model " + model + ": expected a saved ensemble's directory (OUT/ensemble of a"
                    + " search), not a search space: dnn, cnn and linear are search's --model");
        }
        return SavedEnsemble.load(model, Backends.best());
    }

    /**
     * @param ensemble the loaded ensemble
     * @param dataOptions where sources are found
     * @return the samples, prepared as the search prepared them, and what they are
     */
    public ModelData.Scored data(SavedEnsemble ensemble, DataOptions dataOptions) {
        return ModelData.prepare(
                ensemble,
                dataOptions.sourcesFor(ensemble.manifest().inputShape()),
                data,
                partition == null ? "test" : partition);
    }
}
