/**
 * Ensembles of frozen members (spec §4): logits combined with uniform or learned mixture weights, the
 * complexity-regularised objective, and the outputs each member computed once when it joined.
 */
package org.saepj.ensemble;
