package org.saepj.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.saepj.data.preprocess.Scaling;
import org.saepj.persistence.JsonFormat;

/** The configuration's parts validate themselves, name the refused setting, and earlier flat layouts still read. */
class ConfigPartsTest {
    @Test
    void aRefusedSettingIsNamedWithWhatIsAccepted() {
        InvalidSettingException steps = catchThrowableOfType(
                () -> SearchConfig.builder().iterations(4).totalSteps(3).build(), InvalidSettingException.class);
        assertThat(steps.setting()).isEqualTo("totalSteps");
        assertThat(steps.problem()).isEqualTo("must be at least the number of iterations (4), got 3");
        assertThat(catchThrowableOfType(
                                () -> SearchConfig.builder().learningRate(1e-50).build(), InvalidSettingException.class)
                        .setting())
                .isEqualTo("learningRate");
        assertThat(catchThrowableOfType(() -> SearchConfig.builder().pair(3, 3).build(), InvalidSettingException.class)
                        .setting())
                .isEqualTo("pair");
        assertThat(catchThrowableOfType(() -> SearchConfig.builder().lambda(-1).build(), InvalidSettingException.class)
                        .setting())
                .isEqualTo("lambda");
        assertThat(catchThrowableOfType(() -> new StoppingRule(false, Double.NaN), InvalidSettingException.class)
                        .setting())
                .isEqualTo("maxSeconds");
    }

    @Test
    void theStoredFormIsInPartsAndAFlatEarlierOneReadsTheSame() throws Exception {
        SearchConfig config = SearchConfig.builder()
                .method("pie")
                .iterations(3)
                .totalSteps(90)
                .seed(4)
                .threads(2)
                .lambda(0.01)
                .mixture(Mixture.LEARNED)
                .pair(1, 2)
                .build();
        JsonNode nested = JsonFormat.mapper().valueToTree(config);
        assertThat(nested.at("/budget/iterations").asInt()).isEqualTo(3);
        assertThat(nested.at("/objective/mixture").asText()).isEqualTo("learned");
        assertThat(nested.at("/data/pair").toString()).isEqualTo("[1,2]");
        assertThat(nested.at("/space/model").asText()).isEqualTo("dnn");
        ObjectNode flat = JsonFormat.mapper().createObjectNode();
        flat.put("dataset", "fashion-mnist").putArray("pair").add(1).add(2);
        flat.put("folds", 0).put("testFraction", 0.2).put("model", "DNN").putNull("space");
        flat.put("method", "PIE")
                .put("alpha", 0.5)
                .put("mixture", "LEARNED")
                .put("lambda", 0.01)
                .put("beta", 0.0);
        flat.put("iterations", 3)
                .put("totalSteps", 90)
                .put("batchSize", 64)
                .put("learningRate", 0.003)
                .put("width", 32);
        flat.put("seed", 4).put("threads", 2);
        flat.putObject("selection").put("holdoutFraction", 0.0);
        // the one reader of a configuration reads the flat layout: no caller upgrades it
        assertThat(JsonFormat.mapper().treeToValue(flat, SearchConfig.class)).isEqualTo(config);
    }

    @Test
    void theScalingIsStoredWithTheDataAndAnEarlierConfigurationReadsAsStandard() throws Exception {
        SearchConfig robust = SearchConfig.builder().scaling(Scaling.ROBUST).build();
        JsonNode stored = JsonFormat.mapper().valueToTree(robust);
        assertThat(stored.at("/data/scaling").asText()).isEqualTo("robust");
        assertThat(JsonFormat.mapper().treeToValue(stored, SearchConfig.class)).isEqualTo(robust);
        assertThat(robust.toString()).contains(", scaling=robust");
        // a configuration stored before the setting existed has no field: it was standardised
        ObjectNode earlier =
                JsonFormat.mapper().valueToTree(SearchConfig.builder().build());
        ((ObjectNode) earlier.get("data")).remove("scaling");
        SearchConfig read = JsonFormat.mapper().treeToValue(earlier, SearchConfig.class);
        assertThat(read.scaling()).isEqualTo(Scaling.STANDARD);
        assertThat(read).isEqualTo(SearchConfig.builder().build()).isNotEqualTo(robust);
        assertThat(Scaling.parse(" Robust ")).isEqualTo(Scaling.ROBUST);
        SearchConfig ple = SearchConfig.builder().scaling(Scaling.PLE).build();
        JsonNode pleStored = JsonFormat.mapper().valueToTree(ple);
        assertThat(pleStored.at("/data/scaling").asText()).isEqualTo("ple");
        assertThat(JsonFormat.mapper().treeToValue(pleStored, SearchConfig.class))
                .isEqualTo(ple);
        assertThatThrownBy(() -> Scaling.parse("minmax"))
                .hasMessage("unknown scaling 'minmax': expected standard, robust, ple or auto");
        // auto compares the encodings on validation data: a search with none (the paper's) is refused in one line
        SearchConfig auto = Preset.VALIDATED
                .applyTo(SearchConfig.builder().scaling(Scaling.AUTO))
                .build();
        assertThat(JsonFormat.mapper().treeToValue(JsonFormat.mapper().valueToTree(auto), SearchConfig.class))
                .isEqualTo(auto);
        InvalidSettingException paper = catchThrowableOfType(
                () -> SearchConfig.builder().scaling(Scaling.AUTO).build(), InvalidSettingException.class);
        assertThat(paper.setting()).isEqualTo("scaling");
        assertThat(paper.problem()).contains("validation data").contains("--validation 0.1");
    }
}
