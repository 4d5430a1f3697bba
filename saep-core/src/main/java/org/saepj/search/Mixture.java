package org.saepj.search;

import org.saepj.EnumNames;

/** How the members' logits are weighted. */
public enum Mixture {
    /** w_j = 1/N, not trained (the paper's ".O"). */
    UNIFORM,
    /** Scalar w_j trained on the objective (the paper's ".W"). */
    LEARNED;

    /** @return the lower-case name */
    @com.fasterxml.jackson.annotation.JsonValue
    public String id() {
        return EnumNames.id(this);
    }

    /**
     * @param id a user-typed or stored name, in any case (files before format 3 stored the upper-case constant)
     * @return the mixture
     */
    @com.fasterxml.jackson.annotation.JsonCreator
    public static Mixture parse(String id) {
        return EnumNames.parse(Mixture.class, id, "unknown mixture '%s'");
    }
}
