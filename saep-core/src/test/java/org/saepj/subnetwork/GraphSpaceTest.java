package org.saepj.subnetwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.SaepException;
import org.saepj.data.Shape;
import org.saepj.engine.layer.BatchNormKind;
import org.saepj.engine.layer.Conv2DKind;
import org.saepj.engine.layer.DenseKind;
import org.saepj.engine.layer.LayerGraph;
import org.saepj.engine.layer.LayerKinds;
import org.saepj.engine.optim.OptimizerSpec;
import org.saepj.persistence.JsonFormat;
import org.saepj.persistence.SpaceFiles;

/** Search-space format 2: graph families, their candidates in order, and every mistake named by file and field. */
class GraphSpaceTest {
    static final Path EXAMPLES = Path.of("..", "examples", "spaces");

    @TempDir
    Path dir;

    static SpaceDefinition example(String name) {
        return SpaceFiles.read(EXAMPLES.resolve(name + ".json"));
    }

    @Test
    void everyCombinationIsOneCandidateTheFirstParameterVaryingSlowest() {
        DefinedSpace space = new DefinedSpace(example("residual-mlp"), Shape.vector(4), 3, 0.003f, 100, 5);
        List<CandidateSpec> c = space.candidates(2, OptionalInt.of(9));
        assertThat(c.stream().map(CandidateSpec::name))
                .containsExactly(
                        "resmlp-width32-repeat1",
                        "resmlp-width32-repeat2",
                        "resmlp-width64-repeat1",
                        "resmlp-width64-repeat2");
        for (int i = 0; i < c.size(); i++) {
            assertThat(c.get(i).seed()).isEqualTo(Seeds.derive(5, Seeds.CANDIDATE, 2, i));
            assertThat(c.get(i).optimizer()).isEqualTo(new OptimizerSpec.Adam(0.001f));
            assertThat(c.get(i).architecture().kind()).isEqualTo("resmlp");
        }
        // Depth: the blocks stacked (the stem and each residual block); complexity √depth (sqrt-depth).
        assertThat(c.stream().map(s -> s.architecture().depth())).containsExactly(2, 3, 2, 3);
        assertThat(c.get(1).complexityValue()).isEqualTo(Math.sqrt(3));
        assertThat(space.independentOfEnsemble()).isTrue();
        assertThat(space.maxCandidates()).isEqualTo(4);
        assertThat(space.largest(5)).isEqualTo(c.get(3).architecture());

        LayerGraph g = c.get(1).architecture().graph();
        assertThat(g.nodes().stream().map(LayerGraph.Node::id))
                .containsExactly(
                        "stem_1_flat",
                        "stem_1_proj",
                        "stem_1_act",
                        "res_1_fc1",
                        "res_1_act1",
                        "res_1_fc2",
                        "res_1_sum",
                        "res_1_act2",
                        "res_2_fc1",
                        "res_2_act1",
                        "res_2_fc2",
                        "res_2_sum",
                        "res_2_act2",
                        "head_dense");
        assertThat(node(g, "res_2_sum").inputs())
                .as("residual: the block's input and its last dense")
                .containsExactly("res_1_act2", "res_2_fc2");
        assertThat(node(g, "res_1_fc1").inputs()).containsExactly("stem_1_act");
        assertThat(g.output()).isEqualTo(Shape.vector(3));
        long w = 32;
        assertThat(g.parameterCount()).isEqualTo(4 * w + w + 2 * 2 * (w * w + w) + w * 3 + 3);
    }

