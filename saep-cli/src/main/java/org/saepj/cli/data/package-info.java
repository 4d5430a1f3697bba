/**
 * Data for commands: data options, fetching known datasets, separate test data, and scoring data with a saved ensemble.
 */
package org.saepj.cli.data;
