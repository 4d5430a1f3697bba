package org.saepj.run;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.saepj.FileException;
import org.saepj.SaepException;
import org.saepj.pruning.Criteria;
import org.saepj.search.Mixture;
import org.saepj.search.SearchConfig;

/**
 * One method of a comparison: a search pruned by a criterion ({@code adanet}, {@code pie}, a plug-in's id),
 * or the single-network baseline, one subnetwork trained for the whole step budget. Stored by its id.
 */
public final class ComparedMethod {
    private static final String BASELINE_ID = "single";
    /** The baseline: a one-iteration search with the step budget of all iterations, one mixture only. */
    public static final ComparedMethod SINGLE = new ComparedMethod(null);

    private final String criterion;

    private ComparedMethod(String criterion) {
        this.criterion = criterion;
    }

    /**
     * @param criterionId a pruning criterion's id
     * @return the search pruned by it
     */
    public static ComparedMethod search(String criterionId) {
        return new ComparedMethod(
                Objects.requireNonNull(criterionId, "criterion id").toLowerCase(Locale.ROOT));
    }

    /**
     * @param id a criterion's id or {@code single}
     * @return the method
     */
    @JsonCreator
    public static ComparedMethod parse(String id) {
        String name = Objects.requireNonNull(id, "method").strip().toLowerCase(Locale.ROOT);
        return name.equals(BASELINE_ID) ? SINGLE : search(name);
    }

    /** @return the id: the criterion's, or {@code single} */
    @JsonValue
    public String id() {
        return criterion == null ? BASELINE_ID : criterion;
    }

    /** @return true for the single-network baseline */
    public boolean isBaseline() {
        return criterion == null;
    }

    /**
     * @param planned the comparison's mixtures
     * @return the mixtures this method runs with (the baseline has one member: its mixture does not matter)
     */
    public List<Mixture> mixtures(List<Mixture> planned) {
        return isBaseline() ? List.of(Mixture.UNIFORM) : planned;
    }

    /**
     * @param mixture a mixture it runs with
     * @return the mixture as reported ({@code -} for the baseline)
     */
    public String mixtureLabel(Mixture mixture) {
        return isBaseline() ? "-" : mixture.id();
    }

    /**
     * @param base the comparison's shared settings
     * @param mixture this run's mixture
     * @param seed this run's seed
     * @param folds K, or 0
     * @param parameters criterion parameters by name, each given to the criteria that take it
     * @param criteria the criteria on the class path
     * @return the settings of one run
     * @throws SaepException when the criterion is not on the class path or refuses the parameters
     */
    public SearchConfig configure(
            SearchConfig base,
            Mixture mixture,
            long seed,
            int folds,
            Map<String, Double> parameters,
            Criteria criteria) {
        SearchConfig.Builder b = base.toBuilder().seed(seed).folds(folds).mixture(mixture);
        if (isBaseline()) {
            // the whole search's budget in one network: T members' steps, or T members' epochs
            return b.method("adanet")
                    .iterations(1)
                    .totalSteps(base.stepsPerIteration() * base.iterations())
                    .epochs(base.epochs() == null ? null : base.epochs().times(base.iterations()))
                    .build();
        }
        try {
            return b.criterion(criteria.resolveOwn(criterion, parameters)).build();
        } catch (IllegalArgumentException e) {
            // A stored comparison whose plug-in criterion is not on the class path any more, or was edited.
            throw new FileException("the comparison's method " + criterion + " cannot be used: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ComparedMethod m && Objects.equals(m.criterion, criterion);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(criterion);
    }

    @Override
    public String toString() {
        return id();
    }
}
