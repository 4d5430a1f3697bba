package org.saepj.spark;

import java.io.Serializable;
import org.saepj.data.source.SourceRecipe;

/**
 * What crosses the wire to an executor for one run of a grid: plain strings and numbers (the configuration as its
 * one stored JSON form), never the driver's data. A final class rather than a record: Spark's Kryo cannot
 * serialise records, and Java serialisation of these fields is all a task needs.
 */
final class GridTask implements Serializable {
    private static final long serialVersionUID = 1L;
    final int index;
    final String name;
    final String configJson;
    final int foldIndex;
    final SourceRecipe data;

    GridTask(int index, String name, String configJson, int foldIndex, SourceRecipe data) {
        this.index = index;
        this.name = name;
        this.configJson = configJson;
        this.foldIndex = foldIndex;
        this.data = data;
    }
}
