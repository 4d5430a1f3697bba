package org.saepj.run;

import java.util.Optional;
import org.saepj.Providers;

/** The grid executors on the class path, by id. */
public final class GridExecutors {
    private GridExecutors() {}

    /**
     * @param id an executor's id ("spark")
     * @return its provider, when a jar on the class path declares one
     */
    public static Optional<GridExecutorProvider> find(String id) {
        return Providers.find(GridExecutorProvider.class, GridExecutorProvider::id, id);
    }
}
