package org.saepj.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.saepj.EnumNames;
import org.saepj.execution.EarlyStopping;

/**
 * Which choices of a search are made on its validation part, the stratified part of the training data that
 * {@link DataPlan#selection()} holds out (no candidate trains on it; the test data is never used for a choice).
 * The paper's configuration ({@link #PAPER}) makes none there beyond what {@code --selection} asks: candidates train
 * their fixed steps, the last iteration's ensemble is the result.
 *
 * @param earlyStopping when candidates stop before their last step, judged on the validation loss
 * @param objectiveOn the data AdaNet's objective, which picks each iteration's option, is computed on
 * @param finalEnsemble which iteration's ensemble the search returns
 * @param temperature whether the final ensemble's logits are divided by a temperature fitted on the validation part
 *     (Guo et al., ICML 2017); {@link Temperature#VALIDATION}, the default, fits one only when there is a validation
 *     part, so a search that selects on its training data is left as it was
 * @param checkBasis whose steps the automatic early-stopping interval is a twentieth of when not the network's own:
 *     a comparison baseline's, the search's candidates' ({@link CheckBasis}); null for the network's own (a search's)
 * @param refit true to retrain the final ensemble's members on the training rows and the validation part together
 *     once every choice is made ({@link FinalRefit}); held as null when not ({@link #refits()} reads it), so it is
 *     stored only when true and earlier files read as before
 * @param bags K for a bagged search ({@link BaggedSearch}): K searches, each holding out a validation part of its own,
 *     whose final ensembles are averaged; held as null for one search ({@link
 *     #bagCount()} reads it), so it is stored only when K is 2 or more and earlier files read as before
 */
