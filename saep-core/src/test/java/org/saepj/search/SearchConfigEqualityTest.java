package org.saepj.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.persistence.JsonFormat;
import org.saepj.persistence.SpaceFiles;
import org.saepj.pruning.CriterionSpec;
import org.saepj.subnetwork.ModelKind;
import org.saepj.subnetwork.SpaceDefinition;
import org.saepj.subnetwork.SpacePlugin;
import org.saepj.testing.TestFiles;

/** A configuration equals another when every part does, by content: not when the two merely print alike. */
class SearchConfigEqualityTest {
    static final Path EXAMPLES = Path.of("..", "examples", "spaces");

    @TempDir
    Path dir;

    /** @return the example space file's text with {@code from} replaced by {@code to}, read as a definition */
    SpaceDefinition residual(String file, String from, String to) throws Exception {
        String text = Files.readString(EXAMPLES.resolve("residual-mlp.json"), StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        byte[] content = text.replace(from, to).getBytes(StandardCharsets.UTF_8);
        return SpaceFiles.read(TestFiles.write(dir.resolve(file), content));
    }

    static SearchConfig.Builder full() {
        return SearchConfig.builder()
                .dataset("csv:x.csv")
                .pair(4, 9)
                .folds(5)
                .testFraction(0.25)
                .criterion(CriterionSpec.of("pie", Map.of("alpha", 0.25)))
                .mixture(Mixture.LEARNED)
                .lambda(0.01)
                .beta(0.1)
                .iterations(3)
                .totalSteps(90)
                .batchSize(16)
                .learningRate(0.01)
                .width(8)
                .seed(7)
                .threads(2)
                .selection(SelectionSet.parse("holdout:0.1"))
                .stopping(new StoppingRule(true, 60));
    }

    @Test
    void twoSpaceFilesOfOneNameButOtherContentAreDifferentConfigurations() throws Exception {
        SpaceDefinition a = residual("a.json", "\"width\": [32, 64]", "\"width\": [32, 64]");
        SpaceDefinition b = residual("b.json", "\"width\": [32, 64]", "\"width\": [32, 128]");
        assertThat(a.name()).isEqualTo(b.name());
        SearchConfig ca = SearchConfig.builder().space(a).build();
        SearchConfig cb = SearchConfig.builder().space(b).build();
        assertThat(ca.toString()).as("they print alike").isEqualTo(cb.toString());
        assertThat(ca).isNotEqualTo(cb);
        assertThat(ca.space()).isNotEqualTo(cb.space());
        // The order of vary is the order of the candidates: the same values in another order are another space.
        SpaceDefinition swapped = residual(
                "c.json", "{\"width\": [32, 64], \"repeat\": [1, 2]}", "{\"repeat\": [1, 2], \"width\": [32, 64]}");
        assertThat(SearchConfig.builder().space(swapped).build()).isNotEqualTo(ca);
        // The same file read twice is the same configuration.
        SpaceDefinition again = residual("d.json", "\"width\": [32, 64]", "\"width\": [32, 64]");
        assertThat(SearchConfig.builder().space(again).build()).isEqualTo(ca).hasSameHashCodeAs(ca);
    }

    @Test
    void theSameConfigurationBuiltTwiceIsEqualWithTheSameHash() throws Exception {
        SearchConfig one = full().build();
        SearchConfig two = full().build();
        assertThat(two).isEqualTo(one).hasSameHashCodeAs(one);
        assertThat(one.toBuilder().build()).isEqualTo(one).hasSameHashCodeAs(one);
        byte[] json = JsonFormat.mapper().writeValueAsBytes(one);
        SearchConfig stored = JsonFormat.mapper().readValue(json, SearchConfig.class);
        assertThat(stored).as("written and read back").isEqualTo(one).hasSameHashCodeAs(one);
        SearchConfig plugin = full().spacePlugin(new SpacePlugin("grid", Map.of("units", 8.0)))
                .build();
        assertThat(full().spacePlugin(new SpacePlugin("grid", Map.of("units", 8.0)))
                        .build())
                .isEqualTo(plugin)
                .hasSameHashCodeAs(plugin);
    }

    @Test
    void eachSettingTakesPartInEquality() {
        SearchConfig base = full().build();
        assertThat(full().pair(4, 8).build()).isNotEqualTo(base);
        assertThat(full().allClasses().build()).isNotEqualTo(base);
        assertThat(full().criterion(CriterionSpec.of("pie", Map.of("alpha", 0.5)))
                        .build())
                .isNotEqualTo(base);
        assertThat(full().spacePlugin(new SpacePlugin("grid", Map.of("units", 8.0)))
                        .build())
                .isNotEqualTo(base);
        assertThat(full().stopping(new StoppingRule(true, 61)).build()).isNotEqualTo(base);
        assertThat(full().model(ModelKind.CNN).build()).isNotEqualTo(base);
        assertThat(full().seed(8).build()).isNotEqualTo(base);
        assertThat(full().threads(1).build()).isNotEqualTo(base);
        assertThat(new DataPlan("csv:x.csv", new int[] {4, 9}, 0, 0.2, SelectionSet.TRAIN))
                .isEqualTo(new DataPlan("csv:x.csv", new int[] {4, 9}, 0, 0.2, SelectionSet.TRAIN))
                .hasSameHashCodeAs(new DataPlan("csv:x.csv", new int[] {4, 9}, 0, 0.2, SelectionSet.TRAIN))
                .isNotEqualTo(new DataPlan("csv:x.csv", new int[] {9, 4}, 0, 0.2, SelectionSet.TRAIN))
                .isNotEqualTo(new DataPlan("csv:x.csv", null, 0, 0.2, SelectionSet.TRAIN));
    }

    static void refused(ThrowingCallable part, String message) {
        assertThatThrownBy(part)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void eachPartRefusesWhatCannotBeUsedInOneLine() {
        refused(() -> new DataPlan(" ", null, 0, 0.2, SelectionSet.TRAIN), "dataset must be given");
        refused(() -> new DataPlan("x", new int[] {1}, 0, 0.2, SelectionSet.TRAIN), "pair needs exactly two classes");
        refused(() -> new DataPlan("x", null, 1, 0.2, SelectionSet.TRAIN), "folds must be 0");
        refused(() -> new DataPlan("x", null, 0, 1, SelectionSet.TRAIN), "testFraction must be in (0, 1)");
        refused(() -> new DataPlan("x", null, 0, 0.2, null), "selection must be set");
        refused(() -> new SpacePlan(ModelKind.DNN, null, 0, 0.003, null), "width must be at least 1, got 0");
        refused(
                () -> new SpacePlan(ModelKind.DNN, null, 32, Double.NaN, null),
                "learningRate must be a positive number");
        refused(() -> new SpacePlan(null, null, 32, 0.003, null), "model must be set");
        refused(() -> new Budget(0, 10, 1, null), "iterations must be at least 1, got 0");
        refused(() -> new Budget(3, 10, 0, null), "batchSize must be at least 1");
        refused(() -> new ObjectivePlan(0, Double.NaN, Mixture.UNIFORM), "beta must be a finite number");
        refused(() -> new ObjectivePlan(0, 0, null), "mixture must be set");
        refused(() -> new StoppingRule(false, -1), "maxSeconds must be a finite number of seconds");
        refused(() -> new SelectionSet(1), "selection holdout fraction must be in (0, 1), got 1.0");
        refused(() -> CriterionSpec.of(" "), "a criterion needs an id");
        refused(() -> new SpacePlugin("", Map.of()), "a search-space plug-in needs an id");
        refused(
                () -> new SearchConfig(
                        DataPlan.DEFAULT,
                        SpacePlan.DEFAULT,
                        Budget.DEFAULT,
                        ObjectivePlan.DEFAULT,
                        CriterionSpec.of("adanet"),
                        1,
                        0),
                "threads must be at least 1, got 0");
        refused(
                () -> new SearchConfig(
                        DataPlan.DEFAULT,
                        null,
                        Budget.DEFAULT,
                        ObjectivePlan.DEFAULT,
                        CriterionSpec.of("adanet"),
                        1,
                        1),
                "config needs its data plan");
    }
}
