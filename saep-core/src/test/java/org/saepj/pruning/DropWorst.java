package org.saepj.pruning;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A criterion that exists only in the test sources: the member with the highest error leaves when that error
 * exceeds the ensemble's by more than {@code margin}. It is registered like any plug-in (a services file in
 * the CLI's test resources, or {@link Criteria#with}), to show that nothing else needs to know about it.
 */
public final class DropWorst implements PruningCriterion {
    /** The id. */
    public static final String ID = "drop-worst";

    private final double margin;

    /** Makes {@code drop-worst} known. */
    public static final class Provider extends SimpleCriterionProvider {
        /** For ServiceLoader. */
        public Provider() {
            super(
                    ID,
                    "test criterion: the member with the highest error leaves",
                    List.of(new CriterionParameter(
                            "margin", 0, 0, 1, "how much worse than the ensemble the member must be")),
                    values -> new DropWorst(values.get("margin")));
        }
    }

    DropWorst(double margin) {
        this.margin = margin;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Map<String, Double> parameters() {
        return Map.of("margin", margin);
    }

    @Override
    public PruneDecision decide(PruningInput input, SplittableRandom rng) {
        int n = input.members();
        if (n < MIN_MEMBERS) {
            return PruneDecision.nothing(ID);
        }
        double[] errors = new double[n];
        int worst = 0;
        for (int j = 0; j < n; j++) {
            int wrong = 0;
            for (int s = 0; s < input.labels().length; s++) {
                wrong += input.predictions()[j][s] != input.labels()[s] ? 1 : 0;
            }
            errors[j] = (double) wrong / input.labels().length;
            worst = errors[j] > errors[worst] ? j : worst;
        }
        double ensemble = input.ensembleError(-1);
        DecisionDetails details = DecisionDetails.builder()
                .put("memberErrors", errors)
                .put("ensembleError", ensemble)
                .put("worstPosition", worst)
                .build();
        return new PruneDecision(ID, errors[worst] > ensemble + margin ? List.of(worst) : List.of(), details);
    }
}
