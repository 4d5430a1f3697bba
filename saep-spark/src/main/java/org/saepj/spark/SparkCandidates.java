package org.saepj.spark;

import java.util.Map;
import org.saepj.engine.Backend;
import org.saepj.execution.CandidateExecutor;
import org.saepj.search.CandidateExecutorProvider;
import org.saepj.search.Partitions;
import org.saepj.search.PartitionsRecipe;

/** {@code saep search … --spark MASTER}: each candidate a Spark task, on a context {@link SparkContexts} starts. */
public final class SparkCandidates implements CandidateExecutorProvider {
    @Override
    public String id() {
        return "spark";
    }

    @Override
    public CandidateExecutor open(
            String master,
            PartitionsRecipe data,
            Partitions partitions,
            Backend backend,
            Map<String, String> settings) {
        return new SparkCandidateExecutor(
                SparkContexts.start(master, "SAEP-J search", settings), data, partitions, backend);
    }
}
