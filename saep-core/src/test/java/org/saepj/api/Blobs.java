package org.saepj.api;

import java.util.SplittableRandom;

/**
 * Synthetic classification data for the API's tests: three Gaussian blobs in four dimensions, far enough apart that
 * a small search separates them, at an offset and scale a network would not like unstandardised.
 *
 * @param features one row per sample
 * @param labels each row's class: 10, 20 or 30
 */
record Blobs(float[][] features, int[] labels) {
    /** The class labels, deliberately not 0..2: predictions must come back as the labels given. */
    static final int[] CLASSES = {10, 20, 30};

    /**
     * @param rows the number of rows
     * @param seed the draw's seed
     * @return the rows, classes in turn
     */
    static Blobs draw(int rows, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[][] x = new float[rows][4];
        int[] y = new int[rows];
        for (int i = 0; i < rows; i++) {
            int c = i % CLASSES.length;
            y[i] = CLASSES[c];
            for (int j = 0; j < 4; j++) {
                double centre = j == c ? 4 : 0;
                x[i][j] = (float) (100 + 10 * (centre + rng.nextGaussian()));
            }
        }
        return new Blobs(x, y);
    }

    /** @return the labels as text: "class-10", … */
    String[] textLabels() {
        String[] out = new String[labels.length];
        for (int i = 0; i < labels.length; i++) {
            out[i] = "class-" + labels[i];
        }
        return out;
    }
}
