/**
 * The layers of the paper's subnetworks, each with a forward and a backward pass over a batch held as a
 * row-major float array: Dense, Conv2D (1×1 to 7×7, stride 1 or 2, same or valid padding), MaxPool 2×2, ReLU and
 * Flatten.
 */
package org.saepj.engine.layer;
