package org.saepj.spark;

import java.util.Map;
import org.saepj.data.source.SourceRecipe;
import org.saepj.run.GridExecutor;
import org.saepj.run.GridExecutorProvider;

/**
 * {@code saep compare … --spark MASTER} and {@code saep search --folds K --spark MASTER}: the grid's searches as Spark
 * tasks, on a context {@link SparkContexts} starts.
 */
public final class SparkGrids implements GridExecutorProvider {
    @Override
    public String id() {
        return "spark";
    }

    @Override
    public GridExecutor open(String master, SourceRecipe data, Map<String, String> settings) {
        return new SparkGridExecutor(SparkContexts.start(master, "SAEP-J comparison", settings), data);
    }
}
