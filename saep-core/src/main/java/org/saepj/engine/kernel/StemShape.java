package org.saepj.engine.kernel;

/**
 * The shape of a stem's training run ({@link Kernels#fusesStem}): a K×K stride-1 same convolution of {@code h × w ×
 * cin} images into {@code cout} filters, followed by its batch norm, ReLU and a 2×2 max pool (even sides), and the
 * geometry of the zero-padded channel-major planes its sweeps copy each image into: value (i, j) of channel ci at
 * {@code (ci·(h + K − 1) + i + K/2)·paddedWidth + j + K/2}, every other float of the planes 0. A tap {@code t = (ky·K
 * + kx)·cin + ci} (the kernel's row) of output position (i, j) is then the plane value at {@code tapOffset(t) + i·
 * paddedWidth + j}.
 */
public final class StemShape {
    /** The interleaved float runs of the moments' sums: a 512-bit vector's lanes, kept at every vector width. */
    public static final int LANES = 16;

    private final int h;
    private final int w;
    private final int cin;
    private final int k;
    private final int cout;
    /** Per tap, where it is for output position (0, 0): computed once, read in the sweeps' inner loops. */
    private final int[] tapOffsets;

    /**
     * @param h image height, even
     * @param w image width, even
     * @param cin input channels
     * @param k the kernel's side K, odd
     * @param cout filters
     * @throws IllegalArgumentException for odd sides, an even kernel or an empty shape
     */
    public StemShape(int h, int w, int cin, int k, int cout) {
        if (h <= 0 || w <= 0 || h % 2 != 0 || w % 2 != 0) {
            throw new IllegalArgumentException("a stem's run needs even sides, got " + h + "×" + w);
        }
        if (k <= 0 || k % 2 == 0 || cin <= 0 || cout <= 0) {
            throw new IllegalArgumentException(
                    "a stem's run needs an odd kernel and channels, got K=" + k + ", " + cin + " → " + cout);
        }
        this.h = h;
        this.w = w;
        this.cin = cin;
        this.k = k;
        this.cout = cout;
        this.tapOffsets = new int[k * k * cin];
        for (int t = 0; t < tapOffsets.length; t++) {
            int ci = t % cin;
            int kx = t / cin % k;
            int ky = t / (cin * k);
            tapOffsets[t] = (ci * (h + k - 1) + ky) * paddedWidth() + kx;
        }
    }

    /** @return the image height */
    public int h() {
        return h;
    }

    /** @return the image width */
    public int w() {
        return w;
    }

    /** @return the input channels */
    public int cin() {
        return cin;
    }

    /** @return the kernel's side K */
    public int k() {
        return k;
    }

    /** @return the filters */
    public int cout() {
        return cout;
    }

    /** @return the kernel's rows, K²·cin */
    public int taps() {
        return k * k * cin;
    }

    /** @return the width of a padded plane: the columns in whole runs of {@link #LANES}, and the kernel's border */
    public int paddedWidth() {
        return (w + k - 1 + LANES - 1) / LANES * LANES;
    }

    /** @return the floats of an image's padded planes, {@code cin × (h + K − 1) × paddedWidth} */
    public int planeFloats() {
        return cin * (h + k - 1) * paddedWidth() + LANES;
    }

    /**
     * @return where the workspace's per-window values start, four vectors of filters a window at most (a window's four
     *     outputs, or its gated gradient), after the planes
     */
    int windowsAt() {
        return planeFloats();
    }

    /** @return where the runs' floats (nine runs of {@link #LANES}, then the moments' column mask) start */
    int runsAt() {
        return planeFloats() + 4 * (h / 2) * (w / 2) * cout;
    }

    /**
     * @return the floats of workspace the sweeps need: the planes, each pooled output's four values for every filter,
     *     nine runs' floats, a mask of the padded rows and each tap's masked values
     */
    public int workspace() {
        return runsAt() + 9 * LANES + (1 + taps()) * h * paddedWidth();
    }

    /**
     * @param t a tap
     * @return where tap t of output position (0, 0) is in the padded planes
     */
    public int tapOffset(int t) {
        return tapOffsets[t];
    }

    @Override
    public String toString() {
        return "stem " + h + "×" + w + "×" + cin + ", " + k + "×" + k + " → " + cout;
    }
}
