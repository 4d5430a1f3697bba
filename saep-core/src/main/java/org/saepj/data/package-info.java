/**
 * Datasets as the search sees them: contiguous float features, integer labels, class names, and a
 * fingerprint of the loaded content; plus the transforms of the paper's experiments (binary pairs,
 * standardisation, mini-batches).
 */
package org.saepj.data;
