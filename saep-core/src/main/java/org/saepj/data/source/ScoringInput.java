package org.saepj.data.source;

import org.saepj.data.io.FeatureTable;
import org.saepj.data.io.ImageRows;

/**
 * The rows of one file that {@code predict} scores whole, as the file holds them (raw values: the model's stored
 * preprocessing is applied to them): a table of features with IDs and labels as written, or images with class
 * indices. The two shapes a prediction file can take; source kinds, however many, yield one of them.
 */
public sealed interface ScoringInput {
    /**
     * A table of feature rows.
     *
     * @param table the rows, their IDs and their labels as written
     */
    record Table(FeatureTable table) implements ScoringInput {}

    /**
     * Images of raw pixels.
     *
     * @param images the images and their class indices, if any
     */
    record Images(ImageRows images) implements ScoringInput {}
}
