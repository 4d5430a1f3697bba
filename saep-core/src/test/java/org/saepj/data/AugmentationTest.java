package org.saepj.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Shifts and flips on a tiny image, the draws' determinism, and the typed form. */
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
                .hasMessage("'rotate' is not understood: expected shift, shift=PIXELS or flip, separated by commas");
        assertThatThrownBy(() -> Augmentation.parse("shift=0"))
                .hasMessage("shift=0: expected a whole number of pixels of at least 1");
        assertThat(new Augmentation(2, false).unfitFor(Shape.vector(8)))
                .isEqualTo("needs images, and the samples are rows of 8 features");
        assertThat(new Augmentation(2, false).unfitFor(SMALL)).isNull();
    }
}
