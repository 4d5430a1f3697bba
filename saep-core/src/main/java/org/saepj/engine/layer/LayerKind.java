package org.saepj.engine.layer;

import java.util.List;
import java.util.Map;
import org.saepj.data.Shape;
import org.saepj.engine.kernel.Kernels;
import org.saepj.export.OnnxGraph;

/**
 * A kind of layer, found through {@link java.util.ServiceLoader} ({@code
 * META-INF/services/org.saepj.engine.layer.LayerKind}):
 * everything the rest of SAEP-J knows about it — its stable type name, its spec record, shape inference, its parameter
 * count, the runtime {@link Layer} and its ONNX nodes. A new kind is this one class (plus its {@link Layer} when it
 * brings new arithmetic) and one line in the services file; no switch elsewhere names it.
 *
 * <p>Implementations are stateless and need a public no-argument constructor.
 *
 * @param <S> the kind's spec record
 */
public interface LayerKind<S extends LayerSpec> {
    /** @return the name in stored files, e.g. "dense"; lower case with underscores, never changed once released */
    String type();

    /** @return the spec record's class: a public record */
    Class<S> specClass();

    /**
     * Settings a file may leave out, added to a kind after files were written without them: the spec record's
     * component names, each with the value it takes when absent (an {@link Integer}, {@link Double}, {@link Boolean}
     * or {@link String}, equal to what the accessor returns). Stored forms write such a setting only when its value
     * differs, so a layer that uses none of them is stored exactly as before they existed.
     *
     * @return the optional settings by name; none by default
     */
    default Map<String, Object> optionalSettings() {
        return Map.of();
    }

    /**
     * @return true for a merge ({@code add}, {@code concat}): two or more inputs, run by a {@link MergeLayer};
     *     false for a layer of exactly one input
     */
    default boolean merges() {
        return false;
    }

    /**
     * Shape inference.
     *
     * @param spec the settings
     * @param inputs the shape of each input, in order (one unless {@link #merges()})
     * @return the output shape of one sample
     * @throws IllegalArgumentException naming the shapes found and what is accepted
     */
    Shape outputShape(S spec, List<Shape> inputs);

    /**
     * The number of trainable parameters, computed without building the layer, so a size read from a file can be
     * checked before anything is allocated.
     *
     * @param spec the settings
     * @param inputs the shape of each input (valid for {@link #outputShape})
     * @return the parameter count
     */
    default long parameterCount(S spec, List<Shape> inputs) {
        return 0;
    }

    /**
     * @param spec the settings
     * @param inputs the shape of each input (valid for {@link #outputShape})
     * @param kernels the matrix kernels the layer uses
     * @return a fresh runtime layer (a {@link MergeLayer} when {@link #merges()})
     */
    Layer create(S spec, List<Shape> inputs, Kernels kernels);

    /**
     * Writes the layer's ONNX nodes.
     *
     * @param spec the settings
     * @param graph the graph being built
     * @param inputs the layer's input tensors, in order
     * @param layer the runtime layer, placed in its network (its {@link Layer#offset()}); ONNX graphs are for
     *     inference, so layers with a training mode write their inference form
     * @param params the network's parameters
     * @param state the network's non-trainable state (its {@link Layer#stateOffset()})
     * @return the output tensor
     * @throws org.saepj.SaepException when the layer has no ONNX form
     */
    OnnxGraph.Value onnx(
            S spec, OnnxGraph graph, List<OnnxGraph.Value> inputs, Layer layer, float[] params, float[] state);
}
