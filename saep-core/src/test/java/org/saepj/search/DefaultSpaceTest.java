package org.saepj.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.saepj.data.Shape;
import org.saepj.persistence.BuiltInSpaces;
import org.saepj.subnetwork.ModelKind;

/** The space of a search that names none: by preset and data kind. */
class DefaultSpaceTest {
    private static final SearchConfig VALIDATED = Preset.VALIDATED
            .applyTo(SearchConfig.builder().dataset("csv:x.csv"))
            .build();
    private static final SearchConfig PAPER =
            SearchConfig.builder().dataset("csv:x.csv").build();

    @Test
    void aTableGetsTheResidualMlpAndImagesTheResidualCnn() {
        DefaultSpace table = DefaultSpace.forData(VALIDATED, Shape.vector(30)).orElseThrow();
        assertThat(table.name()).isEqualTo("residual-mlp");
        assertThat(table.definition()).isEqualTo(BuiltInSpaces.get("residual-mlp"));
        assertThat(table.describe())
                .isEqualTo("search space: built-in residual-mlp, the default for a table (30 feature columns) under"
                        + " preset validated (--preset paper searches the paper's dnn)");
        DefaultSpace images =
                DefaultSpace.forData(VALIDATED, new Shape(28, 28, 1)).orElseThrow();
        assertThat(images.name()).isEqualTo("residual-cnn");
        assertThat(images.describe()).contains("the default for images (28×28×1)");
    }

    @Test
    void thePaperPresetKeepsThePapersDnn() {
        assertThat(DefaultSpace.forData(PAPER, Shape.vector(30))).isEmpty();
        assertThat(DefaultSpace.forData(PAPER, new Shape(28, 28, 1))).isEmpty();
    }

    /**
     * The paper's choices spelled out over the validated preset (--validation 0 --patience 0 --final last) are the
     * paper preset's, so its dnn; choices of neither preset (a larger validation part) get the data kind's space.
     */
    @Test
    void theChoicesNotThePresetNamedDecide() {
        SearchConfig spelledOut = VALIDATED.toBuilder()
                .selection(PAPER.selection())
                .validation(PAPER.validation())
                .build();
        assertThat(Preset.of(spelledOut)).contains(Preset.PAPER);
        assertThat(DefaultSpace.forData(spelledOut, Shape.vector(30))).isEmpty();
        SearchConfig custom =
                VALIDATED.toBuilder().selection(new SelectionSet(0.3)).build();
        assertThat(DefaultSpace.forData(custom, new Shape(28, 28, 1))
                        .orElseThrow()
                        .describe())
                .contains("residual-cnn", "under preset custom");
    }

    @Test
    void applyingItSearchesTheBuiltInSpaceAndKeepsTheRest() {
        SearchConfig config =
                SearchConfig.builder().dataset("csv:x.csv").seed(7).build();
        SearchConfig applied =
                DefaultSpace.forData(VALIDATED, Shape.vector(4)).orElseThrow().applyTo(config);
        assertThat(applied.spaceName()).isEqualTo("space residual-mlp");
        assertThat(applied.spaceDefinition()).isEqualTo(BuiltInSpaces.get("residual-mlp"));
        assertThat(applied.model()).isEqualTo(ModelKind.DNN);
        assertThat(applied.toBuilder().space(null).build()).isEqualTo(config);
    }

    /** Images get their own member budget, unless a budget was given; tables keep the preset's. */
    @Test
    void imagesTrainEachCandidateAtMostTheImageBudgetUnlessOneIsGiven() {
        Shape image = new Shape(28, 28, 1);
        DefaultSpace images = DefaultSpace.forData(VALIDATED, image).orElseThrow();
        assertThat(images.budget()).isEqualTo(Epochs.IMAGES);
        assertThat(images.applyTo(VALIDATED).epochs()).isEqualTo(Epochs.IMAGES);
        assertThat(images.describe())
                .endsWith("; at most 2000 steps a candidate on images (--epochs, --steps or"
                        + " --max-time set another budget)");
        assertThat(Epochs.IMAGES.steps(54_000, 64)).isEqualTo(2000);
        assertThat(Epochs.IMAGES.steps(1_000, 64)).isEqualTo(782);

        SearchConfig given = VALIDATED.toBuilder().epochs(Epochs.exactly(3)).build();
        DefaultSpace kept = DefaultSpace.forData(given, image).orElseThrow();
        assertThat(kept.budget()).isNull();
        assertThat(kept.applyTo(given).epochs()).isEqualTo(Epochs.exactly(3));
        assertThat(kept.describe()).doesNotContain("steps a candidate");

        SearchConfig timed =
                VALIDATED.toBuilder().stopping(new StoppingRule(false, 1200)).build();
        assertThat(DefaultSpace.forData(timed, image).orElseThrow().budget()).isNull();

        DefaultSpace table = DefaultSpace.forData(VALIDATED, Shape.vector(30)).orElseThrow();
        assertThat(table.budget()).isNull();
        assertThat(table.applyTo(VALIDATED).epochs()).isEqualTo(Epochs.DATA_SCALED);
    }
}
