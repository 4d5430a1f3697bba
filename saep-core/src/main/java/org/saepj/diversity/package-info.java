/**
 * Pairwise diversity of an ensemble's members (spec §8): disagreement with and without labels,
 * Q-statistic, Cohen's kappa and double fault, averaged over all member pairs.
 */
package org.saepj.diversity;
