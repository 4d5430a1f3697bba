package org.saepj.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.saepj.engine.layer.Conv2DKind;
import org.saepj.engine.layer.LayerSpec;

/**
 * A layer's optional settings (conv2d's stride and padding) in stored files: left out at their defaults, so a
 * convolution is stored exactly as before they existed, and files without them read as they always did.
 */
class OptionalLayerSettingsTest {
    private final ObjectMapper json = JsonFormat.mapper();

    @Test
    void aConvolutionAtTheDefaultsIsStoredAsBeforeAndOthersNameThem() throws Exception {
        assertThat(json.readTree(json.writeValueAsString(new Conv2DKind.Spec(8, 3))))
                .isEqualTo(json.readTree("{\"type\": \"conv2d\", \"filters\": 8, \"kernel\": 3}"));
        assertThat(json.readTree(json.writeValueAsString(new Conv2DKind.Spec(8, 7, 2, "same"))))
                .isEqualTo(json.readTree("{\"type\": \"conv2d\", \"filters\": 8, \"kernel\": 7, \"stride\": 2}"));
        Conv2DKind.Spec valid = new Conv2DKind.Spec(4, 1, 2, "valid");
        String text = json.writeValueAsString(valid);
        assertThat(json.readTree(text))
                .isEqualTo(json.readTree("{\"type\": \"conv2d\", \"filters\": 4, \"kernel\": 1, \"stride\": 2,"
                        + " \"padding\": \"valid\"}"));
        assertThat(json.readValue(text, LayerSpec.class)).isEqualTo(valid);
    }

    @Test
    void aConvolutionStoredBeforeTheSettingsExistedReadsAsStrideOneSamePadding() throws Exception {
        assertThat(json.readValue("{\"type\": \"conv2d\", \"filters\": 8, \"kernel\": 5}", LayerSpec.class))
                .isEqualTo(new Conv2DKind.Spec(8, 5, 1, "same"));
        assertThat(json.readValue(
                        "{\"type\": \"conv2d\", \"filters\": 8, \"kernel\": 5, \"stride\": 1}", LayerSpec.class))
                .as("a default written out")
                .isEqualTo(new Conv2DKind.Spec(8, 5));
    }

    @Test
    void aWrongSettingIsNamedWithWhatIsAccepted() {
        assertThatThrownBy(() -> json.readValue(
                        "{\"type\": \"conv2d\", \"filters\": 8, \"kernel\": 3, \"stride\": 3}", LayerSpec.class))
                .hasMessageContaining("invalid conv2d layer: conv2d: stride must be 1 or 2, got 3");
        assertThatThrownBy(() -> json.readValue(
                        "{\"type\": \"conv2d\", \"filters\": 8, \"kernel\": 3, \"padding\": \"full\"}",
                        LayerSpec.class))
                .hasMessageContaining("conv2d: padding must be \"same\" or \"valid\", got \"full\"");
    }
}
