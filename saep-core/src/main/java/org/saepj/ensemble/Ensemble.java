package org.saepj.ensemble;

import java.util.ArrayList;
import java.util.List;

/**
 * An ensemble: members and their mixture weights. Immutable: adding or removing members makes a new one.
 *
 * @param members the members in order of joining
 * @param weights one weight per member
 */
public record Ensemble(List<Member> members, double[] weights) {
    /**
     * Copies the inputs and checks that they agree.
     *
     * @param members the members in order of joining
     * @param weights one weight per member
     */
    public Ensemble {
        members = List.copyOf(members);
        weights = weights.clone();
        if (members.size() != weights.length) {
            throw new IllegalArgumentException(members.size() + " members but " + weights.length + " weights");
        }
    }

    /** @return the empty ensemble */
    public static Ensemble empty() {
        return new Ensemble(List.of(), new double[0]);
    }

    /** @return the number of members */
    public int size() {
        return members.size();
    }

    /** @return the total number of parameters of the members (the mixture weights are not counted) */
    public long parameters() {
        return members.stream().mapToLong(m -> m.network().parameterCount()).sum();
    }

    /** @return each member's logits on the selection data */
    public List<float[]> selectionLogits() {
        return members.stream().map(Member::selectionLogits).toList();
    }

    /** @return each member's logits on the training partition */
    public List<float[]> trainLogits() {
        return members.stream().map(Member::trainLogits).toList();
    }

    /** @return each member's logits on the test partition */
    public List<float[]> testLogits() {
        return members.stream().map(Member::testLogits).toList();
    }

    /** @return each member's r(h) */
    public double[] complexities() {
        return members.stream().mapToDouble(Member::complexity).toArray();
    }

    /**
     * @param member a new member
     * @return the members with the new one appended (weights are left to the caller)
     */
    public List<Member> with(Member member) {
        List<Member> all = new ArrayList<>(members);
        all.add(member);
        return all;
    }

    /**
     * @param indices member positions to drop
     * @return a new ensemble without them, the other weights unchanged
     */
    public Ensemble without(List<Integer> indices) {
        List<Member> kept = new ArrayList<>();
        List<Double> w = new ArrayList<>();
        for (int j = 0; j < members.size(); j++) {
            if (!indices.contains(j)) {
                kept.add(members.get(j));
                w.add(weights[j]);
            }
        }
        return new Ensemble(kept, w.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
