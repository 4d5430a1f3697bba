package org.saepj.search;

/**
 * Whose steps a network's automatic early-stopping interval ({@code every} 0: a twentieth of the steps) is taken from
 * when they are not its own: a comparison's baselines ({@code single}, {@code deep-ensemble}) train T or T/K
 * candidates' budgets in one network, and measure their validation loss at the interval of the search's candidates,
 * so that early stopping is as fine-grained for every method at equal budget.
 *
 * <p>The candidates' steps are those the search plans from the same budget ({@link Budget#stepsPerIteration(int)}
 * on the same training rows). A budget planned within a time ({@code --max-time}) is each run's own: there the
 * candidates' steps are the network's planned steps times {@code networks / iterations}, the share of one candidate.
 *
 * @param steps the search's steps a candidate, or, once {@link #resolved}, the candidates' steps on the run's data
 * @param epochs the search's budget a candidate in passes over the training data; null for fixed steps
 * @param networks the networks the whole budget is shared by: 1 for the single network, K for a deep ensemble
 * @param iterations the search's iterations T, the candidates' budgets the whole budget holds
 */
public record CheckBasis(int steps, Epochs epochs, int networks, int iterations) {
    /**
     * Checks the settings.
     *
     * @param steps the search's steps a candidate
     * @param epochs the search's budget a candidate in epochs, or null
     * @param networks the networks sharing the whole budget
     * @param iterations the search's iterations
     */
    public CheckBasis {
        InvalidSettingException.require(steps >= 1, "checkBasis", "needs at least 1 step a candidate, got " + steps);
        InvalidSettingException.require(
                networks >= 1 && iterations >= 1,
                "checkBasis",
                "needs at least 1 network and 1 iteration, got " + networks + " and " + iterations);
    }

    /**
     * @param search the search's configuration whose candidates' interval a baseline takes
     * @param networks the networks the baseline shares the search's whole budget among
     * @return the basis: the search's budget a candidate
     */
    public static CheckBasis of(SearchConfig search, int networks) {
        return new CheckBasis(search.stepsPerIteration(), search.epochs(), networks, search.iterations());
    }

    /**
     * @param trainRows the rows candidates train on
     * @param batchSize samples per step
     * @return the steps the search plans for each candidate on that data
     */
    public int candidateSteps(int trainRows, int batchSize) {
        Budget search = new Budget(
                iterations,
                (int) Math.min(Integer.MAX_VALUE, (long) steps * iterations),
                batchSize,
                StoppingRule.NONE,
                epochs);
        return search.stepsPerIteration(trainRows);
    }

    /**
     * @param networkSteps a network's steps planned within a time budget
     * @return the candidates' steps at the same plan: one candidate's share of them, at least 1
     */
    public int candidateShare(int networkSteps) {
        return (int) Math.max(1, (long) networkSteps * networks / iterations);
    }

    /**
     * @param candidateSteps the candidates' steps on the run's data
     * @return this basis with those steps, as the run's report states them
     */
    public CheckBasis resolved(int candidateSteps) {
        return new CheckBasis(candidateSteps, null, networks, iterations);
    }
}
