package org.saepj.search;

import java.util.Locale;
import org.saepj.data.Augmentation;
import org.saepj.data.Shape;
import org.saepj.engine.optim.LearningRateSchedule;
import org.saepj.execution.TrainingRecipe;
import org.saepj.subnetwork.SearchSpace;
import org.saepj.subnetwork.Seeds;
import org.saepj.task.Task;

/**
 * How each candidate trains, beyond what its search space gives it: the optimizer (the space's own, or AdamW / Adam
 * at the space's learning rate), weight decay (AdamW's decoupled one, or coupled L2 on the space's own SGD with
 * momentum), the learning-rate schedule over each candidate's
 * steps, label smoothing of the classification loss, augmentation of training images, and clipping of the
 * gradients' global norm. {@link #PAPER} changes nothing: the paper's searches train bit for bit as they always did.
 *
 * @param optimizer which optimizer candidates train with
 * @param weightDecay AdamW's λ, or with the space's own optimizer the coupled L2 λ its SGD with momentum adds to
 *     the gradients (0: the space's own settings); 0 for Adam; NaN takes the default (AdamW's 0.01, otherwise 0)
 * @param schedule the learning rate's factor over each candidate's steps
 * @param labelSmoothing ε of the training loss in [0, 1), classification only
 * @param augmentation what is done to each training image, images only
 * @param clipNorm the largest global L2 norm of a step's gradients (PyTorch's {@code clip_grad_norm_}), 0 for no
 *     clipping
 * @param learningRate the base rate every candidate trains at, replacing each family's own (a space file's, a
 *     built-in space's); null for the space's rates. Absent from a stored plan unless set.
 */
