/**
 * The {@code saep} command line: datasets, search, evaluation and reports, built with picocli.
 */
package org.saepj.cli;
