package org.saepj.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.saepj.UsageException;
import org.saepj.data.Dataset;
import org.saepj.engine.Backend;
import org.saepj.engine.Backends;
import org.saepj.execution.CandidateTrainer;
import org.saepj.execution.EarlyStopping;
import org.saepj.execution.TrainedCandidate;
import org.saepj.execution.TrainingProgress;
import org.saepj.execution.TrainingRecipe;
import org.saepj.execution.TrainingTask;
import org.saepj.persistence.JsonFormat;
import org.saepj.search.Partitions;
import org.saepj.subnetwork.CandidateSpec;

/**
 * Trains one candidate on an executor, exactly as the local executor would: the same trainer on one thread, on the
 * partitions the executor prepared itself, with the driver's batches and training recipe. A retried task starts from
 * nothing and gives the same numbers.
 */
final class CandidateTaskRunner {
    private CandidateTaskRunner() {}

    static CandidateOutcome run(CandidateTask task, SearchData data) {
        Backend backend = Backends.best();
        if (!backend.name().equals(task.backend)) {
            throw new UsageException(
                    "this executor computes with the " + backend.name() + " backend, the driver with " + task.backend
                            + ": their numbers would differ; start the executors as the driver (--add-modules"
                            + " jdk.incubator.vector in"
                            + " spark.executor.extraJavaOptions) on CPUs of the same vector width");
        }
        CandidateSpec spec;
        TrainingRecipe recipe;
        try {
            spec = JsonFormat.mapper().readValue(task.candidateJson, CandidateSpec.class);
            recipe = JsonFormat.mapper().readValue(task.recipeJson, TrainingRecipe.class);
        } catch (IOException e) {
            throw new UncheckedIOException("candidate " + task.index + ": cannot read it: " + e.getMessage(), e);
        }
        Partitions p = data.partitions();
        List<Dataset> outputsOn = new ArrayList<>();
        for (SearchData.Role r : task.outputsOn) {
            outputsOn.add(r.in(p));
        }
        // Early stopping runs here as on the driver: the executor holds the same validation part, so the same steps.
        TrainingTask training = new TrainingTask(
                task.index,
                spec,
                task.train.in(p),
                task.batches,
                task.batchSize,
                outputsOn,
                task.validation == null ? null : task.validation.in(p),
                new EarlyStopping(task.checkEvery, task.patience),
                recipe);
        // one thread: the executor's other cores run other candidates; the outputs are the same whatever the count
        TrainedCandidate t = new CandidateTrainer(backend).train(training, TrainingProgress.NONE, 1, null);
        return new CandidateOutcome(
                t.network().parameters(),
                t.network().state(),
                t.trainLoss(),
                t.divergence().orElse(null),
                t.logits().toArray(new float[0][]),
                t.trainSeconds(),
                t.inferenceSeconds(),
                t.stepsRun(),
                t.keptStep());
    }
}
