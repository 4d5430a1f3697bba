package org.saepj.engine.layer;

/**
 * The settings of one layer of a {@link LayerGraph}: a record owned by its {@link LayerKind}, whose compact
 * constructor rejects bad values with a message naming the value and what is accepted.
 *
 * <p>Its stored form is {@code {"type": <the kind's type name>, <the record's components>}}: the registered name,
 * never a Java class name, so a file stays readable when classes move.
 */
public interface LayerSpec {}
