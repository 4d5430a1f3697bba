package org.saepj.ensemble;

import org.saepj.engine.Network;
import org.saepj.subnetwork.CandidateSpec;

/**
 * A frozen member of the ensemble with the outputs it computed once when it joined: its logits and predicted
 * labels on the training, selection and test partitions. Nothing here changes after construction, so
 * selection, pruning and mixture fitting never re-run the network.
 *
 * @param id a run-unique id, in order of joining
 * @param iteration the iteration that added it
 * @param candidate what it was trained as
 * @param network its trained network
 * @param trainLogits logits on the training partition
 * @param selectionLogits logits on the selection data (the same array as trainLogits when selection is the
 *     training partition)
 * @param testLogits logits on the test partition
 * @param selectionPredictions argmax of selectionLogits
 * @param testPredictions argmax of testLogits
 */
public record Member(
        int id,
        int iteration,
        CandidateSpec candidate,
        Network network,
        float[] trainLogits,
        float[] selectionLogits,
        float[] testLogits,
        int[] selectionPredictions,
        int[] testPredictions) {
    /** @return r(h), the complexity of spec §3 */
    public double complexity() {
        return candidate.complexityValue();
    }

    /** @return the number of hidden layers (DNN) or 1 (CNN) */
    public int depth() {
        return candidate.architecture().depth();
    }
}
