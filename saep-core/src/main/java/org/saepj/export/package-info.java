/**
 * Saved ensembles out of the JVM: {@link org.saepj.export.OnnxExport} writes a whole ensemble (preprocessing, every
 * member, the mixture weights) as one ONNX graph that any ONNX runtime executes.
 */
package org.saepj.export;
