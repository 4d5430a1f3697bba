package org.saepj.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Shifts (random crops), flips and erasing on small images, the draws' determinism, and the typed form. */
class AugmentationTest {
    /** 3 × 4, one channel: value = 10·row + column + 1, so 0 can only be fill. */
    private static final Shape SMALL = new Shape(3, 4, 1);

    private static float[] image() {
        float[] x = new float[12];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                x[r * 4 + c] = 10 * r + c + 1;
            }
        }
        return x;
    }

    private static float[] transformed(int dy, int dx, boolean mirror) {
        float[] out = new float[12];
        Augmentation.transform(image(), 0, out, 0, SMALL, dy, dx, mirror);
        return out;
    }

    @Test
    void shiftMovesDownAndRightFillingWithZero() {
        assertThat(transformed(1, 1, false)).containsExactly(0, 0, 0, 0, 0, 1, 2, 3, 0, 11, 12, 13);
        assertThat(transformed(-1, -2, false)).containsExactly(13, 14, 0, 0, 23, 24, 0, 0, 0, 0, 0, 0);
        assertThat(transformed(0, 0, false)).containsExactly(image());
    }

    @Test
    void flipMirrorsEachRowAndFollowsTheShift() {
        assertThat(transformed(0, 0, true)).containsExactly(4, 3, 2, 1, 14, 13, 12, 11, 24, 23, 22, 21);
        // moved right by one, then mirrored: the fill lands on the right
        assertThat(transformed(0, 1, true)).containsExactly(3, 2, 1, 0, 13, 12, 11, 0, 23, 22, 21, 0);
    }

    @Test
    void channelsMoveTogether() {
        Shape rgb = new Shape(1, 2, 3);
        float[] x = {1, 2, 3, 4, 5, 6};
        float[] out = new float[6];
        Augmentation.transform(x, 0, out, 0, rgb, 0, 0, true);
        assertThat(out).containsExactly(4, 5, 6, 1, 2, 3);
        Augmentation.transform(x, 0, out, 0, rgb, 0, 1, false);
        assertThat(out).containsExactly(0, 0, 0, 1, 2, 3);
    }

    @Test
    void theSeedAndStepFixEveryDraw() {
        Augmentation a = new Augmentation(1, true);
        float[] batch = new float[5 * 12];
        for (int i = 0; i < 5; i++) {
            System.arraycopy(image(), 0, batch, i * 12, 12);
        }
        float[] first = batch.clone();
        float[] again = batch.clone();
        float[] otherStep = batch.clone();
        a.apply(first, 5, SMALL, 42, 7, new float[12]);
        a.apply(again, 5, SMALL, 42, 7, new float[12]);
        a.apply(otherStep, 5, SMALL, 42, 8, new float[12]);
        assertThat(again).containsExactly(first);
        assertThat(otherStep).isNotEqualTo(first);
        // every sample is one of the 3 × 3 shifts, mirrored or not, of the original
        for (int i = 0; i < 5; i++) {
            float[] sample = java.util.Arrays.copyOfRange(first, i * 12, i * 12 + 12);
            boolean found = false;
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    for (boolean m : new boolean[] {false, true}) {
                        found |= java.util.Arrays.equals(sample, transformed(dy, dx, m));
                    }
                }
            }
            assertThat(found).as("sample %d", i).isTrue();
        }
    }

    @Test
    void noneLeavesTheBatchAlone() {
        float[] x = image();
        Augmentation.NONE.apply(x, 1, SMALL, 1, 1, new float[12]);
        assertThat(x).containsExactly(image());
    }

    @Test
    void parsesTheTypedForm() {
        assertThat(Augmentation.parse("shift,flip")).isEqualTo(new Augmentation(Augmentation.DEFAULT_SHIFT, true));
        assertThat(Augmentation.parse("shift=2")).isEqualTo(new Augmentation(2, false));
        assertThat(Augmentation.parse("flip")).isEqualTo(new Augmentation(0, true));
        assertThat(Augmentation.parse("none")).isEqualTo(Augmentation.NONE);
        assertThat(new Augmentation(2, true).toString()).isEqualTo("shift=2,flip");
        assertThatThrownBy(() -> Augmentation.parse("rotate"))
                .hasMessage("'rotate' is not understood: expected crop, crop=PIXELS, shift, shift=PIXELS, flip or"
                        + " erase, separated by commas");
        assertThatThrownBy(() -> Augmentation.parse("shift=0"))
                .hasMessage("shift=0: expected a whole number of pixels of at least 1");
        assertThat(new Augmentation(2, false).unfitFor(Shape.vector(8)))
                .isEqualTo("needs images, and the samples are rows of 8 features");
        assertThat(new Augmentation(2, false).unfitFor(SMALL)).isNull();
    }

    @Test
    void cropIsTheShiftAndItsPaddingFollowsTheImageSize() {
        assertThat(Augmentation.parse("crop")).isEqualTo(new Augmentation(Augmentation.CROP_FOR_IMAGE, false));
        assertThat(Augmentation.parse("crop=3,flip,erase")).isEqualTo(new Augmentation(3, true, true));
        assertThat(Augmentation.parse("crop").padding(new Shape(28, 28, 1))).isEqualTo(2);
        assertThat(Augmentation.parse("crop").padding(new Shape(32, 32, 3))).isEqualTo(4);
        assertThat(Augmentation.parse("crop=3").padding(new Shape(32, 32, 3))).isEqualTo(3);
        assertThat(Augmentation.parse("crop,erase").toString()).isEqualTo("crop,erase");
        assertThat(Augmentation.parse("erase").isNone()).isFalse();
        assertThatThrownBy(() -> Augmentation.parse("crop=0"))
                .hasMessage("crop=0: expected a whole number of pixels of at least 1");
    }

    @Test
    void theShiftIsExactlyARandomCropOfTheZeroPaddedImage() {
        // torchvision's RandomCrop(size, padding=P): pad by P with zeros, cut the original size at (i, j) in [0, 2P]
        int pad = 2;
        int h = SMALL.height() + 2 * pad;
        int w = SMALL.width() + 2 * pad;
        float[] padded = new float[h * w];
        float[] x = image();
        for (int r = 0; r < SMALL.height(); r++) {
            System.arraycopy(x, r * SMALL.width(), padded, (r + pad) * w + pad, SMALL.width());
        }
        for (int i = 0; i <= 2 * pad; i++) {
            for (int j = 0; j <= 2 * pad; j++) {
                float[] crop = new float[12];
                for (int r = 0; r < SMALL.height(); r++) {
                    System.arraycopy(padded, (r + i) * w + j, crop, r * SMALL.width(), SMALL.width());
                }
                assertThat(transformed(pad - i, pad - j, false))
                        .as("crop at %d, %d", i, j)
                        .containsExactly(crop);
            }
        }
    }

    @Test
    void erasingZeroesOneRectangleOfTorchvisionsSizesInHalfOfTheImages() {
        Shape s = new Shape(28, 28, 2);
        int n = 2000;
        float[] batch = new float[n * s.size()];
        java.util.Arrays.fill(batch, 1f);
        new Augmentation(0, false, true).apply(batch, n, s, 5, 3, new float[s.size()]);
        int erased = 0;
        for (int k = 0; k < n; k++) {
            int top = 28;
            int bottom = -1;
            int left = 28;
            int right = -1;
            int zeros = 0;
            for (int r = 0; r < 28; r++) {
                for (int c = 0; c < 28; c++) {
                    int at = k * s.size() + (r * 28 + c) * 2;
                    // both channels together
                    assertThat(batch[at]).isEqualTo(batch[at + 1]);
                    if (batch[at] == 0) {
                        zeros++;
                        top = Math.min(top, r);
                        bottom = Math.max(bottom, r);
                        left = Math.min(left, c);
                        right = Math.max(right, c);
                    }
                }
            }
            if (zeros == 0) {
                continue;
            }
            erased++;
            int eh = bottom - top + 1;
            int ew = right - left + 1;
            assertThat(zeros).as("image %d: one full rectangle", k).isEqualTo(eh * ew);
            assertThat(eh).isLessThan(28);
            assertThat(ew).isLessThan(28);
            // area 0.02–0.33 of 784 and ratio 0.3–3.3, before each side is rounded to a whole pixel
            double side = Math.sqrt(0.33 * 784 * 3.3) + 0.5;
            assertThat((double) eh).isBetween(Math.sqrt(0.02 * 784 * 0.3) - 0.5, side);
            assertThat((double) eh * ew).isBetween(0.02 * 784 * 0.5, 0.33 * 784 * 1.5);
            double ratio = (double) eh / ew;
            assertThat(ratio).isBetween(0.3 * 0.6, 3.3 / 0.6);
        }
        // p = 0.5, less the images where no try fits (rare at these sizes)
        assertThat(erased).isBetween(900, 1080);
    }

    @Test
    void erasingFollowsTheSeedAndStep() {
        Shape s = new Shape(8, 8, 1);
        float[] ones = new float[16 * 64];
        java.util.Arrays.fill(ones, 1f);
        Augmentation a = Augmentation.parse("crop,flip,erase");
        float[] first = ones.clone();
        float[] again = ones.clone();
        float[] other = ones.clone();
        a.apply(first, 16, s, 9, 4, new float[64]);
        a.apply(again, 16, s, 9, 4, new float[64]);
        a.apply(other, 16, s, 9, 5, new float[64]);
        assertThat(again).containsExactly(first);
        assertThat(other).isNotEqualTo(first);
    }
}
