package org.saepj.search;

import java.util.Optional;
import java.util.function.IntSupplier;
import org.saepj.data.Shape;
import org.saepj.task.Task;

/**
 * How many bags ({@link BaggedSearch}) a search that names none runs: {@value #BAGS} on a small classification table,
 * one otherwise. On a table of at most {@value #MAX_ROWS} training rows a search's choices rest on a few dozen held-out
 * rows and its ensemble varies with which rows those are; five searches with holdouts of their own, averaged, did
 * better on the nested cross-validation of 14 public tables (docs/RESULTS.md) at five times the training, which on
 * such a table is seconds to a minute. Images and larger tables keep one search: their validation part is large enough,
 * and five searches would cost minutes to hours; so do regression tables, where bagging was not measured. The paper's
 * choices (no validation part), a retraining on every row ({@code --refit}), a time budget ({@code --max-time}, which
 * plans one search) and bags given ({@code --bags}) are left as they are. The command line and the Java facade both ask
 * this one rule once the data is split.
 *
 * @param bags the bags the search runs
 * @param reason why, in words for the run's first lines
 */
public record DefaultBags(int bags, String reason) {
    /** The bags of a small table's search. */
    public static final int BAGS = 5;

    /** The most training rows (the validation part included) a table may have to be bagged by default. */
    public static final int MAX_ROWS = 1000;

    /**
     * @param config the search's configuration, its bags not given
     * @param input the shape of one sample of the loaded data
     * @param task the data's task: only a classification table is bagged by default
     * @param trainRows the rows the search trains and validates on (its training partition, before any validation part
     *     is held out): asked only when every other condition holds, since counting them may mean splitting the data
     * @return the bags of a search of that configuration on that data, or empty to keep one search
     */
    public static Optional<DefaultBags> forData(SearchConfig config, Shape input, Task task, IntSupplier trainRows) {
        ValidationPlan plan = config.validation();
        if (input.isImage()
                || !task.predictsClasses()
                || config.selection().isTrain()
                || plan.refits()
                || plan.bagged()
                || !plan.needsValidationPart()
                || config.stopping().maxSeconds() > 0) {
            return Optional.empty();
        }
        int rows = trainRows.getAsInt();
        if (rows > MAX_ROWS) {
            return Optional.empty();
        }
        return Optional.of(new DefaultBags(
                BAGS,
                BAGS + " bags, the default for a classification table of at most " + MAX_ROWS + " training rows ("
                        + rows
                        + "): five searches, each with a validation part of its own, averaged (--bags 1 runs one)"));
    }

    /**
     * @param config a configuration whose bags were not given
     * @return the configuration running these bags
     */
    public SearchConfig applyTo(SearchConfig config) {
        return config.toBuilder().bags(bags).build();
    }

    /** @return the line a search prints after its first: how many bags, and why */
    public String describe() {
        return "bags: " + reason;
    }
}
