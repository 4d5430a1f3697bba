/** The {@code saep} subcommands: search, compare, demo, evaluate, predict, prune and datasets. */
package org.saepj.cli.command;
