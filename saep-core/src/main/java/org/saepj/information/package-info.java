/**
 * Information quantities over discrete label vectors (spec §7): entropy, mutual information, normalised
 * mutual information, normalised variation of information, and the pairwise PIE score TDAC.
 */
package org.saepj.information;
