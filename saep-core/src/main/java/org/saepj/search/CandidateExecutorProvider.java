package org.saepj.search;

import java.util.Map;
import java.util.Optional;
import org.saepj.Providers;
import org.saepj.engine.Backend;
import org.saepj.execution.CandidateExecutor;

/**
 * Makes a way of training a search's candidates elsewhere known
 * (a cluster): found with {@link java.util.ServiceLoader} through
 * {@code META-INF/services/org.saepj.search.CandidateExecutorProvider}, so the CLI offers it ({@code saep search
 * --spark MASTER}) when its jar is on the class path. The search itself stays here: selection, pruning, the mixture
 * and the checkpoint; only the training of each candidate, and its outputs, go out.
 */
public interface CandidateExecutorProvider {
    /** @return the id the CLI's option names ("spark") */
    String id();

    /**
     * Connects to the target and returns an executor ready to train one search's candidates, or fails with a one-line
     * error, within a bounded time, when the target cannot be reached.
     *
     * @param target where to run (a Spark master URL)
     * @param data how the remote side prepares the search's partitions
     * @param partitions this JVM's copy of them: the datasets the search's tasks name
     * @param backend the backend this JVM computes with; the remote side must use the same ones for the same numbers
     * @param settings the executor's own settings (Spark configuration keys), possibly none
     * @return the executor; the caller closes it
     * @throws org.saepj.SaepException when the target is malformed or cannot be reached
     */
    CandidateExecutor open(
            String target, PartitionsRecipe data, Partitions partitions, Backend backend, Map<String, String> settings);

    /**
     * @param id a provider's id ("spark")
     * @return its provider, when a jar on the class path declares one
     */
    static Optional<CandidateExecutorProvider> find(String id) {
        return Providers.find(CandidateExecutorProvider.class, CandidateExecutorProvider::id, id);
    }
}
