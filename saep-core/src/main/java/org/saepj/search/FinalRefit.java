package org.saepj.search;

import java.util.ArrayList;
import java.util.List;
import org.saepj.data.BatchStream;
import org.saepj.data.Dataset;
import org.saepj.ensemble.Ensemble;
import org.saepj.ensemble.Member;
import org.saepj.execution.CandidateExecutor;
import org.saepj.execution.EarlyStopping;
import org.saepj.execution.TrainedCandidate;
import org.saepj.execution.TrainingTask;
import org.saepj.subnetwork.Seeds;

/**
 * Retrains the final ensemble's members on the training rows and the validation part together, once every choice
 * has been made on the validation part ({@code --refit}; AutoGluon's "refit full"). The architecture, the members, the
 * mixture weights and each member's training length were chosen with the validation part held out; only the
 * parameters are learnt again, from the same initial weights (the candidate's seed), on all the rows the search was
 * given to train on — on a small table a tenth more data is worth about a point of accuracy.
 *
 * <p>Each member trains for the step its early stopping kept, scaled by the larger number of rows, so it sees its
 * chosen number of passes over the data; its schedule runs over those steps; nothing stops it early (there is no held
 * out data left). The batches come from a stream of their own per member ({@link Seeds#REFIT}), so the result is the
 * same whatever the thread count. A member whose retraining diverges keeps its searched parameters (and says so).
 */
final class FinalRefit {
    private final SearchConfig config;
    private final CandidateExecutor executor;

    /**
     * @param config the search's settings (seed, batch size, training recipe)
     * @param executor trains the members, in parallel where there are threads
     */
    FinalRefit(SearchConfig config, CandidateExecutor executor) {
        this.config = config;
        this.executor = executor;
    }

    /**
     * The retrained ensemble and what the retraining did.
     *
     * @param ensemble the retrained ensemble (the same members, weights and ids; new parameters and outputs)
     * @param refit the rows, each member's steps and the members whose retraining diverged, for the report
     * @param seconds the wall time of the retraining and the new outputs
     */
    record Outcome(Ensemble ensemble, Refit refit, double seconds) {}

    /**
     * @param ensemble the search's final ensemble, chosen on the validation part
     * @param data the search's partitions (the validation part is {@link Partitions#selection})
     * @param outputsOn the partitions each member's outputs are kept on: training, validation, test
     * @param records the iterations' records, which hold the step each member's early stopping kept
     * @param listener hears the retraining's progress and any divergence
     * @return the retrained ensemble and what was done
     */
    Outcome refit(
            Ensemble ensemble,
            Partitions data,
            List<Dataset> outputsOn,
            List<IterationRecord> records,
            SearchListener listener) {
        Dataset train = data.train();
        Dataset all = train.concat(data.selection(), train.name() + " and its validation part");
        int batch = config.batchSize();
        List<TrainingTask> tasks = new ArrayList<>();
        List<Integer> steps = new ArrayList<>();
        for (int j = 0; j < ensemble.size(); j++) {
            Member m = ensemble.members().get(j);
            steps.add(steps(keptStep(m, records, train.size()), train.size(), all.size()));
            int[] batches = new BatchStream(all.size(), batch, Seeds.derive(config.seed(), Seeds.REFIT, m.id()))
                    .next(steps.get(j));
            tasks.add(new TrainingTask(
                    j,
                    m.candidate(),
                    all,
                    batches,
                    batch,
                    outputsOn,
                    null,
                    EarlyStopping.NONE,
                    config.training().recipe(config.seed(), m.iteration())));
        }
        listener.refitStarted(ensemble.size(), all.size());
        String[] names = ensemble.members().stream()
                .map(m -> "refit " + m.candidate().name() + " #" + m.id())
                .toArray(String[]::new);
        long start = System.nanoTime();
        List<TrainedCandidate> trained = executor.train(
                tasks, (index, step, total) -> listener.candidateProgress(records.size(), names[index], step, total));
        List<Member> members = new ArrayList<>();
        List<String> diverged = new ArrayList<>();
        for (int j = 0; j < ensemble.size(); j++) {
            Member m = ensemble.members().get(j);
            TrainedCandidate c = trained.get(j);
            if (c.usable()) {
                members.add(AdaNetSearch.toMember(m.id(), m.iteration(), c, false));
            } else {
                members.add(m);
                diverged.add(m.candidate().name());
                listener.warning(
                        records.size(),
                        "member " + m.id() + " (" + m.candidate().name() + ") keeps its searched parameters:"
                                + " retraining on all rows diverged ("
                                + c.divergence().get() + ")");
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Outcome(new Ensemble(members, ensemble.weights()), new Refit(all.size(), steps, diverged), seconds);
    }

    /**
     * @param keptStep the step whose parameters the searched member holds
     * @param trainRows the rows it trained on
     * @param allRows the rows it is retrained on
     * @return the same passes over the data in steps of the larger set: ⌈kept × all / train⌉, at least 1
     */
    static int steps(int keptStep, int trainRows, int allRows) {
        return (int) Math.max(1, Math.ceil((double) keptStep * allRows / trainRows));
    }

    /**
     * The step the member's early stopping kept, from the record of the iteration that added it (the candidate
     * selected there); the steps it ran, or the configured steps, where an older record lacks it.
     */
    private int keptStep(Member m, List<IterationRecord> records, int trainRows) {
        for (IterationRecord r : records) {
            if (r.iteration() != m.iteration()) {
                continue;
            }
            for (CandidateRecord c : r.candidates()) {
                if (c.selected() && c.name().equals(m.candidate().name())) {
                    if (c.keptStep() != null && c.keptStep() > 0) {
                        return c.keptStep();
                    }
                    if (c.stepsRun() != null && c.stepsRun() > 0) {
                        return c.stepsRun();
                    }
                }
            }
        }
        return config.stepsPerIteration(trainRows);
    }
}
