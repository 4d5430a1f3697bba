package org.saepj.information;

/**
 * Entropies and mutual information of label vectors from empirical frequencies, natural logarithms,
 * {@code 0·ln 0 = 0} (spec §7). Vectors hold class indices in {@code [0, classes)}.
 */
public final class InformationTheory {
    private InformationTheory() {}

    /**
     * The number of classes a set of label vectors needs: the largest label seen plus one (at least 1).
     *
     * @param predictions label vectors (for example each member's predictions)
     * @param labels the true labels
     * @return the largest value in any of them plus one
     */
    public static int alphabetSize(int[][] predictions, int[] labels) {
        int max = 0;
        for (int[] p : predictions) {
            for (int v : p) {
                max = Math.max(max, v);
            }
        }
        for (int v : labels) {
            max = Math.max(max, v);
        }
        return max + 1;
    }

    /**
     * @param predictions one label vector per member
     * @param labels the true labels
     * @return each member's normalised mutual information with the labels
     */
    public static double[] nmiWithLabels(int[][] predictions, int[] labels) {
        double[] nmi = new double[predictions.length];
        for (int i = 0; i < predictions.length; i++) {
            nmi[i] = normalizedMutualInformation(predictions[i], labels);
        }
        return nmi;
    }

    /**
     * @param predictions one label vector per member
     * @return VI between every two members, 0 on the diagonal
     */
    public static double[][] viMatrix(int[][] predictions) {
        int n = predictions.length;
        double[][] vi = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                vi[i][j] = i == j ? 0 : variationOfInformation(predictions[i], predictions[j]);
            }
        }
        return vi;
    }

    /** @return the number of distinct values needed to index both vectors: the largest value plus one */
    static int alphabet(int[] x, int[] y) {
        int max = 0;
        for (int v : x) {
            max = Math.max(max, v);
        }
        for (int v : y) {
            max = Math.max(max, v);
        }
        return max + 1;
    }

    /**
     * @param x a label vector
     * @return H(X)
     */
    public static double entropy(int[] x) {
        int k = alphabet(x, x);
        double[] p = new double[k];
        for (int v : x) {
            p[v]++;
        }
        double h = 0;
        for (double c : p) {
            if (c > 0) {
                double q = c / x.length;
                h -= q * Math.log(q);
            }
        }
        return h;
    }

    /**
     * @param x a label vector
     * @param y a label vector of the same length
     * @return H(X, Y), the entropy of the joint table
     */
    public static double jointEntropy(int[] x, int[] y) {
        double[][] joint = joint(x, y);
        double h = 0;
        for (double[] row : joint) {
            for (double p : row) {
                if (p > 0) {
                    h -= p * Math.log(p);
                }
            }
        }
        return h;
    }

    /**
     * @param x a label vector
     * @param y a label vector of the same length
     * @return I(X; Y) = Σ p(a,b) ln[p(a,b) / (p(a) p(b))]
     */
    public static double mutualInformation(int[] x, int[] y) {
        double[][] joint = joint(x, y);
        int k = joint.length;
        double[] px = new double[k];
        double[] py = new double[k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                px[a] += joint[a][b];
                py[b] += joint[a][b];
            }
        }
        double i = 0;
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                double p = joint[a][b];
                if (p > 0) {
                    i += p * Math.log(p / (px[a] * py[b]));
                }
            }
        }
        return Math.max(0, i);
    }

    /**
     * Normalised mutual information I(X;Y) / √(H(X) H(Y)); 0 when either entropy is 0.
     *
     * @param x a label vector
     * @param y a label vector of the same length
     * @return MI(X, Y) in [0, 1]
     */
    public static double normalizedMutualInformation(int[] x, int[] y) {
        double hx = entropy(x);
        double hy = entropy(y);
        if (hx <= 0 || hy <= 0) {
            return 0;
        }
        return Math.min(1, mutualInformation(x, y) / Math.sqrt(hx * hy));
    }

    /**
     * Normalised variation of information 1 − I(X;Y) / H(X,Y); 1 when H(X,Y) = 0.
     *
     * @param x a label vector
     * @param y a label vector of the same length
     * @return VI(X, Y) in [0, 1]
     */
    public static double variationOfInformation(int[] x, int[] y) {
        double hxy = jointEntropy(x, y);
        if (hxy <= 0) {
            return 1;
        }
        return Math.max(0, 1 - mutualInformation(x, y) / hxy);
    }

    /**
     * The PIE pair score: 0 when the two prediction vectors are identical, else
     * {@code α·VI(ŷi, ŷj) + (1 − α)·[MI(ŷi, y) + MI(ŷj, y)] / 2}.
     *
     * @param yi one member's predicted labels
     * @param yj another member's predicted labels
     * @param labels the true labels
     * @param alpha the diversity–relevance trade-off in [0, 1]
     * @return TDAC(i, j)
     */
    public static double tdac(int[] yi, int[] yj, int[] labels, double alpha) {
        if (java.util.Arrays.equals(yi, yj)) {
            return 0;
        }
        return tdac(
                variationOfInformation(yi, yj),
                normalizedMutualInformation(yi, labels),
                normalizedMutualInformation(yj, labels),
                alpha);
    }

    /**
     * TDAC from precomputed parts (for greedy selection over many pairs).
     *
     * @param vi VI(ŷi, ŷj)
     * @param miI MI(ŷi, y)
     * @param miJ MI(ŷj, y)
     * @param alpha the trade-off
     * @return α·VI + (1 − α)·(MIi + MIj)/2
     */
    public static double tdac(double vi, double miI, double miJ, double alpha) {
        return alpha * vi + (1 - alpha) * (miI + miJ) / 2;
    }

    private static double[][] joint(int[] x, int[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("vectors differ in length: " + x.length + " and " + y.length);
        }
        if (x.length == 0) {
            throw new IllegalArgumentException("empty vectors");
        }
        int k = alphabet(x, y);
        double[][] joint = new double[k][k];
        double unit = 1.0 / x.length;
        for (int i = 0; i < x.length; i++) {
            joint[x[i]][y[i]] += unit;
        }
        return joint;
    }
}