    @Test
    void aResidualCnnWithBatchNormBuildsAndItsHeadNeedsNoSecondFlatten() {
        DefinedSpace space = new DefinedSpace(example("residual-cnn"), new Shape(28, 28, 1), 10, 0.003f, 100, 5);
        List<CandidateSpec> c = space.candidates(0, OptionalInt.empty());
        assertThat(c.stream().map(CandidateSpec::name)).containsExactly("resnet-filters16", "resnet-filters32");
        LayerGraph g = c.get(0).architecture().graph();
        assertThat(g.nodes().get(1).spec()).isEqualTo(new BatchNormKind.Spec(0.1, 1e-5));
        assertThat(node(g, "res_1_sum").inputs()).containsExactly("stem_1_pool", "res_1_bn2");
        assertThat(shape(g, "out_1_flat")).isEqualTo(Shape.vector(7 * 7 * 16));
        // The body ends in a vector (a dense layer of 128 and its relu): the head adds its dense layer only.
        assertThat(node(g, "out_1_fc").spec()).isEqualTo(new DenseKind.Spec(128));
        assertThat(g.nodes().get(g.nodes().size() - 2).id()).isEqualTo("out_1_fcact");
        assertThat(g.nodes().get(g.nodes().size() - 1).id()).isEqualTo("head_dense");
        assertThat(c.get(0).optimizer()).isEqualTo(new OptimizerSpec.SgdMomentum(0.05f, 0.9f, 100, 5e-4f));
    }

    @Test
    void theTwoStageResidualCnnAddsAStrideTwoBlockToSixtyFourFilters() {
        DefinedSpace space =
                new DefinedSpace(example("residual-cnn-two-stage"), new Shape(28, 28, 1), 10, 0.003f, 100, 5);
        List<CandidateSpec> c = space.candidates(0, OptionalInt.empty());
        assertThat(c.stream().map(CandidateSpec::name))
                .containsExactly("resnet-filters16-wide64", "resnet-filters32-wide64");
        LayerGraph g = c.get(1).architecture().graph();
        assertThat(shape(g, "res_1_sum")).isEqualTo(new Shape(14, 14, 32));
        assertThat(node(g, "down_1_conv1").spec()).isEqualTo(new Conv2DKind.Spec(64, 3, 2, "same"));
        assertThat(node(g, "down_1_proj").spec()).isEqualTo(new Conv2DKind.Spec(64, 1, 2, "same"));
        assertThat(node(g, "down_1_proj").inputs()).containsExactly("res_1_act2");
        assertThat(node(g, "down_1_sum").inputs()).containsExactly("down_1_bnp", "down_1_bn2");
        assertThat(shape(g, "down_1_sum")).isEqualTo(new Shape(7, 7, 64));
        assertThat(shape(g, "out_1_flat")).isEqualTo(Shape.vector(7 * 7 * 64));
        int stage1 = 9 * 32 + 32 + 2 * 32 + 2 * (9 * 32 * 32 + 32 + 2 * 32);
        int stage2 = 9 * 32 * 64 + 64 + 9 * 64 * 64 + 64 + 32 * 64 + 64 + 3 * 2 * 64;
        assertThat(g.parameterCount())
                .as("the 479,754 parameters its Fashion-MNIST search reports (docs/RESULTS.md)")
                .isEqualTo(stage1 + stage2 + 3136 * 128 + 128 + 128 * 10 + 10)
                .isEqualTo(479_754);
    }

