/**
 * Saved ensembles and atomic file output: a versioned {@code manifest.json} with each member's architecture,
 * mixture weights, class names, preprocessing and provenance, plus one parameter file per member.
 */
package org.saepj.persistence;
