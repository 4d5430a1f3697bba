/**
 * Seeded, stratified partitions of a dataset: K folds for cross-validation and a holdout for tabular
 * sources without a test partition or for a separate selection set.
 */
package org.saepj.data.split;