    @Test
    void aStridedCnnDownsamplesByStrideWithAProjectedShortcut() {
        DefinedSpace space = new DefinedSpace(example("strided-cnn"), new Shape(28, 28, 1), 10, 0.003f, 100, 5);
        List<CandidateSpec> c = space.candidates(0, OptionalInt.empty());
        assertThat(c.stream().map(CandidateSpec::name))
                .containsExactly(
                        "strided-filters8-repeat1",
                        "strided-filters8-repeat2",
                        "strided-filters16-repeat1",
                        "strided-filters16-repeat2");
        LayerGraph g = c.get(1).architecture().graph();
        assertThat(node(g, "stem_1_conv").spec()).isEqualTo(new Conv2DKind.Spec(8, 7, 2, "same"));
        assertThat(node(g, "down_1_conv2").spec())
                .as("stride and padding left out")
                .isEqualTo(new Conv2DKind.Spec(8, 3));
        assertThat(node(g, "down_2_proj").spec()).isEqualTo(new Conv2DKind.Spec(8, 1, 2, "same"));
        assertThat(node(g, "down_2_proj").inputs()).containsExactly("down_1_act2");
        assertThat(shape(g, "stem_1_act")).isEqualTo(new Shape(14, 14, 8));
        assertThat(shape(g, "down_1_sum")).isEqualTo(new Shape(7, 7, 8));
        assertThat(shape(g, "down_2_sum")).as("same padding: ⌈7 / 2⌉").isEqualTo(new Shape(4, 4, 8));
        assertThat(shape(g, "out_1_pool")).isEqualTo(Shape.vector(8));
        // A file written before stride and padding existed means stride 1 and same padding.
        LayerGraph resnet = new DefinedSpace(example("residual-cnn"), new Shape(28, 28, 1), 10, 0.003f, 100, 5)
                .candidates(0, OptionalInt.empty())
                .get(0)
                .architecture()
                .graph();
        assertThat(resnet.nodes().get(0).spec()).isEqualTo(new Conv2DKind.Spec(16, 3, 1, "same"));
    }

    @Test
    void convolutionSettingsAreCheckedNamingTheFieldAndWhatIsAccepted() throws Exception {
        String good = Files.readString(EXAMPLES.resolve("strided-cnn.json"));
        assertThat(refused(good.replace("\"kernel\": 7, \"stride\": 2", "\"kernel\": 7, \"stride\": 3")))
                .contains(": families[0].blocks[0].nodes[0].layer: conv2d: stride must be 1 or 2, got 3");
        assertThat(refused(good.replace("\"kernel\": 7, \"stride\": 2", "\"kernel\": 7, \"padding\": \"full\"")))
                .contains(": families[0].blocks[0].nodes[0].layer: conv2d: padding must be \"same\" or \"valid\","
                        + " got \"full\"");
        assertThat(refused(good.replace("\"kernel\": 7, \"stride\": 2", "\"kernel\": 9")))
                .contains(": families[0].blocks[0].nodes[0].layer: conv2d: kernel must be 1, 3, 5 or 7, got 9");
        assertThat(refused(good.replace("\"kernel\": 7, \"stride\": 2", "\"kernel\": 7, \"strides\": 2")))
                .endsWith(": families[0].blocks[0].nodes[0].layer.strides: not a setting of conv2d (its settings are"
                        + " filters, kernel, stride (optional, default 1), padding (optional, default \"same\"))");
        SpaceDefinition valid = read(good.replace(
                "\"kernel\": 7, \"stride\": 2", "\"kernel\": 7, \"stride\": 2," + " \"padding\": \"valid\""));
        assertThatThrownBy(() -> new DefinedSpace(valid, new Shape(6, 6, 1), 3, 0.003f, 100, 5))
                .hasMessageContaining("conv2d with valid padding needs an input of at least 7×7, got 6×6×1");
    }

    @Test
    void theSpaceIsStoredAsWrittenAndFormat1StoresAsBefore() throws Exception {
        SpaceDefinition d = example("residual-mlp");
        String json = JsonFormat.mapper().writeValueAsString(d);
        SpaceDefinition back = JsonFormat.mapper().readValue(json, SpaceDefinition.class);
        assertThat(back).isEqualTo(d);
        assertThat(List.copyOf(back.families().get(0).vary().keySet())).containsExactly("width", "repeat");
        JsonNode stored = JsonFormat.mapper().readTree(json);
        assertThat(stored.at("/families/0/blocks/1/nodes/0/layer/units").asText())
                .isEqualTo("$width");
        assertThat(stored.at("/families/0/blocks/1/nodes/0/inputs").isMissingNode())
                .isTrue();

        JsonNode v1 = JsonFormat.mapper().valueToTree(example("cnn-and-dnn"));
        assertThat(v1.at("/families/0/blocks/0").toString()).isEqualTo("{\"filters\":16,\"kernel\":3}");
        assertThat(v1.at("/families/1").has("vary") || v1.at("/families/1").has("body"))
                .isFalse();
    }

