package org.saepj.search;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.saepj.data.SourceData;
import org.saepj.task.ClassificationTask;
import org.saepj.task.Task;
import org.saepj.task.Tasks;

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
 * @param separateTest the two sources when the test data came from a source of its own, else null
 * @param featureNames the features' names (tabular data with a header), else empty
 * @param task the task's id when it is not classification (the key is absent for classification, as in reports
 *     written before tasks existed)
 */
public record DatasetInfo(
        String name,
        String source,
        List<String> classes,
        int trainSize,
        int selectionSize,
        int testSize,
        int[] pair,
        String partition,
        String sha256,
        SourceData.SeparateTest separateTest,
        List<String> featureNames,
        @JsonInclude(JsonInclude.Include.NON_NULL) String task) {
    /** @return the task the run learned: the recorded one, classification where none is recorded */
    @JsonIgnore
    public Task learned() {
        return Tasks.of(task == null ? ClassificationTask.ID : task);
    }
}
