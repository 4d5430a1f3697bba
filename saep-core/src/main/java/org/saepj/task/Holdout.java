package org.saepj.task;

/**
 * A split of samples into those kept and those held out.
 *
 * @param kept indices of the samples kept
 * @param heldOut indices of the samples held out
 */
public record Holdout(int[] kept, int[] heldOut) {}
