/**
 * SAEP's pruning criteria (spec §6): PRS (random selection), PAP (accuracy performance) and PIE
 * (information entropy, diversity vs relevance), plus keep-all for plain AdaNet. Pruners work on the
 * members' predicted labels, so the same code prunes during a search and prunes any ensemble after the fact.
 */
package org.saepj.pruning;
