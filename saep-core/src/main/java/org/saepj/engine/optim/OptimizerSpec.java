package org.saepj.engine.optim;

/**
 * An optimizer's settings; {@link #create} makes a fresh optimizer for one parameter array.
 */
public sealed interface OptimizerSpec
        permits OptimizerSpec.RmsProp, OptimizerSpec.SgdMomentum, OptimizerSpec.Adam, OptimizerSpec.AdamW {
    /**
     * @param parameterCount the size of the parameter array
     * @return a new optimizer with zeroed state
     */
    Optimizer create(int parameterCount);

    /** @return the base learning rate */
    float learningRate();

    /**
     * @param rate another base learning rate
     * @return these settings at that rate, everything else kept
     */
    OptimizerSpec withLearningRate(float rate);

    /**
     * RMSProp as TensorFlow 1 computes it: {@code ms ← ρ·ms + (1−ρ)·g²}, {@code θ ← θ − lr·g/√(ms + ε)},
     * with ms starting at 1 and ε inside the square root.
     *
     * @param learningRate lr
     * @param decay ρ (0.9)
     * @param epsilon ε (1e-10)
     */
    record RmsProp(float learningRate, float decay, float epsilon) implements OptimizerSpec {
        /** @param learningRate lr, with ρ = 0.9 and ε = 1e-10 */
        public RmsProp(float learningRate) {
            this(learningRate, 0.9f, 1e-10f);
        }

        @Override
        public RmsProp withLearningRate(float rate) {
            return new RmsProp(rate, decay, epsilon);
        }

        @Override
        public Optimizer create(int parameterCount) {
            return new RmsPropOptimizer(this, parameterCount);
        }
    }

    /**
     * SGD with momentum and coupled L2 weight decay, as PyTorch's {@code torch.optim.SGD(momentum=μ,
     * weight_decay=λ)} computes it ({@code g ← g + λ·θ}, {@code accum ← μ·accum + g}, {@code θ ← θ − lr_s·accum}),
     * with cosine decay of the learning rate over {@code decaySteps}: {@code lr_s = lr·½(1 + cos(π·min(s, S)/S))}.
     * The decay enters the momentum and every parameter decays, biases and normalisation scales included, as with
     * PyTorch's default single parameter group.
     *
     * @param learningRate lr
     * @param momentum μ (0.9)
     * @param decaySteps S, the steps of one training run; 0 disables the decay
     * @param weightDecay λ, the L2 coefficient added to the gradient; 0 (the default) leaves every step as it was
     */
    record SgdMomentum(float learningRate, float momentum, int decaySteps, float weightDecay) implements OptimizerSpec {
        /**
         * @param learningRate lr
         * @param momentum μ
         * @param decaySteps S; 0 disables the decay
         */
        public SgdMomentum(float learningRate, float momentum, int decaySteps) {
            this(learningRate, momentum, decaySteps, 0f);
        }

        /**
         * @param decay λ
         * @return these settings with the coupled weight decay λ
         */
        public SgdMomentum withWeightDecay(float decay) {
            return new SgdMomentum(learningRate, momentum, decaySteps, decay);
        }

        @Override
        public SgdMomentum withLearningRate(float rate) {
            return new SgdMomentum(rate, momentum, decaySteps, weightDecay);
        }

        @Override
        public Optimizer create(int parameterCount) {
            return new SgdMomentumOptimizer(this, parameterCount);
        }
    }

    /**
     * Adam (Kingma and Ba) with bias-corrected moments, as PyTorch computes it.
     *
     * @param learningRate lr
     * @param beta1 first-moment decay (0.9)
     * @param beta2 second-moment decay (0.999)
     * @param epsilon added to the root of the second moment (1e-8)
     */
    record Adam(float learningRate, float beta1, float beta2, float epsilon) implements OptimizerSpec {
        /** @param learningRate lr with the usual β1 = 0.9, β2 = 0.999, ε = 1e-8 */
        public Adam(float learningRate) {
            this(learningRate, 0.9f, 0.999f, 1e-8f);
        }

        @Override
        public Adam withLearningRate(float rate) {
            return new Adam(rate, beta1, beta2, epsilon);
        }

        @Override
        public Optimizer create(int parameterCount) {
            return new AdamOptimizer(this, parameterCount);
        }
    }

    /**
     * AdamW (Loshchilov and Hutter, "Decoupled weight decay regularization", ICLR 2019) as PyTorch computes it: the
     * parameters first shrink by {@code lr·λ} ({@code θ ← θ − lr·λ·θ}, the decay kept out of the moments), then take
     * Adam's bias-corrected step. Every parameter decays, biases and normalisation scales included.
     *
     * @param learningRate lr
     * @param beta1 first-moment decay (0.9)
     * @param beta2 second-moment decay (0.999)
     * @param epsilon added to the root of the second moment (1e-8)
     * @param weightDecay λ, the decoupled decay per unit learning rate (PyTorch's default 0.01)
     */
    record AdamW(float learningRate, float beta1, float beta2, float epsilon, float weightDecay)
            implements OptimizerSpec {
        /** The decay PyTorch's AdamW uses when none is given. */
        public static final float DEFAULT_WEIGHT_DECAY = 0.01f;

        /**
         * @param learningRate lr with β1 = 0.9, β2 = 0.999, ε = 1e-8
         * @param weightDecay λ
         */
        public AdamW(float learningRate, float weightDecay) {
            this(learningRate, 0.9f, 0.999f, 1e-8f, weightDecay);
        }

        @Override
        public AdamW withLearningRate(float rate) {
            return new AdamW(rate, beta1, beta2, epsilon, weightDecay);
        }

        @Override
        public Optimizer create(int parameterCount) {
            return new AdamWOptimizer(this, parameterCount);
        }
    }
}
