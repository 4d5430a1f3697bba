package org.saepj.spark;

import java.io.Serializable;
import org.saepj.search.PartitionsRecipe;

/**
 * What crosses the wire to an executor for one run of a grid: its name and the recipe of its partitions (the data's
 * recipe, the configuration as its one stored JSON form, the fold), never the driver's data. A final class rather than
 * a record: Spark's Kryo cannot serialise records, and Java serialisation of these fields is all a task needs.
 */
final class GridTask implements Serializable {
    private static final long serialVersionUID = 1L;
    final String name;
    final PartitionsRecipe run;

    GridTask(String name, PartitionsRecipe run) {
        this.name = name;
        this.run = run;
    }
}
