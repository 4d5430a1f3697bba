package org.saepj.search;

import java.util.List;

/**
 * The data a run used.
 *
 * @param name the dataset's name
 * @param source the source as resolved
 * @param classes class names after any pair selection
 * @param trainSize samples trained on
 * @param selectionSize samples of the selection data (equal to trainSize when selecting on train)
 * @param testSize samples tested on
 * @param pair the class pair, or null for all classes
 * @param partition which partition this is ("train/test", "fold 2 of 5", …)
 * @param sha256 the fingerprint of the loaded content
 */
public record DatasetInfo(String name, String source, List<String> classes, int trainSize, int selectionSize, int testSize,
                          int[] pair, String partition, String sha256) {
}
