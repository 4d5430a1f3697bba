package org.saepj.search;

import org.saepj.pruning.Criteria;
import org.saepj.pruning.PruningCriterion;
import org.saepj.task.Task;

/**
 * Refuses, before any training, a pruning criterion that judges members by their predicted classes in a search whose
 * task has none (regression), in one line naming the criteria that do apply. Which criteria apply is each
 * criterion's own declaration ({@link PruningCriterion#appliesToValues()}), listed by {@link Criteria#forValues()}.
 */
public final class CriterionTaskCheck {
    private CriterionTaskCheck() {}

    /**
     * @param criterion the search's criterion
     * @param task the task of the search's targets
     * @param criteria the known criteria, for the list of those that apply
     * @throws InvalidSettingException on the setting {@code criterion} when the criterion cannot decide for the task
     */
    public static void check(PruningCriterion criterion, Task task, Criteria criteria) {
        if (!task.predictsClasses() && criterion.prunes() && !criterion.appliesToValues()) {
            throw new InvalidSettingException(
                    "criterion",
                    criterion.id() + " judges members by their predicted classes, which a " + task.id()
                            + " search has not: use " + String.join(", ", criteria.forValues()));
        }
    }
}
