/**
 * The task seam: what a search learns. A {@link org.saepj.task.Task} owns the targets it accepts, the loss its
 * members train on and the ensemble is judged by, how members' outputs combine, how data is split, its headline
 * metric and the head of the exported model. Classification is the first task; a new task is its own classes plus a
 * line in {@code META-INF/services/org.saepj.task.Task}.
 */
package org.saepj.task;
