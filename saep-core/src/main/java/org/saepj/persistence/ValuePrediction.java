package org.saepj.persistence;

/**
 * A regression ensemble's prediction of one row.
 *
 * @param value the ensemble's value, in the target's unit
 * @param spread the standard deviation of the members' values around their mean: how much they disagree
 */
public record ValuePrediction(double value, double spread) {}
