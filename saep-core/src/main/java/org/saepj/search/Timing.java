package org.saepj.search;

/**
 * Where a run's time went.
 *
 * @param totalSeconds the whole search
 * @param trainSeconds candidate training and output computation (the executor's wall time)
 * @param searchOverheadSeconds everything else: pruning, mixture fitting, selection, bookkeeping
 */
public record Timing(double totalSeconds, double trainSeconds, double searchOverheadSeconds) {}
