/**
 * How candidate subnetworks get trained: an executor interface (so a distributed executor can replace the
 * local thread pool without touching the search) and the training of one candidate.
 */
package org.saepj.execution;
