package org.saepj.subnetwork;

import org.saepj.EnumNames;

/** The kinds of subnetwork the paper searches over. */
public enum ModelKind {
    /** Fully connected ReLU networks growing in depth. */
    DNN,
    /** The paper's small convolutional network. */
    CNN,
    /** A DNN fixed at depth 0. */
    LINEAR;

    /** @return the lower-case name used on the command line and in reports */
    @com.fasterxml.jackson.annotation.JsonValue
    public String id() {
        return EnumNames.id(this);
    }

    /**
     * @param id a user-typed or stored name, in any case (files before format 3 stored the upper-case constant)
     * @return the kind
     */
    @com.fasterxml.jackson.annotation.JsonCreator
    public static ModelKind parse(String id) {
        return EnumNames.parse(ModelKind.class, id, "unknown model '%s'");
    }
}
