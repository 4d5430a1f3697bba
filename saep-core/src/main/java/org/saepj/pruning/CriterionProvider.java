package org.saepj.pruning;

import java.util.List;
import java.util.Map;

/**
 * Makes a pruning criterion known: its id, a one-line summary, its parameters and how to create it. Found
 * with {@link java.util.ServiceLoader} (a {@code META-INF/services/org.saepj.pruning.CriterionProvider} file
 * naming the class), so a criterion in a jar of its own appears in {@code --method}, its help, the reports and
 * {@code saep prune} without a change anywhere else; or registered explicitly with {@link Criteria#with}.
 */
public interface CriterionProvider {
    /** @return the id, lower case, as typed after {@code --method} */
    String id();

    /** @return one line for help */
    String summary();

    /** @return the parameters it takes, none by default */
    default List<CriterionParameter> parameters() {
        return List.of();
    }

    /**
     * @param values every declared parameter's value, checked against its range and defaults filled in
     * @return the criterion
     */
    PruningCriterion create(Map<String, Double> values);
}
