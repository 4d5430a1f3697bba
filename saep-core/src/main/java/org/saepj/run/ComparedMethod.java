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
import org.saepj.search.CheckBasis;
import org.saepj.search.Growth;
import org.saepj.search.Mixture;
import org.saepj.search.SearchConfig;
import org.saepj.search.ValidationPlan;

/**
 * One method of a comparison: a search pruned by a criterion ({@code adanet}, {@code pie}, a plug-in's id), or one
 * of the baselines at the same budget: {@code single}, one subnetwork trained for the whole step budget, or
 * {@code deep-ensemble} (K = {@value #DEFAULT_MEMBERS}; {@code deep-ensemble-K} for another K), K independently
 * initialised networks of one architecture, each trained for the budget / K, averaged with uniform weights
 * (Lakshminarayanan et al., NeurIPS 2017). A baseline measures early stopping at the search's candidates' interval
 * ({@link CheckBasis}), not a twentieth of its own longer budget. Stored by its id.
 */
public final class ComparedMethod {
    private static final String BASELINE_ID = "single";
    private static final String DEEP_ENSEMBLE_ID = "deep-ensemble";
    /** The deep ensemble's members when its id names none. */
    public static final int DEFAULT_MEMBERS = 5;
    /** The baseline: a one-iteration search with the step budget of all iterations, one mixture only. */
    public static final ComparedMethod SINGLE = new ComparedMethod(null, 0);
    /** The deep-ensemble baseline of {@value #DEFAULT_MEMBERS} members. */
    public static final ComparedMethod DEEP_ENSEMBLE = new ComparedMethod(null, DEFAULT_MEMBERS);

    private final String criterion;
    /** A deep ensemble's K; 0 for the other methods. */
    private final int members;

    private ComparedMethod(String criterion, int members) {
        this.criterion = criterion;
        this.members = members;
    }

    /**
     * @param members K, at least 2
     * @return the deep ensemble of K members
     * @throws IllegalArgumentException for fewer than 2
     */
    public static ComparedMethod deepEnsemble(int members) {
        if (members < 2) {
            throw new IllegalArgumentException(
                    "a deep ensemble needs at least 2 members (deep-ensemble-K, K ≥ 2), got " + members);
        }
        return new ComparedMethod(null, members);
    }

    /**
     * @param criterionId a pruning criterion's id
     * @return the search pruned by it
     */
    public static ComparedMethod search(String criterionId) {
        return new ComparedMethod(
                Objects.requireNonNull(criterionId, "criterion id").toLowerCase(Locale.ROOT), 0);
    }

    /**
     * @param id a criterion's id, {@code single}, {@code deep-ensemble} or {@code deep-ensemble-K}
     * @return the method
     * @throws IllegalArgumentException for a deep ensemble of fewer than 2 members
     */
    @JsonCreator
    public static ComparedMethod parse(String id) {
        String name = Objects.requireNonNull(id, "method").strip().toLowerCase(Locale.ROOT);
        if (name.equals(BASELINE_ID)) {
            return SINGLE;
        }
        if (name.equals(DEEP_ENSEMBLE_ID)) {
            return DEEP_ENSEMBLE;
        }
        String prefix = DEEP_ENSEMBLE_ID + "-";
        if (name.startsWith(prefix)
                && name.length() > prefix.length()
                && name.substring(prefix.length()).chars().allMatch(Character::isDigit)) {
            String count = name.substring(prefix.length());
            return deepEnsemble(count.length() > 6 ? Integer.MAX_VALUE : Integer.parseInt(count));
        }
        return search(name);
    }

    /** @return the id: the criterion's, {@code single}, {@code deep-ensemble} or {@code deep-ensemble-K} */
    @JsonValue
    public String id() {
        if (criterion != null) {
            return criterion;
        }
        if (members == 0) {
            return BASELINE_ID;
        }
        return members == DEFAULT_MEMBERS ? DEEP_ENSEMBLE_ID : DEEP_ENSEMBLE_ID + "-" + members;
    }

    /** @return true for a baseline (the single network or the deep ensemble): no criterion, one mixture */
    public boolean isBaseline() {
        return criterion == null;
    }

    /** @return true for the deep-ensemble baseline */
    public boolean isDeepEnsemble() {
        return members > 0;
    }

    /** @return a deep ensemble's K, 1 for the single network, 0 for a search */
    public int baselineMembers() {
        return criterion != null ? 0 : Math.max(1, members);
    }

    /**
     * @param planned the comparison's mixtures
     * @return the mixtures this method runs with (a baseline's weights are uniform: one member, or a deep ensemble's
     *     average)
     */
    public List<Mixture> mixtures(List<Mixture> planned) {
        return isBaseline() ? List.of(Mixture.UNIFORM) : planned;
    }

    /**
     * @param mixture a mixture it runs with
     * @return the mixture as reported ({@code -} for the single network, {@code uniform} for the deep ensemble)
     */
    public String mixtureLabel(Mixture mixture) {
        return isBaseline() && !isDeepEnsemble() ? "-" : mixture.id();
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
        if (isDeepEnsemble()) {
            return deepEnsemble(base, b);
        }
        if (isBaseline()) {
            // the whole search's budget in one network: T members' steps, or T members' epochs
            return b.method("adanet")
                    .validation(base.validation().checkedAs(CheckBasis.of(base, 1)))
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

    /**
     * The whole search's budget (T members' steps or epochs) shared by K members: K iterations of budget / K steps
     * each, every one adding its member ({@link Growth#INDEPENDENT}), uniform weights, nothing pruned, and the last
     * iteration's ensemble as the result, all K members (a validation part still stops members early).
     */
    private SearchConfig deepEnsemble(SearchConfig base, SearchConfig.Builder b) {
        ValidationPlan v = base.validation();
        return b.method("adanet")
                .growth(Growth.INDEPENDENT)
                .mixture(Mixture.UNIFORM)
                .iterations(members)
                .totalSteps(base.stepsPerIteration() * base.iterations())
                .epochs(base.epochs() == null ? null : base.epochs().share(base.iterations(), members))
                .validation(new ValidationPlan(
                                v.earlyStopping(), v.objectiveOn(), ValidationPlan.FinalEnsemble.LAST, v.temperature())
                        .withRefit(v.refits())
                        .withBags(v.bagCount())
                        .checkedAs(CheckBasis.of(base, members)))
                .build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ComparedMethod m && Objects.equals(m.criterion, criterion) && m.members == members;
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(criterion) * 31 + members;
    }

    @Override
    public String toString() {
        return id();
    }
}
