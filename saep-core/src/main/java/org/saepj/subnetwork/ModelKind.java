package org.saepj.subnetwork;

import java.util.Locale;

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
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param id a user-typed or stored name, in any case (files before format 3 stored the upper-case constant)
     * @return the kind
     */
    @com.fasterxml.jackson.annotation.JsonCreator
    public static ModelKind parse(String id) {
        for (ModelKind k : values()) {
            if (k.id().equalsIgnoreCase(id.strip())) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown model '" + id + "': expected dnn, cnn or linear");
    }
}
