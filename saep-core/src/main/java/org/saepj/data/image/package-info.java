/**
 * Folders of image files (PNG, JPEG, BMP, GIF, read through {@code javax.imageio}) as data: one sub-folder per class
 * for training ({@link org.saepj.data.image.ImageFolder}), a flat folder of new images for {@code predict}
 * ({@link org.saepj.data.image.FlatImageFolder}). Every image becomes raw pixels 0–255 in height × width × channels
 * order ({@link org.saepj.data.image.Pixels}), resized and converted by SAEP-J's own arithmetic
 * ({@link org.saepj.data.image.Resampler}) so the result is the same on every machine.
 */
package org.saepj.data.image;
