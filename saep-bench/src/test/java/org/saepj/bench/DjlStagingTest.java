package org.saepj.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class DjlStagingTest {
    @Test
    void aBatchIsCopiedIntoADirectBufferOfNativeOrderEndingAtItsLastValue() {
        ByteBuffer b = DjlTrainer.staged(ByteBuffer.allocateDirect(0), new float[] {1, 2, 3, 4, 5}, 3);
        assertThat(b.isDirect()).isTrue();
        assertThat(b.order()).isEqualTo(ByteOrder.nativeOrder());
        assertThat(b.position()).isZero();
        assertThat(b.limit()).isEqualTo(3 * Float.BYTES);
        float[] back = new float[3];
        b.asFloatBuffer().get(back);
        assertThat(back).containsExactly(1, 2, 3);
    }

    @Test
    void theSameBufferCarriesEveryBatchThatFitsAndALargerOneReplacesIt() {
        ByteBuffer first = DjlTrainer.staged(ByteBuffer.allocateDirect(0), new float[] {1, 2, 3, 4}, 4);
        ByteBuffer second = DjlTrainer.staged(first, new float[] {7, 8}, 2);
        assertThat(second).isSameAs(first);
        assertThat(second.limit()).isEqualTo(2 * Float.BYTES);
        assertThat(second.getFloat(0)).isEqualTo(7);
        assertThat(second.getFloat(Float.BYTES)).isEqualTo(8);
        ByteBuffer third = DjlTrainer.staged(second, new float[] {1, 2, 3, 4, 5, 6}, 6);
        assertThat(third).isNotSameAs(first);
        assertThat(third.limit()).isEqualTo(6 * Float.BYTES);
        assertThat(third.getFloat(5 * Float.BYTES)).isEqualTo(6);
    }
}
