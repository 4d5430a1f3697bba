package org.saepj.diversity;

import org.saepj.information.InformationTheory;

/**
 * The five pairwise diversity measures of spec §8, each the mean over all member pairs i &lt; j. An ensemble
 * of fewer than two members has no pairs; every measure is then reported as 0 and {@link #pairs()} is 0.
 *
 * @param disagreement fraction of samples where two members predict different labels (the paper's measure)
 * @param disagreementWithLabels (b + c)/m: exactly one of the two is right
 * @param qStatistic (ad − bc)/(ad + bc); pairs with ad + bc = 0 count as 0
 * @param kappa Cohen's kappa between the two prediction vectors
 * @param doubleFault d/m: both are wrong
 * @param pairs the number of pairs averaged
 */
public record Diversity(
        double disagreement,
        double disagreementWithLabels,
        double qStatistic,
        double kappa,
        double doubleFault,
        int pairs) {
    /**
     * Measures a set of prediction vectors.
     *
     * @param predictions one predicted-label vector per member, all the same length
     * @param labels the true labels
     * @return the mean pairwise measures
     */
    public static Diversity of(int[][] predictions, int[] labels) {
        int n = predictions.length;
        if (n < 2) {
            return new Diversity(0, 0, 0, 0, 0, 0);
        }
        int classes = InformationTheory.alphabetSize(predictions, labels);
        double dis = 0;
        double disL = 0;
        double q = 0;
        double kappa = 0;
        double df = 0;
        int pairs = 0;
        int m = labels.length;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                int[] yi = predictions[i];
                int[] yj = predictions[j];
                long a = 0;
                long b = 0;
                long c = 0;
                long d = 0;
                long differ = 0;
                double[] pi = new double[classes];
                double[] pj = new double[classes];
                for (int s = 0; s < m; s++) {
                    boolean ri = yi[s] == labels[s];
                    boolean rj = yj[s] == labels[s];
                    if (ri && rj) {
                        a++;
                    } else if (!ri && rj) {
                        b++;
                    } else if (ri) {
                        c++;
                    } else {
                        d++;
                    }
                    if (yi[s] != yj[s]) {
                        differ++;
                    }
                    pi[yi[s]]++;
                    pj[yj[s]]++;
                }
                dis += (double) differ / m;
                disL += (double) (b + c) / m;
                double adbc = (double) a * d + (double) b * c;
                q += adbc == 0 ? 0 : ((double) a * d - (double) b * c) / adbc;
                double po = 1 - (double) differ / m;
                double pe = 0;
                for (int k = 0; k < classes; k++) {
                    pe += (pi[k] / m) * (pj[k] / m);
                }
                kappa += pe >= 1 ? 1 : (po - pe) / (1 - pe);
                df += (double) d / m;
                pairs++;
            }
        }
        return new Diversity(dis / pairs, disL / pairs, q / pairs, kappa / pairs, df / pairs, pairs);
    }
}
