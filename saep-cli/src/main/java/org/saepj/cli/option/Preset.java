package org.saepj.cli.option;

import org.saepj.EnumNames;
import org.saepj.search.SelectionSet;
import org.saepj.search.ValidationPlan;

/**
 * A named starting point for the search settings ({@code --preset}); every option given on the command line
 * overrides its value.
 */
public enum Preset {
    /** The paper's: selection and pruning on the training data, fixed steps, the last iteration's ensemble. */
    PAPER(SelectionSet.TRAIN, ValidationPlan.PAPER),
    /**
     * Every choice on a validation part: a stratified tenth of the training data held out, on which candidates stop
     * early (best parameters kept), options are selected, members are pruned and the best iteration is chosen; and
     * each candidate's steps grow with the data ({@link org.saepj.search.Epochs#DATA_SCALED}) unless --steps is given.
     */
    VALIDATED(new SelectionSet(Preset.VALIDATION_FRACTION), ValidationPlan.VALIDATED);

    /**
     * The validation part of {@link #VALIDATED}: a tenth keeps nine tenths for training and, from a few thousand
     * rows, enough validation rows per class to rank candidates and iterations.
     */
    static final double VALIDATION_FRACTION = 0.1;

    private final SelectionSet selection;
    private final ValidationPlan validation;

    Preset(SelectionSet selection, ValidationPlan validation) {
        this.selection = selection;
        this.validation = validation;
    }

    /** @return the data selection and pruning use, and the validation part held out */
    SelectionSet selection() {
        return selection;
    }

    /** @return which choices are made on the validation part */
    ValidationPlan validation() {
        return validation;
    }

    /** @return the name as typed */
    public String id() {
        return EnumNames.id(this);
    }

    /**
     * @param id a typed name
     * @return the preset
     * @throws IllegalArgumentException naming the presets when there is none of that name
     */
    static Preset parse(String id) {
        return EnumNames.parse(Preset.class, id, "'%s' is not a preset");
    }
}
