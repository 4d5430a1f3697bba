/**
 * Readers for the on-disk formats of the paper's datasets (IDX, CIFAR-10 binary) and for tabular CSV.
 * Every reader checks declared sizes against what the file really holds before allocating, and reports
 * problems as one-line {@link org.saepj.SaepException}s naming the file.
 */
package org.saepj.data.io;
