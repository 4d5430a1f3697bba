package org.saepj.engine.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.saepj.UnknownNameException;
import org.saepj.data.Shape;
import org.saepj.engine.kernel.KernelsProvider;

/** The registry finds every built-in kind by name and by spec, and each kind's sizes agree with the layer it builds. */
class LayerKindsTest {
    @Test
    void listsTheBuiltInKindsSortedByName() {
        assertThat(LayerKinds.types()).containsSubsequence("conv2d", "dense", "flatten", "max_pool", "relu");
        assertThat(LayerKinds.types()).isSorted();
        assertThat(LayerKinds.all()).extracting(LayerKind::type).isEqualTo(LayerKinds.types());
    }

    @Test
    void findsAKindByNameAndBySpec() {
        assertThat(LayerKinds.require("dense")).isInstanceOf(DenseKind.class);
        assertThat(LayerKinds.find("dense")).containsInstanceOf(DenseKind.class);
        assertThat(LayerKinds.find("Dense")).isEmpty();
        assertThat(LayerKinds.of(new Conv2DKind.Spec(4, 3))).isInstanceOf(Conv2DKind.class);
        assertThat(LayerKinds.typeOf(new MaxPoolKind.Spec())).isEqualTo("max_pool");
    }

    @Test
    void anUnknownNameIsRefusedWithTheKnownOnesAndASuggestion() {
        assertThatThrownBy(() -> LayerKinds.require("desne"))
                .isInstanceOf(UnknownNameException.class)
                .hasMessageContaining("unknown layer type 'desne'")
                .hasMessageContaining("did you mean dense?")
                .hasMessageContaining("known types are ")
                .hasMessageContaining("conv2d, dense, dropout, flatten")
                .hasMessageNotContaining("plug-in");
    }

    @Test
    void aNameLikeNoKnownOneIsMostLikelyAMissingPlugIn() {
        assertThatThrownBy(() -> LayerKinds.require("layer_norm"))
                .isInstanceOf(UnknownNameException.class)
                .hasMessageStartingWith("unknown layer type 'layer_norm' (not installed: add its plug-in with "
                        + "--plugins DIR or SAEP_PLUGINS): known types are ");
    }

    @Test
    void aSpecOfNoRegisteredKindIsRefused() {
        record Stray() implements LayerSpec {}
        assertThatThrownBy(() -> LayerKinds.of(new Stray()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no registered layer kind owns")
                .hasMessageContaining("META-INF/services");
    }

    @Test
    void specsRejectBadValuesNamingThem() {
        assertThatThrownBy(() -> new DenseKind.Spec(0)).hasMessageContaining("units must be at least 1, got 0");
        assertThatThrownBy(() -> new Conv2DKind.Spec(8, 4)).hasMessageContaining("kernel must be 1, 3, 5 or 7, got 4");
    }

    @Test
    void optionalSettingsMustNameAComponentAndGiveADefaultOfItsType() {
        LayerKinds.all().forEach(LayerKinds::checkOptionalSettings);
        assertThatThrownBy(() -> LayerKinds.checkOptionalSettings(conv(Map.of("strides", 1))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("optional setting 'strides' must name");
        assertThatThrownBy(() -> LayerKinds.checkOptionalSettings(conv(Map.of("stride", "1"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("a default of its type");
    }

    /** conv2d with other optional settings. */
    private static LayerKind<Conv2DKind.Spec> conv(Map<String, Object> optional) {
        return new LayerKind<>() {
            private final Conv2DKind real = new Conv2DKind();

            @Override
            public String type() {
                return real.type();
            }

            @Override
            public Class<Conv2DKind.Spec> specClass() {
                return real.specClass();
            }

            @Override
            public Map<String, Object> optionalSettings() {
                return optional;
            }

            @Override
            public Shape outputShape(Conv2DKind.Spec spec, List<Shape> inputs) {
                return real.outputShape(spec, inputs);
            }

            @Override
            public Layer create(Conv2DKind.Spec spec, List<Shape> inputs, org.saepj.engine.kernel.Kernels kernels) {
                return real.create(spec, inputs, kernels);
            }

            @Override
            public org.saepj.export.OnnxGraph.Value onnx(
                    Conv2DKind.Spec spec,
                    org.saepj.export.OnnxGraph graph,
                    List<org.saepj.export.OnnxGraph.Value> inputs,
                    Layer layer,
                    float[] params,
                    float[] state) {
                return real.onnx(spec, graph, inputs, layer, params, state);
            }
        };
    }

    @Test
    void shapeInferenceNamesWhatItFound() {
        assertThat(new Conv2DKind().outputShape(new Conv2DKind.Spec(8, 5), List.of(new Shape(7, 6, 3))))
                .isEqualTo(new Shape(7, 6, 8));
        assertThat(new MaxPoolKind().outputShape(new MaxPoolKind.Spec(), List.of(new Shape(7, 6, 3))))
                .isEqualTo(new Shape(3, 3, 3));
        assertThat(new FlattenKind().outputShape(new FlattenKind.Spec(), List.of(new Shape(7, 6, 3))))
                .isEqualTo(Shape.vector(126));
        assertThatThrownBy(() -> new DenseKind().outputShape(new DenseKind.Spec(4), List.of(new Shape(7, 6, 3))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dense needs a flat input, got 7×6×3");
        assertThatThrownBy(() -> new MaxPoolKind().outputShape(new MaxPoolKind.Spec(), List.of(new Shape(1, 6, 3))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 2×2, got 1×6×3");
    }

    @Test
    void parameterCountsWithoutBuildingEqualTheBuiltLayers() {
        check(new DenseKind(), new DenseKind.Spec(7), Shape.vector(5));
        check(new Conv2DKind(), new Conv2DKind.Spec(6, 5), new Shape(8, 8, 3));
        check(new Conv2DKind(), new Conv2DKind.Spec(6, 7, 2, "valid"), new Shape(9, 8, 3));
        check(new Conv2DKind(), new Conv2DKind.Spec(6, 1, 2, "same"), new Shape(9, 8, 3));
        check(new MaxPoolKind(), new MaxPoolKind.Spec(), new Shape(8, 8, 3));
        check(new ReluKind(), new ReluKind.Spec(), new Shape(8, 8, 3));
        check(new FlattenKind(), new FlattenKind.Spec(), new Shape(8, 8, 3));
    }

    private static <S extends LayerSpec> void check(LayerKind<S> kind, S spec, Shape in) {
        Layer layer = kind.create(spec, List.of(in), KernelsProvider.scalar());
        assertThat(kind.parameterCount(spec, List.of(in))).as(kind.type()).isEqualTo(layer.parameterCount());
        assertThat(layer.inputSize()).as(kind.type()).isEqualTo(in.size());
        assertThat(layer.outputSize())
                .as(kind.type())
                .isEqualTo(kind.outputShape(spec, List.of(in)).size());
    }
}
