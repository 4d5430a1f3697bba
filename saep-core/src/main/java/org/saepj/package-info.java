/**
 * SAEP-J: ensemble neural architecture search (AdaNet) with sub-architecture ensemble pruning (SAEP).
 *
 * <p>The sub-packages follow the paper: {@code data} (datasets and splits), {@code engine} (the numeric
 * core that trains subnetworks), and the search, ensemble, pruning and metrics packages built on them.
 */
package org.saepj;
