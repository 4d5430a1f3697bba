package org.saepj.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.saepj.subnetwork.SpaceDefinition;

/** The spaces shipped inside the library: each reads and passes the space checks, and matches its example file. */
class BuiltInSpacesTest {
    private static final Path EXAMPLES = Path.of("..", "examples", "spaces");

    @Test
    void everyBuiltInSpaceReadsAndIsNamedAsItsFile() {
        assertThat(BuiltInSpaces.names()).containsExactly("residual-mlp", "residual-cnn");
        for (String name : BuiltInSpaces.names()) {
            SpaceDefinition d = BuiltInSpaces.get(name);
            assertThat(d.name()).isEqualTo(name);
            assertThat(d.families()).isNotEmpty();
            assertThat(BuiltInSpaces.find(name)).contains(d);
        }
    }

    @Test
    void theImageSpaceIsTheExampleFileAndTheTableSpaceItsWiderTunedForm() throws Exception {
        // one definition, two places: the example a user copies is the space a default search of images searches
        assertThat(SpaceFiles.read(EXAMPLES.resolve("residual-cnn.json"))).isEqualTo(BuiltInSpaces.get("residual-cnn"));
        // the example residual MLP stays the small one the format's documentation and tests walk through; the
        // built-in is the same family tuned on public tables (docs/RESULTS.md): wider, with dropout in each block
        SpaceDefinition.Family example = SpaceFiles.read(EXAMPLES.resolve("residual-mlp.json"))
                .families()
                .get(0);
        SpaceDefinition.Family builtIn =
                BuiltInSpaces.get("residual-mlp").families().get(0);
        assertThat(builtIn.name()).isEqualTo(example.name());
        assertThat(builtIn.vary().get("width")).extracting(JsonNode::asInt).containsExactly(64, 128);
        assertThat(builtIn.blocks().get(1).nodes())
                .anySatisfy(n -> assertThat(n.layer().get("type").asText()).isEqualTo("dropout"));
    }

    @Test
    void theLinearExampleIsTheTableSpaceWithALinearModelAfterIt() throws Exception {
        // examples/spaces/residual-mlp-linear.json: the built-in's family unchanged and first (so its candidates keep
        // their positions, hence their seeds), then one dense candidate of depth 0: the output layer on the inputs
        SpaceDefinition linear = SpaceFiles.read(EXAMPLES.resolve("residual-mlp-linear.json"));
        assertThat(linear.families()).hasSize(2);
        assertThat(linear.families().get(0))
                .isEqualTo(BuiltInSpaces.get("residual-mlp").families().get(0));
        SpaceDefinition.Family model = linear.families().get(1);
        assertThat(model.widths()).containsExactly(1);
        assertThat(model.depths().rule()).isEqualTo("fixed");
        assertThat(model.depths().values()).containsExactly(0);
        assertThat(model.optimizer().learningRate()).isEqualTo(0.01);
    }

    @Test
    void theDropoutExampleIsTheTableSpaceWithItsDropoutVaried() throws Exception {
        // examples/spaces/residual-mlp-dropout.json (measured in docs/RESULTS.md): the built-in's family with one more
        // parameter, the blocks' dropout rate, and nothing else changed
        SpaceDefinition.Family builtIn = builtInTableFamily();
        SpaceDefinition.Family example = exampleFamily("residual-mlp-dropout.json");
        assertThat(example)
                .usingRecursiveComparison()
                .ignoringFields("vary", "blocks")
                .isEqualTo(builtIn);
        assertThat(example.vary()).containsOnlyKeys("width", "repeat", "dropout");
        assertThat(example.vary()).containsAllEntriesOf(builtIn.vary());
        assertThat(example.vary().get("dropout")).extracting(JsonNode::asDouble).containsExactly(0.1, 0.3);
        assertThat(example.blocks().get(0)).isEqualTo(builtIn.blocks().get(0));
        List<SpaceDefinition.NodeDefinition> nodes = example.blocks().get(1).nodes();
        List<SpaceDefinition.NodeDefinition> builtInNodes =
                builtIn.blocks().get(1).nodes();
        assertThat(nodes).hasSameSizeAs(builtInNodes);
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).id().equals("drop")) {
                assertThat(nodes.get(i).layer().get("rate").asText()).isEqualTo("$dropout");
                assertThat(builtInNodes.get(i).layer().get("rate").asDouble()).isEqualTo(0.1);
            } else {
                assertThat(nodes.get(i)).isEqualTo(builtInNodes.get(i));
            }
        }
    }

    @Test
    void theInputNormExampleIsTheTableSpaceWithABatchNormBeforeTheStem() throws Exception {
        // examples/spaces/residual-mlp-input-norm.json (measured in docs/RESULTS.md): the built-in's family with one
        // node more, a batch normalisation of the flattened inputs, and nothing else changed
        SpaceDefinition.Family builtIn = builtInTableFamily();
        SpaceDefinition.Family example = exampleFamily("residual-mlp-input-norm.json");
        assertThat(example).usingRecursiveComparison().ignoringFields("blocks").isEqualTo(builtIn);
        assertThat(example.blocks().get(1)).isEqualTo(builtIn.blocks().get(1));
        List<SpaceDefinition.NodeDefinition> stem =
                new java.util.ArrayList<>(example.blocks().get(0).nodes());
        SpaceDefinition.NodeDefinition norm = stem.remove(1);
        assertThat(norm.layer().get("type").asText()).isEqualTo("batch_norm");
        assertThat(stem).isEqualTo(builtIn.blocks().get(0).nodes());
    }

    private static SpaceDefinition.Family builtInTableFamily() {
        return BuiltInSpaces.get("residual-mlp").families().get(0);
    }

    private static SpaceDefinition.Family exampleFamily(String file) {
        return SpaceFiles.read(EXAMPLES.resolve(file)).families().get(0);
    }

    @Test
    void anUnknownNameIsNone() {
        assertThat(BuiltInSpaces.find("residual")).isEmpty();
        assertThat(BuiltInSpaces.find("examples/spaces/residual-mlp.json")).isEmpty();
        assertThatThrownBy(() -> BuiltInSpaces.get("dnn"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no built-in search space is named 'dnn': they are residual-mlp, residual-cnn");
    }
}
