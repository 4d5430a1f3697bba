package org.saepj.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.saepj.DataException;
import org.saepj.FileException;
import org.saepj.data.Dataset;
import org.saepj.engine.Backend;
import org.saepj.engine.Network;
import org.saepj.execution.CandidateExecutor;
import org.saepj.execution.TrainedCandidate;
import org.saepj.execution.TrainingProgress;
import org.saepj.execution.TrainingTask;
import org.saepj.persistence.JsonFormat;
import org.saepj.search.Partitions;
import org.saepj.search.PartitionsRecipe;

/**
 * Trains each candidate of an iteration (and each one trained an iteration early) as a Spark task: one job per
 * candidate, all submitted at once, so the cluster trains as many at a time as it has task slots. The search stays on
 * the driver — selection, pruning, the mixture and the checkpoint — and gets back what the local executor gives it:
 * the trained network (rebuilt from its parameters and layer state) and its logits on the search's partitions, from
 * which the frozen ensemble's outputs grow. The data never crosses the wire: each executor prepares the partitions
 * once from the search's recipe. The candidate trains with the driver's training recipe (schedule, label smoothing,
 * augmentation and its seed, gradient clipping), so it trains bit for bit as it would locally. A task that fails, or
 * whose executor dies, is retried by Spark and trains the same network.
 *
 * <p>Progress: a candidate's steps are reported when its task comes back (Spark tells the driver nothing of a task
 * until it ends).
 */
public final class SparkCandidateExecutor implements CandidateExecutor {
    private final JavaSparkContext spark;
    private final Partitions partitions;
    private final Backend backend;
    private final Broadcast<SearchData> data;

    /**
     * @param spark a running context, stopped by {@link #close}
     * @param recipe how executors prepare the search's partitions
     * @param partitions the driver's copy, whose datasets the search's tasks name
     * @param backend the driver's backend, for the networks it rebuilds and the check that executors use the same
     */
    public SparkCandidateExecutor(
            JavaSparkContext spark, PartitionsRecipe recipe, Partitions partitions, Backend backend) {
        this.spark = spark;
        this.partitions = partitions;
        this.backend = backend;
        this.data = spark.broadcast(new SearchData(recipe));
    }

    @Override
    public List<TrainedCandidate> train(List<TrainingTask> tasks, TrainingProgress progress) {
        List<JavaFutureAction<List<CandidateOutcome>>> jobs = new ArrayList<>();
        for (TrainingTask t : tasks) {
            jobs.add(spark.parallelize(List.of(wire(t)), 1).map(runner(data)).collectAsync());
        }
        List<TrainedCandidate> results = new ArrayList<>();
        try {
            for (int i = 0; i < tasks.size(); i++) {
                TrainingTask t = tasks.get(i);
                CandidateOutcome o = jobs.get(i).get().get(0);
                results.add(rebuild(t, o));
                progress.stepDone(t.index(), t.steps(), t.steps());
            }
        } catch (ExecutionException e) {
            jobs.forEach(j -> j.cancel(true));
            throw new DataException("a candidate failed on the cluster: " + TaskFailure.message(e), e);
        } catch (InterruptedException e) {
            jobs.forEach(j -> j.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("candidate training interrupted", e);
        }
        return results;
    }

    /** A static factory, so the function Spark serialises holds the broadcast handle and nothing of this executor. */
    private static Function<CandidateTask, CandidateOutcome> runner(Broadcast<SearchData> data) {
        return task -> CandidateTaskRunner.run(task, data.value());
    }

    private CandidateTask wire(TrainingTask t) {
        SearchData.Role[] outputs = new SearchData.Role[t.outputsOn().size()];
        for (int i = 0; i < outputs.length; i++) {
            outputs[i] = SearchData.Role.of(partitions, t.outputsOn().get(i));
        }
        String json;
        String recipe;
        try {
            json = JsonFormat.mapper().writeValueAsString(t.candidate());
            recipe = JsonFormat.mapper().writeValueAsString(t.recipe());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new FileException("candidate " + t.candidate().name() + ": cannot write it: " + e.getMessage(), e);
        }
        return new CandidateTask(
                t.index(),
                json,
                t.batches(),
                t.batchSize(),
                SearchData.Role.of(partitions, t.train()),
                outputs,
                backend.name(),
                t.validation() == null ? null : SearchData.Role.of(partitions, t.validation()),
                t.earlyStopping().every(),
                t.earlyStopping().patience(),
                recipe);
    }

    private TrainedCandidate rebuild(TrainingTask t, CandidateOutcome o) {
        Network net = backend.network(t.candidate().architecture());
        net.setParameters(o.parameters);
        net.setState(o.state);
        List<float[]> logits = List.of(o.logits);
        List<int[]> predictions = new ArrayList<>();
        for (int i = 0; i < logits.size(); i++) {
            Dataset d = t.outputsOn().get(i);
            // the task's predictions, as the local trainer makes them: classes, or none for a task of values
            predictions.add(d.targets().task().predictions(logits.get(i), d.outputWidth()));
        }
        return new TrainedCandidate(
                t.candidate(),
                net,
                o.trainLoss,
                Optional.ofNullable(o.divergence),
                logits,
                predictions,
                o.trainSeconds,
                o.inferenceSeconds,
                o.stepsRun,
                o.keptStep);
    }

    @Override
    public String describe() {
        return "spark " + spark.master();
    }

    /** Stops the Spark context. */
    @Override
    public void close() {
        spark.stop();
    }
}
