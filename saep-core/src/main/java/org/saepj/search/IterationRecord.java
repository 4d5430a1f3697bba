package org.saepj.search;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.saepj.diversity.Diversity;
import org.saepj.pruning.PruneDecision;
import org.saepj.task.RegressionMetrics;

/**
 * What one iteration did (spec §9).
 *
 * @param iteration t, from 0
 * @param pruned ids of the members pruned at its start
 * @param pruneDecision the criterion's decision and numbers (indices refer to the ensemble before pruning)
 * @param candidates each candidate and its objective
 * @param selected "keep" when the ensemble stayed as it was, else the chosen candidate's name
 * @param ensembleSize members after the iteration
 * @param memberIds the members after the iteration
 * @param memberDepths their depths
 * @param weights their mixture weights
 * @param selectionObjective the chosen option's objective on the selection data
 * @param testAccuracy the ensemble's accuracy on the test partition (NaN, written null, for regression)
 * @param diversity the members' diversity of predicted classes on the test partition (no pairs for regression)
 * @param trainSeconds wall time of candidate training (with the candidates' output computation)
 * @param seconds wall time of the whole iteration
 * @param validationLoss the ensemble's loss on the validation part after the iteration (NaN without one: the paper's)
 * @param regression the ensemble's RMSE, MAE, R² and ambiguity decomposition on the test partition (regression only:
 *     the key is absent for classification)
 * @param bag the bag (from 1) whose search ran the iteration, in a bagged search ({@link BaggedSearch}); absent, null,
 *     in one search's records
 */
public record IterationRecord(
        int iteration,
        List<Integer> pruned,
        PruneDecision pruneDecision,
        List<CandidateRecord> candidates,
        String selected,
        int ensembleSize,
        List<Integer> memberIds,
        List<Integer> memberDepths,
        double[] weights,
        double selectionObjective,
        double testAccuracy,
        Diversity diversity,
        double trainSeconds,
        double seconds,
        Double validationLoss,
        @JsonInclude(JsonInclude.Include.NON_NULL) RegressionMetrics regression,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer bag) {
    /** @return the task's headline on the test partition: the accuracy, or a regression's RMSE in the data's unit */
    @JsonIgnore
    public double headline() {
        return regression == null ? testAccuracy : regression.rmse();
    }

    /**
     * Reads records written before the validation loss was recorded as NaN (none).
     *
     * @param iteration t, from 0
     * @param pruned ids of the members pruned at its start
     * @param pruneDecision the criterion's decision and numbers
     * @param candidates each candidate and its objective
     * @param selected "keep" or the chosen candidate's name
     * @param ensembleSize members after the iteration
     * @param memberIds the members after the iteration
     * @param memberDepths their depths
     * @param weights their mixture weights
     * @param selectionObjective the chosen option's objective on the selection data
     * @param testAccuracy the ensemble's accuracy on the test partition
     * @param diversity the members' diversity on the test partition
     * @param trainSeconds wall time of candidate training
     * @param seconds wall time of the whole iteration
     * @param validationLoss the ensemble's loss on the validation part, or null/NaN without one
     * @param regression the regression measures, or null
     * @param bag the bag whose search ran the iteration, or null in one search's records
     */
    public IterationRecord {
        validationLoss = validationLoss == null ? Double.NaN : validationLoss;
    }

    /**
     * @param b the bag (from 1) whose search ran this iteration
     * @param ids the union's id of each member id of that bag's search ({@link BaggedSearch} numbers the members of
     *     all bags apart)
     * @return this record as one of a bagged search's, its member ids (after the iteration and pruned) the union's
     */
    public IterationRecord inBag(int b, java.util.function.IntUnaryOperator ids) {
        return new IterationRecord(
                iteration,
                pruned.stream().map(ids::applyAsInt).toList(),
                pruneDecision,
                candidates,
                selected,
                ensembleSize,
                memberIds.stream().map(ids::applyAsInt).toList(),
                memberDepths,
                weights,
                selectionObjective,
                testAccuracy,
                diversity,
                trainSeconds,
                seconds,
                validationLoss,
                regression,
                b);
    }

    /**
     * A record without a validation loss (a search without a validation part).
     *
     * @param iteration t, from 0
     * @param pruned ids of the members pruned at its start
     * @param pruneDecision the criterion's decision and numbers
     * @param candidates each candidate and its objective
     * @param selected "keep" or the chosen candidate's name
     * @param ensembleSize members after the iteration
     * @param memberIds the members after the iteration
     * @param memberDepths their depths
     * @param weights their mixture weights
     * @param selectionObjective the chosen option's objective on the selection data
     * @param testAccuracy the ensemble's accuracy on the test partition
     * @param diversity the members' diversity on the test partition
     * @param trainSeconds wall time of candidate training
     * @param seconds wall time of the whole iteration
     */
    public IterationRecord(
            int iteration,
            List<Integer> pruned,
            PruneDecision pruneDecision,
            List<CandidateRecord> candidates,
            String selected,
            int ensembleSize,
            List<Integer> memberIds,
            List<Integer> memberDepths,
            double[] weights,
            double selectionObjective,
            double testAccuracy,
            Diversity diversity,
            double trainSeconds,
            double seconds) {
        this(
                iteration,
                pruned,
                pruneDecision,
                candidates,
                selected,
                ensembleSize,
                memberIds,
                memberDepths,
                weights,
                selectionObjective,
                testAccuracy,
                diversity,
                trainSeconds,
                seconds,
                Double.NaN,
                null,
                null);
    }
}
