package org.saepj.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.Test;
import org.saepj.engine.optim.OptimizerSpec;

/** The one stored form of an optimizer: every kind round-trips, and forms written before weight decay still read. */
class OptimizerFormTest {
    @Test
    void everyOptimizerRoundTrips() throws Exception {
        for (OptimizerSpec o : new OptimizerSpec[] {
            new OptimizerSpec.RmsProp(0.003f),
            new OptimizerSpec.SgdMomentum(0.05f, 0.9f, 100),
            new OptimizerSpec.SgdMomentum(0.05f, 0.9f, 100, 5e-4f),
            new OptimizerSpec.Adam(0.001f),
            new OptimizerSpec.AdamW(0.001f, 0.05f)
        }) {
            assertThat(read(write(o))).as(o.toString()).isEqualTo(o);
        }
    }

    @Test
    void sgdWithoutDecayIsWrittenAsBeforeAndOldFormsReadWithoutDecay() throws Exception {
        String before = "{\"type\":\"sgd-momentum\",\"learningRate\":0.05,\"momentum\":0.9,\"decaySteps\":100}";
        assertThat(tree(write(new OptimizerSpec.SgdMomentum(0.05f, 0.9f, 100)))).isEqualTo(tree(before));
        assertThat(read(before)).isEqualTo(new OptimizerSpec.SgdMomentum(0.05f, 0.9f, 100, 0f));
        assertThat(tree(write(new OptimizerSpec.SgdMomentum(0.05f, 0.9f, 100, 5e-4f))))
                .isEqualTo(tree("{\"type\":\"sgd-momentum\",\"learningRate\":0.05,\"momentum\":0.9,\"decaySteps\":100,"
                        + "\"weightDecay\":5.0E-4}"));
    }

    @Test
    void aDecayThatIsNotANumberIsRefused() {
        assertThatThrownBy(() -> read("{\"type\":\"sgd-momentum\",\"learningRate\":0.05,\"momentum\":0.9,"
                        + "\"decaySteps\":100,\"weightDecay\":\"much\"}"))
                .isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("weightDecay must be a number");
    }

    private static com.fasterxml.jackson.databind.JsonNode tree(String json) throws Exception {
        return JsonFormat.mapper().readTree(json);
    }

    private static String write(OptimizerSpec o) throws Exception {
        return JsonFormat.mapper().writeValueAsString(o);
    }

    private static OptimizerSpec read(String json) throws Exception {
        return JsonFormat.mapper().readValue(json, OptimizerSpec.class);
    }
}
