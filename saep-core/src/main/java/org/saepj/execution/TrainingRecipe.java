package org.saepj.execution;

import org.saepj.data.Augmentation;
import org.saepj.engine.optim.LearningRateSchedule;

/**
 * How a candidate trains beyond its optimizer: the learning-rate schedule over its steps, label smoothing of its
 * training loss, the augmentation of its training batches with the stream those draws come from, and the clipping of
 * its gradients' global norm. {@link #PLAIN} is today's and the paper's training, bit for bit.
 *
 * @param schedule the learning rate's factor over the run's steps
 * @param labelSmoothing ε of the training loss, 0 for none
 * @param augmentation what is done to each training image
 * @param augmentationSeed the seed of the augmentation's draws (candidates of one iteration share it, and their
 *     batches)
 * @param clipNorm the largest global L2 norm of a step's gradients, 0 for no clipping
 */
public record TrainingRecipe(
        LearningRateSchedule schedule,
        double labelSmoothing,
        Augmentation augmentation,
        long augmentationSeed,
        double clipNorm) {
    /** Constant rate, no smoothing, no augmentation, no clipping. */
    public static final TrainingRecipe PLAIN =
            new TrainingRecipe(LearningRateSchedule.CONSTANT, 0, Augmentation.NONE, 0, 0);

    /**
     * Fills absent parts with the plain ones.
     *
     * @param schedule the learning rate's factor over the run's steps
     * @param labelSmoothing ε of the training loss, 0 for none
     * @param augmentation what is done to each training image
     * @param augmentationSeed the seed of the augmentation's draws
     * @param clipNorm the largest global norm of a step's gradients, 0 for none
     */
    public TrainingRecipe {
        schedule = schedule == null ? LearningRateSchedule.CONSTANT : schedule;
        augmentation = augmentation == null ? Augmentation.NONE : augmentation;
    }

    /** @return true when training is today's: nothing to schedule, smooth, augment or clip */
    @com.fasterxml.jackson.annotation.JsonIgnore // a property of the value, not a setting to store
    public boolean isPlain() {
        return schedule.isConstant() && labelSmoothing == 0 && augmentation.isNone() && clipNorm == 0;
    }
}
