/**
 * What a person sees while commands run: progress bars and logs, comparison lines, and JSON printed to the terminal.
 */
package org.saepj.cli.display;
