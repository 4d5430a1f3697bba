package org.saepj.data.source;

import java.util.Optional;
import org.saepj.data.io.CsvReader;
import org.saepj.data.io.DecodedCache;

/**
 * How sources are read, for every {@link SourceKind}: each kind takes what concerns it.
 *
 * @param csv how CSV files are read (header, label column)
 * @param cache where decoded datasets are kept between loads, if anywhere (the data are the same either way)
 */
public record ReadSettings(CsvReader.Options csv, Optional<DecodedCache> cache) {
}
