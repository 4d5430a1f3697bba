package org.saepj.pruning;

import java.util.Locale;

/** The search methods compared in the paper: plain AdaNet and SAEP with each pruning criterion. */
public enum PruningMethod {
    /** AdaNet: keep every member. */
    ADANET,
    /** SAEP with random selection. */
    PRS,
    /** SAEP with accuracy performance. */
    PAP,
    /** SAEP with information entropy. */
    PIE;

    /**
     * @param alpha PIE's trade-off (ignored by the others)
     * @return a pruner for this method
     */
    public Pruner pruner(double alpha) {
        return switch (this) {
            case ADANET -> new KeepAll();
            case PRS -> new RandomSelection();
            case PAP -> new AccuracyPerformance();
            case PIE -> new InformationEntropy(alpha);
        };
    }

    /** @return the lower-case name used on the command line and in reports */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param id a user-typed name
     * @return the method
     * @throws IllegalArgumentException naming the accepted values
     */
    public static PruningMethod parse(String id) {
        for (PruningMethod m : values()) {
            if (m.id().equalsIgnoreCase(id.strip())) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown method '" + id + "': expected adanet, prs, pap or pie");
    }
}
