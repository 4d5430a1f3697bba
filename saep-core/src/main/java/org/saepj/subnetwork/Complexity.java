package org.saepj.subnetwork;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.saepj.engine.Architecture;

/**
 * The complexity r(h) of a candidate in the objective's λ·r(h) term (spec §3), chosen per candidate family.
 */
public enum Complexity {
    /** The architecture's own: √depth for dense networks (AdaNet's choice), 1 for CNNs (the paper's). */
    ARCHITECTURE,
    /** √(hidden layers or convolution blocks). */
    SQRT_DEPTH,
    /** 1 for every candidate: λ then charges only the number of members. */
    CONSTANT,
    /** The parameter count in thousands. */
    PARAMETERS;

    /**
     * @param a an architecture
     * @return r(h)
     */
    public double of(Architecture a) {
        return switch (this) {
            case ARCHITECTURE -> a.complexity();
            case SQRT_DEPTH -> Math.sqrt(a.depth());
            case CONSTANT -> 1;
            case PARAMETERS -> a.parameterCount() / 1000.0;
        };
    }

    /** @return the name in search-space files: "architecture", "sqrt-depth", "constant", "parameters" */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * @param id a name as written in a search-space file
     * @return the complexity
     * @throws IllegalArgumentException naming the accepted names
     */
    @JsonCreator
    public static Complexity parse(String id) {
        for (Complexity c : values()) {
            if (c.id().equals(id)) {
                return c;
            }
        }
        throw new IllegalArgumentException(
                "unknown complexity '" + id + "': expected sqrt-depth, constant, parameters or architecture");
    }
}
