/**
 * Where data comes from: the known datasets of the paper with their canonical URLs and pinned checksums,
 * the search order for local copies, source strings ({@code fashion-mnist}, {@code idx:DIR},
 * {@code cifar10:PATH}, {@code csv:FILE}) and verified downloads.
 */
package org.saepj.data.source;
