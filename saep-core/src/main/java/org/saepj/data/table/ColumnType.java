package org.saepj.data.table;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a table column holds, inferred from the training file or set with {@code --column-types}: how its cells become
 * one float (a number, 0/1, or the index of a level) and how its gaps are filled.
 */
public enum ColumnType {
    /** Decimal numbers; a gap is filled with the training median. */
    NUMERIC,
    /** Two values such as yes/no, true/false, y/n, t/f or 1/0, read as 1/0; a gap takes the most frequent. */
    BOOLEAN,
    /** Text levels, one-hot encoded (rare and unseen levels as "other"); a gap takes the most frequent level. */
    CATEGORICAL;

    /** @return the name in files and options: "numeric", "boolean", "categorical" */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param id a name as typed
     * @return the type of that name (any case)
     */
    public static Optional<ColumnType> of(String id) {
        return Arrays.stream(values())
                .filter(t -> t.id().equalsIgnoreCase(id.trim()))
                .findFirst();
    }
}
