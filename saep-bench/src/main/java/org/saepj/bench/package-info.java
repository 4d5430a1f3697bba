/**
 * Benchmarks of the engine against DJL/PyTorch, measured side by side in one JVM run.
 */
package org.saepj.bench;
