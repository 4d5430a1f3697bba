/**
 * The search space (spec §3): which candidate subnetworks each iteration proposes (DNN of depth k and k+1,
 * the CNN, or a linear model), with their optimizers and their own derived seeds.
 */
package org.saepj.subnetwork;
