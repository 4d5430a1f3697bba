package org.saepj.search;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import org.saepj.data.SourceData;
import org.saepj.data.source.SourceRecipe;
import org.saepj.persistence.JsonFormat;

/**
 * How another JVM — a cluster's executor — prepares the very partitions a search runs on here: the data's recipe, the
 * search's configuration (its one stored JSON form) and the fold. Partitions depend on these alone (splits and
 * standardisation are seeded by the configuration), so an executor that prepares them trains on the driver's data
 * without the data crossing the wire. Plain strings and numbers, so it travels with Java serialisation.
 */
public final class PartitionsRecipe implements Serializable {
    private static final long serialVersionUID = 1L;
    private final SourceRecipe source;
    private final String configJson;
    private final int foldIndex;

    /**
     * @param source how the data is loaded
     * @param config the search's configuration
     * @param foldIndex the fold from 0, or -1 for a search that is not one of several folds
     */
    public PartitionsRecipe(SourceRecipe source, SearchConfig config, int foldIndex) {
        this.source = source;
        try {
            this.configJson = JsonFormat.mapper().writeValueAsString(config);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("the configuration cannot be written: " + e.getMessage(), e);
        }
        this.foldIndex = foldIndex;
    }

    /** @return the search's configuration, read back from its JSON form */
    public SearchConfig config() {
        try {
            return JsonFormat.mapper().readValue(configJson, SearchConfig.class);
        } catch (IOException e) {
            throw new UncheckedIOException("the configuration cannot be read back: " + e.getMessage(), e);
        }
    }

    /** @return the fold from 0, or -1 */
    public int foldIndex() {
        return foldIndex;
    }

    /** @return the data, loaded as the driver loaded it (its fingerprint checked) */
    public SourceData load() {
        return source.load(config().dataset());
    }

    /**
     * @param data the data {@link #load} returned
     * @return the partitions of this search's fold
     */
    public Partitions prepare(SourceData data) {
        return Partitions.prepare(config(), data).get(Math.max(0, foldIndex));
    }
}
