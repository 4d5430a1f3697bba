package org.saepj.torch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class DirectFloatsTest {
    @Test
    void valuesAreCopiedIntoNativeMemoryOfNativeOrderEndingAtTheLast() {
        ByteBuffer b = new DirectFloats().stage(new float[] {1, 2, 3, 4, 5}, 1, 3);
        assertThat(b.isDirect()).isTrue();
        assertThat(b.order()).isEqualTo(ByteOrder.nativeOrder());
        assertThat(b.position()).isZero();
        assertThat(b.limit()).isEqualTo(3 * Float.BYTES);
        float[] back = new float[3];
        b.asFloatBuffer().get(back);
        assertThat(back).containsExactly(2, 3, 4);
    }

    @Test
    void theSameMemoryCarriesEveryCallThatFitsAndALargerOneReplacesIt() {
        DirectFloats staging = new DirectFloats();
        ByteBuffer first = staging.stage(new float[] {1, 2, 3, 4}, 0, 4);
        ByteBuffer second = staging.stage(new float[] {7, 8}, 0, 2);
        assertThat(second).isSameAs(first);
        assertThat(second.limit()).isEqualTo(2 * Float.BYTES);
        assertThat(second.getFloat(0)).isEqualTo(7);
        assertThat(second.getFloat(Float.BYTES)).isEqualTo(8);
        ByteBuffer third = staging.stage(new float[] {1, 2, 3, 4, 5, 6}, 0, 6);
        assertThat(third).isNotSameAs(first);
        assertThat(third.limit()).isEqualTo(6 * Float.BYTES);
        assertThat(third.getFloat(5 * Float.BYTES)).isEqualTo(6);
    }
}
