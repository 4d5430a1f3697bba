/**
 * The {@code saep} command line, built with picocli: the entry point and the usage error every part reports
 * through. The commands live in {@code command}, their options in {@code option}, data handling in {@code data},
 * what they write in {@code output} and what a person sees in {@code display}; runs, reports and comparisons
 * themselves are the library's ({@code org.saepj.run}).
 */
package org.saepj.cli;