public record ValidationPlan(
        EarlyStopping earlyStopping,
        ObjectiveData objectiveOn,
        FinalEnsemble finalEnsemble,

        @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = Temperature.Default.class)
        Temperature temperature,

        @JsonInclude(JsonInclude.Include.NON_NULL) CheckBasis checkBasis,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean refit,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer bags) {
    /** Today's and the paper's: no early stopping, the objective on the selection data, the last iteration. */
    public static final ValidationPlan PAPER =
            new ValidationPlan(EarlyStopping.NONE, ObjectiveData.VALIDATION, FinalEnsemble.LAST);

    /** The refusal of a name none of the choices has; the option it was given to comes before it. */
    private static final String NOT_UNDERSTOOD = "'%s' is not understood";
    /**
     * A plan with the default temperature scaling (on the validation part, when there is one).
     *
     * @param earlyStopping when candidates stop before their last step
     * @param objectiveOn the data the objective is computed on
     * @param finalEnsemble which iteration's ensemble the search returns
     */
    public ValidationPlan(EarlyStopping earlyStopping, ObjectiveData objectiveOn, FinalEnsemble finalEnsemble) {
        this(earlyStopping, objectiveOn, finalEnsemble, Temperature.VALIDATION);
    }

    /**
     * A plan whose networks measure early stopping at their own steps' interval (a search's).
     *
     * @param earlyStopping when candidates stop before their last step
     * @param objectiveOn the data the objective is computed on
     * @param finalEnsemble which iteration's ensemble the search returns
     * @param temperature whether a temperature is fitted on the validation part; null for the default
     */
    public ValidationPlan(
            EarlyStopping earlyStopping,
            ObjectiveData objectiveOn,
            FinalEnsemble finalEnsemble,
            Temperature temperature) {
        this(earlyStopping, objectiveOn, finalEnsemble, temperature, null, false, null);
    }

    /**
     * A plan whose networks measure early stopping at the interval {@code checkBasis} gives, without refitting.
     *
     * @param earlyStopping when candidates stop before their last step
     * @param objectiveOn the data the objective is computed on
     * @param finalEnsemble which iteration's ensemble the search returns
     * @param temperature whether a temperature is fitted on the validation part; null for the default
     * @param checkBasis whose steps the automatic interval is taken from; null for the network's own
     */
    public ValidationPlan(
            EarlyStopping earlyStopping,
            ObjectiveData objectiveOn,
            FinalEnsemble finalEnsemble,
            Temperature temperature,
            CheckBasis checkBasis) {
        this(earlyStopping, objectiveOn, finalEnsemble, temperature, checkBasis, false, null);
    }

    /**
     * @param on true to retrain the final members on the training rows and the validation part together
     * @return this plan with that choice
     */
    public ValidationPlan withRefit(boolean on) {
        return new ValidationPlan(earlyStopping, objectiveOn, finalEnsemble, temperature, checkBasis, on, bags);
    }

    /**
     * @param k the number of bags: 1 for one search with one validation part, K ≥ 2 for K searches that each hold out
     *     a validation part of their own ({@link BaggedSearch})
     * @return this plan with that many bags
     */
    public ValidationPlan withBags(int k) {
        return new ValidationPlan(earlyStopping, objectiveOn, finalEnsemble, temperature, checkBasis, refit, k);
    }

    /** Patience of {@link #VALIDATED}'s early stopping: five of twenty measurements, a quarter of the steps. */
    public static final int DEFAULT_PATIENCE = 5;

    /** Every choice on validation data: early stopping, the objective, and the best iteration as the result. */
    public static final ValidationPlan VALIDATED =
            new ValidationPlan(new EarlyStopping(0, DEFAULT_PATIENCE), ObjectiveData.VALIDATION, FinalEnsemble.BEST);

    /**
     * Fills the settings stored before they existed with the paper's.
     *
     * @param earlyStopping when candidates stop before their last step
     * @param objectiveOn the data the objective is computed on
     * @param finalEnsemble which iteration's ensemble the search returns
     * @param temperature whether a temperature is fitted on the validation part; null for the default
     * @param checkBasis whose steps the automatic interval is taken from; null for the network's own
     * @param refit true to retrain the final members on the training rows and the validation part together
     * @param bags K ≥ 2 for a bagged search; null or 1 for one search
     */
    public ValidationPlan {
        temperature = temperature == null ? Temperature.VALIDATION : temperature;
        earlyStopping = earlyStopping == null ? EarlyStopping.NONE : earlyStopping;
        objectiveOn = objectiveOn == null ? ObjectiveData.VALIDATION : objectiveOn;
        finalEnsemble = finalEnsemble == null ? FinalEnsemble.LAST : finalEnsemble;
        refit = Boolean.TRUE.equals(refit) ? Boolean.TRUE : null;
        InvalidSettingException.require(
                bags == null || bags >= 1, "bags", "must be 1 (one search) or at least 2, got " + bags);
        bags = bags == null || bags == 1 ? null : bags;
    }

    /** @return the number of searches whose ensembles are averaged: 1, or K for a bagged search */
    @com.fasterxml.jackson.annotation.JsonIgnore // the stored form is the component, absent for one search
    public int bagCount() {
        return bags == null ? 1 : bags;
    }

    /** @return true when K ≥ 2 searches each hold out a validation part of their own ({@link BaggedSearch}) */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean bagged() {
        return bags != null;
    }

    /** @return true when the final members are retrained on the training rows and the validation part together */
    @com.fasterxml.jackson.annotation.JsonIgnore // the stored form is the component, absent when false
    public boolean refits() {
        return refit != null;
    }

    /** @return true when some choice needs a validation part held out of the training data */
    public boolean needsValidationPart() {
        return earlyStopping.enabled() || finalEnsemble == FinalEnsemble.BEST;
    }

    /**
     * @param basis the search's candidates, whose interval the networks of this plan measure at
     * @return this plan measuring at that interval where the interval is automatic ({@code every} 0) and early
     *     stopping is on; else this plan (an interval in steps, or none, is every method's alike)
     */
    public ValidationPlan checkedAs(CheckBasis basis) {
        if (!earlyStopping.enabled() || earlyStopping.every() > 0) {
            return this;
        }
        return new ValidationPlan(earlyStopping, objectiveOn, finalEnsemble, temperature, basis, refit, bags);
    }

    /** @return true when the early-stopping interval is still to be taken from {@link #checkBasis} on the data */
    public boolean checksUnresolved() {
        return checkBasis != null && earlyStopping.enabled() && earlyStopping.every() == 0;
    }

    /**
     * @param candidateSteps the search's candidates' steps on the run's data
     * @return this plan measuring every twentieth of them, in steps, with the basis that says why; this plan when
     *     nothing is unresolved
     */
    public ValidationPlan checksResolved(int candidateSteps) {
        if (!checksUnresolved()) {
            return this;
        }
        EarlyStopping at = new EarlyStopping(earlyStopping.interval(candidateSteps), earlyStopping.patience());
        return new ValidationPlan(
                at, objectiveOn, finalEnsemble, temperature, checkBasis.resolved(candidateSteps), refit, bags);
    }

    @Override
    public String toString() {
        return "earlyStopping=" + earlyStopping + ", objectiveOn=" + objectiveOn.id() + ", final=" + finalEnsemble.id()
                + (temperature == Temperature.VALIDATION ? "" : ", temperature=" + temperature.id())
                + (refits() ? ", refit" : "")
                + (bagged() ? ", bags=" + bags : "");
    }

    /** The data on which AdaNet's objective compares an iteration's options. */
    public enum ObjectiveData {
        /** The selection data: the validation part when there is one, else the training data. */
        VALIDATION,
        /** The training data, as AdaNet and the paper do, even when a validation part exists. */
        TRAIN;

        /** @return the lower-case name, as stored and typed */
        @com.fasterxml.jackson.annotation.JsonValue
        public String id() {
            return EnumNames.id(this);
        }

        /**
         * @param id a stored or typed name
         * @return the constant
         */
        @com.fasterxml.jackson.annotation.JsonCreator
        public static ObjectiveData parse(String id) {
            return EnumNames.parse(ObjectiveData.class, id, NOT_UNDERSTOOD);
        }
    }

    /** Which iteration's ensemble a search returns. */
    public enum FinalEnsemble {
        /** The last iteration's (the paper's). */
        LAST,
        /** The iteration whose ensemble has the lowest loss on the validation part (the earliest of equals). */
        BEST;

        /** @return the lower-case name, as stored and typed */
        @com.fasterxml.jackson.annotation.JsonValue
        public String id() {
            return EnumNames.id(this);
        }

        /**
         * @param id a stored or typed name
         * @return the constant
         */
        @com.fasterxml.jackson.annotation.JsonCreator
        public static FinalEnsemble parse(String id) {
            return EnumNames.parse(FinalEnsemble.class, id, NOT_UNDERSTOOD);
        }
    }

    /** Whether the final ensemble's logits are scaled by a temperature fitted on the validation part. */
    public enum Temperature {
        /** Fitted on the validation part when the search has one; none otherwise (the default). */
        VALIDATION,
        /** Never fitted. */
        OFF;

        /** @return the lower-case name, as stored and typed */
        @com.fasterxml.jackson.annotation.JsonValue
        public String id() {
            return EnumNames.id(this);
        }

        /**
         * @param id a stored or typed name
         * @return the constant
         */
        @com.fasterxml.jackson.annotation.JsonCreator
        public static Temperature parse(String id) {
            return EnumNames.parse(Temperature.class, id, NOT_UNDERSTOOD);
        }

        /** Leaves the default out of stored configurations, so they read as before it existed (a value filter). */
        public static final class Default {
            @Override
            public boolean equals(Object value) {
                return value == null || value == VALIDATION;
            }

            @Override
            public int hashCode() {
                return 0;
            }
        }
    }
}
