package org.saepj.data.source;

import java.util.Optional;
import org.saepj.data.image.ImageOptions;
import org.saepj.data.io.CsvReader;
import org.saepj.data.io.DecodedCache;

/**
 * How sources are read, for every {@link SourceKind}: each kind takes what concerns it.
 *
 * @param csv how CSV files are read (header, label column)
 * @param cache where decoded datasets are kept between loads, if anywhere (the data are the same either way)
 * @param images how folders of image files become samples (size, channels, warnings)
 */
public record ReadSettings(CsvReader.Options csv, Optional<DecodedCache> cache, ImageOptions images) {
    /**
     * Images at their own size and channels, warnings on standard error.
     *
     * @param csv how CSV files are read (header, label column)
     * @param cache where decoded datasets are kept between loads, if anywhere
     */
    public ReadSettings(CsvReader.Options csv, Optional<DecodedCache> cache) {
        this(csv, cache, ImageOptions.asTheyAre(ReadSettings::toStandardError));
    }

    /** @param line a warning, written as the command line writes its warnings */
    public static void toStandardError(String line) {
        System.err.println("warning: " + line);
    }
}
