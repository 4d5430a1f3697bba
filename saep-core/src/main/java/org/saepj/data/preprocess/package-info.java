/**
 * Preprocessing as a {@link org.saepj.data.preprocess.Pipeline} of typed steps: each step's kind
 * ({@link org.saepj.data.preprocess.StepKind}, registered in {@code META-INF/services}) fits it on the training part
 * only; the fitted step applies to training, test and prediction data, is stored by its type name and writes its own
 * ONNX nodes.
 */
package org.saepj.data.preprocess;
