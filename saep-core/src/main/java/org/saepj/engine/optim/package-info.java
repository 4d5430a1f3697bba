/**
 * Optimizers over flat parameter arrays: RMSProp in TensorFlow 1's form (the paper's DNN optimizer), SGD
 * with momentum and per-iteration cosine decay (the paper's CNN optimizer), and Adam.
 */
package org.saepj.engine.optim;
