/**
 * The hot loops of the engine: matrix products in the three forms that forward and backward passes need.
 * A {@code jdk.incubator.vector} implementation is used when the module is present, a scalar one otherwise.
 */
package org.saepj.engine.kernel;
