/**
 * What a command leaves on disk and how it is kept safe: output directories and their locks, stored invocations
 * and comparisons for {@code --resume}, pre-flight checks, interrupts, and stale temporary files.
 */
package org.saepj.cli.output;
