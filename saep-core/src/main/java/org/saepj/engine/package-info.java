/**
 * The numeric engine: small feed-forward networks (the paper's DNN and CNN subnetworks) with their
 * parameters in one flat float array, trained in plain Java with Vector API kernels.
 *
 * <p>Each network trains on one thread with buffers it allocates once, so several candidates train at once
 * on separate threads and the same seed gives bitwise-identical parameters whatever the thread count.
 */
package org.saepj.engine;
