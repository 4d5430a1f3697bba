/**
 * The PyTorch backend ({@code --backend pytorch}): candidates' layer graphs trained by PyTorch through DJL, on its
 * CUDA device where one is present and on the CPU otherwise, from the engine's initial parameters, with the engine's
 * optimizer, schedule and batches; the trained parameters go back into the engine's network, so everything after
 * training is unchanged.
 */
package org.saepj.torch;