public record TrainingPlan(
        OptimizerChoice optimizer,
        double weightDecay,
        LearningRateSchedule schedule,
        double labelSmoothing,
        Augmentation augmentation,
        double clipNorm,

        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        Double learningRate) {
    /** The space's optimizer at a constant rate, no smoothing, no augmentation, no clipping. */
    public static final TrainingPlan PAPER =
            new TrainingPlan(OptimizerChoice.SPACE, 0, LearningRateSchedule.CONSTANT, 0, Augmentation.NONE, 0);

    /**
     * Fills absent parts (a configuration stored before they existed) with the paper's and checks the values.
     *
     * @param optimizer which optimizer candidates train with
     * @param weightDecay AdamW's λ; NaN for its default
     * @param schedule the learning rate's factor over each candidate's steps
     * @param labelSmoothing ε of the training loss
     * @param augmentation what is done to each training image
     * @param clipNorm the largest global norm of a step's gradients, 0 for none
     * @param learningRate the rate replacing the space's, or null
     * @throws InvalidSettingException naming the setting
     */
    public TrainingPlan {
        optimizer = optimizer == null ? OptimizerChoice.SPACE : optimizer;
        schedule = schedule == null ? LearningRateSchedule.CONSTANT : schedule;
        augmentation = augmentation == null ? Augmentation.NONE : augmentation;
        if (Double.isNaN(clipNorm)) {
            clipNorm = 0; // absent: a plan stored before clipping existed
        }
        if (Double.isNaN(weightDecay)) {
            weightDecay = optimizer == OptimizerChoice.ADAMW ? DEFAULT_WEIGHT_DECAY : 0;
        }
        InvalidSettingException.require(
                weightDecay >= 0 && Double.isFinite(weightDecay),
                "weightDecay",
                "must be a number of at least 0, such as 0.01, got " + weightDecay);
        InvalidSettingException.require(
                weightDecay == 0 || optimizer != OptimizerChoice.ADAM,
                "weightDecay",
                "needs the adamw optimizer (decoupled decay) or the space's own SGD with momentum (coupled L2),"
                        + " and the optimizer is adam");
        InvalidSettingException.require(
                labelSmoothing >= 0 && labelSmoothing < 1,
                "labelSmoothing",
                "must be at least 0 and below 1, such as 0.1, got " + labelSmoothing);
        InvalidSettingException.require(
                clipNorm >= 0 && Double.isFinite(clipNorm),
                "clipNorm",
                "must be 0 (no clipping) or a number above 0, such as 1, got " + clipNorm);
        InvalidSettingException.require(
                learningRate == null || (learningRate > 0 && Double.isFinite(learningRate)),
                "learningRate",
                "must be a positive number, got " + learningRate);
    }

    /**
     * A plan that keeps the space's learning rates.
     *
     * @param optimizer which optimizer candidates train with
     * @param weightDecay AdamW's λ; NaN for its default
     * @param schedule the learning rate's factor over each candidate's steps
     * @param labelSmoothing ε of the training loss
     * @param augmentation what is done to each training image
     * @param clipNorm the largest global norm of a step's gradients, 0 for none
     * @throws InvalidSettingException naming the setting
     */
    public TrainingPlan(
            OptimizerChoice optimizer,
            double weightDecay,
            LearningRateSchedule schedule,
            double labelSmoothing,
            Augmentation augmentation,
            double clipNorm) {
        this(optimizer, weightDecay, schedule, labelSmoothing, augmentation, clipNorm, null);
    }

    /**
     * A plan without gradient clipping.
     *
     * @param optimizer which optimizer candidates train with
     * @param weightDecay AdamW's λ; NaN for its default
     * @param schedule the learning rate's factor over each candidate's steps
     * @param labelSmoothing ε of the training loss
     * @param augmentation what is done to each training image
     * @throws InvalidSettingException naming the setting
     */
    public TrainingPlan(
            OptimizerChoice optimizer,
            double weightDecay,
            LearningRateSchedule schedule,
            double labelSmoothing,
            Augmentation augmentation) {
        this(optimizer, weightDecay, schedule, labelSmoothing, augmentation, 0, null);
    }

    /** AdamW's decay when none is given: PyTorch's default. */
    public static final double DEFAULT_WEIGHT_DECAY = 0.01;

    /** @return true when training is the paper's (nothing to change) */
    @com.fasterxml.jackson.annotation.JsonIgnore // a property of the value, not a setting to store
    public boolean isPaper() {
        return equals(PAPER);
    }

    /**
     * Refuses, before any training, what the data cannot take: label smoothing without classes, augmentation without
     * images.
     *
     * @param task the search's task
     * @param input the samples' shape
     * @throws InvalidSettingException naming the setting
     */
    public void checkFits(Task task, Shape input) {
        InvalidSettingException.require(
                labelSmoothing == 0 || task.predictsClasses(),
                "labelSmoothing",
                "smooths class labels, and this is a " + task.id() + " search: leave it at 0");
        String unfit = augmentation.unfitFor(input);
        InvalidSettingException.require(unfit == null, "augmentation", unfit);
    }

    /**
     * @param space the space the configuration names
     * @return the space whose candidates train with this plan's optimizer (the space itself for its own without a
     *     weight decay)
     * @throws InvalidSettingException when a weight decay is given for the space's own optimizer and one of its
     *     candidates does not train with SGD with momentum
     */
    public SearchSpace apply(SearchSpace space) {
        if (optimizer == OptimizerChoice.SPACE && weightDecay == 0 && learningRate == null) {
            return space;
        }
        return new OptimizerOverride(space, optimizer, weightDecay, learningRate);
    }

    /**
     * @param seed the run seed
     * @param iteration the iteration whose candidates train
     * @return what the trainer applies to those candidates; their augmentation draws depend on the run seed and the
     *     iteration alone, so they are shared by the iteration's candidates as its batches are
     */
    public TrainingRecipe recipe(long seed, int iteration) {
        long stream = augmentation.isNone() ? 0 : Seeds.derive(seed, Seeds.AUGMENTATION, iteration);
        return new TrainingRecipe(schedule, labelSmoothing, augmentation, stream, clipNorm);
    }

    @Override
    public String toString() {
        return "optimizer=" + optimizer.id()
                + (optimizer == OptimizerChoice.ADAMW || weightDecay != 0 ? ", weightDecay=" + weightDecay : "")
                + ", schedule=" + schedule + ", labelSmoothing=" + labelSmoothing + ", augmentation=" + augmentation
                + (clipNorm > 0 ? ", clipNorm=" + clipNorm : "")
                + (learningRate != null ? ", learningRate=" + learningRate : "");
    }

    /** Which optimizer candidates train with. */
    public enum OptimizerChoice {
        /**
         * Each family's own (the paper's: RMSProp for the DNN, SGD with momentum for the CNN); a weight decay is
         * SGD's coupled L2.
         */
        SPACE,
        /** Adam at the space's learning rate. */
        ADAM,
        /** AdamW at the space's learning rate, with {@link TrainingPlan#weightDecay()}. */
        ADAMW;

        /** @return the lower-case name, as stored and typed */
        @com.fasterxml.jackson.annotation.JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * @param id a stored or typed name
         * @return the choice
         * @throws IllegalArgumentException naming the accepted names
         */
        @com.fasterxml.jackson.annotation.JsonCreator
        public static OptimizerChoice parse(String id) {
            for (OptimizerChoice c : values()) {
                if (c.id().equalsIgnoreCase(id.strip())) {
                    return c;
                }
            }
            throw new IllegalArgumentException("'" + id + "' is not understood: expected space, adam or adamw");
        }
    }
}