    @Test
    void everyMistakeNamesTheFileAndTheField() throws Exception {
        String good = Files.readString(EXAMPLES.resolve("residual-mlp.json"));
        assertThat(refused(good.replace(
                        "{\"id\": \"fc1\", \"layer\": {\"type\": \"dense\"",
                        "{\"id\": \"fc1\", \"layer\": {\"type\": \"dens\"")))
                .contains(": families[0].blocks[1].nodes[0].layer.type: unknown layer type 'dens'")
                .endsWith("known types are " + String.join(", ", LayerKinds.types()));
        assertThat(refused(good.replace(
                        "\"fc2\", \"layer\": {\"type\": \"dense\", \"units\"",
                        "\"fc2\", \"layer\": {\"type\": \"dense\", \"unit\"")))
                .endsWith(": families[0].blocks[1].nodes[2].layer.unit: not a setting of dense"
                        + " (its settings are units)");
        assertThat(refused(good.replace(
                        "\"proj\", \"layer\": {\"type\": \"dense\", \"units\": \"$width\"}",
                        "\"proj\", \"layer\": {\"type\": \"dense\"}")))
                .endsWith(": families[0].blocks[0].nodes[1].layer: dense needs units (its settings are units)");
        assertThat(refused(good.replace("[32, 64]", "[32, 0]")))
                .contains(": families[0].blocks[0].nodes[1].layer: ")
                .endsWith("(for width=0, repeat=1)");
        assertThat(refused(good.replace("[32, 64]", "[32, 64.5]")))
                .contains(": families[0].blocks[0].nodes[1].layer: not a valid dense layer");
        assertThat(refused(good.replace(
                        "\"proj\", \"layer\": {\"type\": \"dense\", \"units\": \"$width\"",
                        "\"proj\", \"layer\": {\"type\": \"dense\", \"units\": \"$wide\"")))
                .endsWith(": families[0].blocks[0].nodes[1].layer.units: $wide is not a parameter of vary"
                        + " (its parameters are width, repeat)");
        assertThat(refused(good.replace("\"repeat\": [1, 2]}", "\"repeat\": [1, 2], \"depth\": [3]}")))
                .endsWith(": families[0].vary.depth: is used nowhere: no layer setting or repeat is $depth");
        assertThat(refused(good.replace("\"repeat\": [1, 2]", "\"repeat\": [1, 17]")))
                .endsWith(": families[0].body[1].repeat: must be a whole number from 0 to 16, got 17 ($repeat)");
        assertThat(refused(good.replace("\"repeat\": \"$repeat\"", "\"repeat\": 1.5")))
                .endsWith(": families[0].body[1].repeat: must be a whole number from 0 to 16 or \"$p\","
                        + " a parameter of vary");
        assertThat(refused(good.replace("{\"block\": \"res\"", "{\"block\": \"rest\"")))
                .endsWith(": families[0].body[1].block: must name a block of the family (stem, res), got 'rest'");
        assertThat(refused(good.replace("[\"input\", \"fc2\"]", "[\"input\", \"fc3\"]")))
                .endsWith(": families[0].blocks[1].nodes[3].inputs: 'fc3' is neither 'input' (the block's input) nor an"
                        + " earlier node of the block");
        assertThat(refused(good.replace("[\"input\", \"fc2\"]", "[\"input\", \"act1\"]")))
                .endsWith(": families[0].blocks[1].nodes[2]: 'fc2' is read by no later node:"
                        + " a block's one output is its last node");
        assertThat(refused(good.replace("\"id\": \"act1\"", "\"id\": \"fc1\"")))
                .endsWith(": families[0].blocks[1].nodes[1].id: 'fc1' names two nodes of the block");
        assertThat(refused(good.replace("\"id\": \"flat\"", "\"id\": \"input\"")))
                .contains(": families[0].blocks[0].nodes[0].id: must be a name");
        assertThat(refused(good.replace("\"name\": \"res\"", "\"name\": \"stem\"")))
                .endsWith(": families[0].blocks[1].name: 'stem' names two blocks");
        assertThat(refused(good.replace("\"formatVersion\": 2", "\"formatVersion\": 1")))
                .endsWith(": families[0].type: graph families need formatVersion 2");
        assertThat(refused(good.replace("\"type\": \"graph\",", "\"type\": \"graph\", \"widths\": [3],")))
                .endsWith(": families[0]: widths, depths and dense belong to dense and conv families");
        assertThat(refused(good.replace(
                        "\"width\": [32, 64]",
                        "\"width\": [1, 2, 3, 4, 5, 6, 7, 8], \"w\": [1, 2, 3," + " 4, 5, 6, 7, 8]")))
                .endsWith(": families[0].vary: at most 64 combinations (one candidate each), got 128");
        assertThat(refused(good.replace("\"width\": [32, 64]", "\"width\": [32, 32]")))
                .endsWith(": families[0].vary.width: lists a value twice: [32, 32]");
        assertThat(refused(good.replace(", {\"block\": \"res\", \"repeat\": \"$repeat\"}", "")))
                .endsWith(": families[0].blocks[1]: 'res' is stacked by no entry of body");
        assertThat(refused(good.replace(
                        "{\"id\": \"act1\", \"layer\": {\"type\": \"relu\"}}",
                        "{\"id\": \"act1\", \"layer\": \"relu\"}")))
                .endsWith(": families[0].blocks[1].nodes[1].layer: must be an object {\"type\": …, settings}");
    }

