/**
 * Options shared by commands and their mapping onto the library: search settings into a {@code SearchConfig}
 * (the library's messages in terms of options), run and model options, pruning criteria and their parameters.
 */
package org.saepj.cli.option;
