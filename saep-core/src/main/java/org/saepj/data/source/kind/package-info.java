/**
 * The built-in {@link org.saepj.data.source.SourceKind}s: {@code idx:}, {@code cifar10:}, {@code csv:} and
 * {@code images:}, each one class registered in {@code META-INF/services/org.saepj.data.source.SourceKind}.
 */
package org.saepj.data.source.kind;