    @Test
    void aGraphThatDoesNotFitTheDataIsRefusedBeforeTraining() throws Exception {
        String good = Files.readString(EXAMPLES.resolve("residual-mlp.json"));
        // The residual block's second dense is fixed at 16 units: its sum with the block's input fails for width 32.
        SpaceDefinition d = read(good.replace(
                "\"fc2\", \"layer\": {\"type\": \"dense\", \"units\": \"$width\"",
                "\"fc2\", \"layer\": {\"type\": \"dense\", \"units\": 16"));
        assertThatThrownBy(() -> new DefinedSpace(d, Shape.vector(4), 3, 0.003f, 100, 5))
                .hasMessageStartingWith("search space 'residual-mlp': families[0]: candidate 'resmlp-width32-repeat1': "
                        + "node 'res_1_sum': add needs inputs of one shape");
        SpaceDefinition cnn = example("residual-cnn");
        assertThatThrownBy(() -> new DefinedSpace(cnn, new Shape(2, 2, 1), 3, 0.003f, 100, 5))
                .hasMessageStartingWith(
                        "search space 'residual-cnn': families[0]:" + " candidate 'resnet-filters16': ");
    }

    private static Shape shape(LayerGraph g, String id) {
        for (int i = 0; i < g.nodes().size(); i++) {
            if (g.nodes().get(i).id().equals(id)) {
                return g.shape(i);
            }
        }
        throw new AssertionError("no node " + id);
    }

    private static LayerGraph.Node node(LayerGraph g, String id) {
        return g.nodes().stream().filter(n -> n.id().equals(id)).findFirst().orElseThrow();
    }

    private String refused(String text) {
        Path f = dir.resolve("space.json");
        try {
            Files.writeString(f, text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> SpaceFiles.read(f));
        assertThat(t).as(text).isInstanceOf(SaepException.class);
        assertThat(t.getMessage()).startsWith(f + ": ").doesNotContain("\n");
        return t.getMessage();
    }

    private SpaceDefinition read(String text) throws Exception {
        Path f = dir.resolve("space.json");
        Files.writeString(f, text);
        return SpaceFiles.read(f);
    }
}
