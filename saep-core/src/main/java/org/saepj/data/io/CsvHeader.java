package org.saepj.data.io;

import java.util.List;
import org.saepj.data.StrictNumbers;

/** What both CSV readers ({@link CsvReader}, {@link FeatureTable}) know about a first row. */
final class CsvHeader {
    private CsvHeader() {
    }

    /**
     * @param cells a row's cells
     * @return how many are not numbers: the measure of both header heuristics
     */
    static long words(List<String> cells) {
        return cells.stream().filter(c -> !StrictNumbers.isNumber(c)).count();
    }
}
