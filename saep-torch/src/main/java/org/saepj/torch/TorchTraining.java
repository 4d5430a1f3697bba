package org.saepj.torch;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.saepj.engine.Network;
import org.saepj.engine.NetworkTraining;
import org.saepj.engine.optim.Optimizer;
import org.saepj.task.Loss;

/**
 * One network trained by PyTorch. Each step sends the engine's current parameters to the device as leaf tensors,
 * runs the forward pass there, computes the task's loss and its gradient with respect to the logits in the engine
 * (the same {@link Loss}: label smoothing and regression included), back-propagates that gradient in PyTorch, reads
 * the parameter gradients back and lets the engine's optimizer update the engine's parameters. So the optimizer,
 * its schedule and the batches are the engine's, and the network holds the trained parameters after every step;
 * only batch normalisation's running statistics stay on the device until {@link #sync()}.
 *
 * <p>On the CPU each candidate's PyTorch work runs on one thread, as the engine trains each candidate on one thread
 * and the search trains several at once. Autograd is switched on for this thread only (PyTorch's grad mode is per
 * thread), never through DJL's process-wide gradient collector, so candidates train concurrently.
 */
final class TorchTraining implements NetworkTraining {
    private final Network net;
    private final Optimizer optimizer;
    private final NDManager root;
    private final TorchGraph graph;
    private final org.saepj.data.Shape input;
    private float[] outputGradient = new float[0];
    /** Each parameter's values on their way to PyTorch, staged anew every step in the same native memory. */
    private final DirectFloats[] parameterBuffers;
    /** The batch, likewise. */
    private final DirectFloats batchBuffer = new DirectFloats();
    /** The logits' gradient, likewise. */
    private final DirectFloats gradientBuffer = new DirectFloats();

    private long step;

    TorchTraining(Network net, Optimizer optimizer, Device device) {
        this.net = net;
        this.optimizer = optimizer;
        this.root = NDManager.newBaseManager(device, PyTorchBackend.ENGINE);
        try {
            this.graph = new TorchGraph(net, root);
        } catch (RuntimeException e) {
            root.close();
            throw e;
        }
        this.input = net.graph().input();
        this.parameterBuffers = new DirectFloats[graph.parameters().size()];
        for (int j = 0; j < parameterBuffers.length; j++) {
            parameterBuffers[j] = new DirectFloats();
        }
        if (device.isGpu()) {
            return;
        }
        // PyTorch's intra-op thread count is the calling thread's (OpenMP): one, like the engine's candidate
        JniUtils.setNumThreads(1);
    }

    @Override
    public float step(float[] x, Loss loss, int[] rows, int batch) {
        float value;
        boolean gradMode = JniUtils.isGradMode();
        JniUtils.setGradMode(true);
        try (NDManager m = root.newSubManager()) {
            float[] params = net.parameters();
            List<TorchGraph.Slice> slices = graph.parameters();
            List<NDArray> tensors = new ArrayList<>();
            for (int j = 0; j < slices.size(); j++) {
                TorchGraph.Slice s = slices.get(j);
                NDArray t = m.create(
                        parameterBuffers[j].stage(
                                params, s.offset(), (int) s.shape().size()),
                        s.shape(),
                        DataType.FLOAT32);
                t.setRequiresGradient(true);
                tensors.add(t);
            }
            NDArray logits = graph.forward(batch(m, x, batch), tensors, batch, step);
            float[] out = logits.toFloatArray();
            if (outputGradient.length != out.length) {
                outputGradient = new float[out.length];
            }
            value = loss.batch(out, rows, batch, outputGradient);
            NDArray g = m.create(
                    gradientBuffer.stage(outputGradient, 0, outputGradient.length),
                    logits.getShape(),
                    DataType.FLOAT32);
            JniUtils.backward((PtNDArray) logits, (PtNDArray) g, false, false);
            float[] grads = net.gradients();
            for (int j = 0; j < slices.size(); j++) {
                float[] gj = tensors.get(j).getGradient().toFloatArray();
                System.arraycopy(gj, 0, grads, slices.get(j).offset(), gj.length);
            }
        } finally {
            JniUtils.setGradMode(gradMode);
        }
        optimizer.step(net.parameters(), net.gradients());
        step++;
        return value;
    }

    /** The batch as a tensor: NCHW for images (sent as the engine's H×W×C, then permuted on the device). */
    private NDArray batch(NDManager m, float[] x, int batch) {
        ByteBuffer data = batchBuffer.stage(x, 0, batch * input.size());
        if (!input.isImage()) {
            return m.create(data, new Shape(batch, input.size()), DataType.FLOAT32);
        }
        return m.create(data, new Shape(batch, input.height(), input.width(), input.channels()), DataType.FLOAT32)
                .transpose(0, 3, 1, 2);
    }

    @Override
    public void sync() {
        graph.copyState(net.state());
    }

    @Override
    public void close() {
        root.close();
    }
}
