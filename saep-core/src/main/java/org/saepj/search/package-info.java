/**
 * The AdaNet search with SAEP pruning (spec §5): configuration, data partitions, the iteration loop, and what
 * a run records (spec §9).
 */
package org.saepj.search;
