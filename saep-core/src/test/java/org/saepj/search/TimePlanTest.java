package org.saepj.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saepj.data.SourceData;
import org.saepj.ensemble.Member;
import org.saepj.testing.TestFiles;

/** A time budget is planned into steps and iterations, guarded before each iteration, and reproducible by its plan. */
class TimePlanTest {
    @TempDir
    static Path dir;

    static SourceData fixture;

    @BeforeAll
    static void load() {
        fixture = TestFiles.fashionMnist(dir.resolve("f"));
    }

    /** 10 ms a step, 0.5 s an iteration besides, a 1 s probe and 1 s to finish. */
    private static final TimePlan.Throughput SPEED = new TimePlan.Throughput(0.01, 0.5, 1, 1);

    @Test
    void theConfiguredBudgetRunsAsConfiguredWhenItFits() {
        // 11 × (0.5 + 100 × 0.01) = 16.5 s, within 0.85 × (100 − 2)
        TimePlan p = TimePlan.decide(100, 11, 100, 6400, 64, false, SPEED);
        assertThat(p.iterations()).isEqualTo(11);
        assertThat(p.steps()).isEqualTo(100);
        assertThat(p.epochs()).isEqualTo(1.0);
        assertThat(p.how()).isEqualTo("the configured budget fits the time");
        assertThat(p.predictedSeconds()).isCloseTo(18.5, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void iterationsGoFirstThenMembersStepsDownToOnePassThenIterationsAgain() {
        // an iteration of 1000 steps: 10.5 s; 0.85 × 60 = 51 s hold 4 of them
        TimePlan fewer = TimePlan.decide(62, 11, 1000, 6400, 64, false, SPEED);
        assertThat(fewer.iterations()).isEqualTo(4);
        assertThat(fewer.steps()).isEqualTo(1000);
        // 0.85 × 18 = 15.3 s: 3 iterations of 5.1 s, 460 steps each (one pass is 100)
        TimePlan shorter = TimePlan.decide(20, 11, 1000, 6400, 64, false, SPEED);
        assertThat(shorter.iterations()).isEqualTo(3);
        assertThat(shorter.steps()).isBetween(459, 460); // 15.3 s in binary floating point
        // 0.85 × 3 = 2.55 s: one pass (100 steps, 1.5 s) fits once
        TimePlan onePass = TimePlan.decide(5, 11, 1000, 6400, 64, false, SPEED);
        assertThat(onePass.iterations()).isEqualTo(1);
        assertThat(onePass.steps()).isEqualTo(100);
        assertThat(onePass.how()).contains("one pass over the data");
        // 0.85 × 0.5 s hold no pass: the fewest steps that fit, at least one
        TimePlan least = TimePlan.decide(2.5, 11, 1000, 6400, 64, false, SPEED);
        assertThat(least.iterations()).isEqualTo(1);
        assertThat(least.steps()).isEqualTo(1);
    }

    @Test
    void aDeepEnsembleKeepsItsMembersAndSharesTheTime() {
        // 5 members in 0.85 × 18 = 15.3 s: 3.06 s each, 256 steps
        TimePlan p = TimePlan.decide(20, 5, 1000, 6400, 64, true, SPEED);
        assertThat(p.iterations()).isEqualTo(5);
        assertThat(p.steps()).isBetween(255, 256);
    }

    @Test
    void aDefaultsCeilingIsPassedWithLongerMembersInThreeIterationsWhenTheTimeHoldsMore() {
        // 11 × 100 steps fit 0.85 × 28 = 23.8 s easily; with a ceiling that bounds only an untimed search, 3
        // iterations of the steps that fill the time train instead: (23.8 / 3 − 0.5) / 0.01 = 743 steps
        TimePlan capped = TimePlan.decide(30, 11, 100, 6400, 64, false, SPEED);
        assertThat(capped.iterations()).isEqualTo(11);
        assertThat(capped.steps()).isEqualTo(100);
        TimePlan grown = TimePlan.decide(30, 11, 100, 5000, 6400, 64, false, SPEED);
        assertThat(grown.iterations()).isEqualTo(3);
        assertThat(grown.steps()).isBetween(742, 743);
        assertThat(grown.configuredSteps()).isEqualTo(100);
        assertThat(grown.how())
                .isEqualTo("longer members: the default's ceiling of 100 steps bounds only a search without a time"
                        + " budget, so members train the steps that fill the time in 3 iterations (at most 5000, the"
                        + " default's epochs), in the iterations that fit");
        assertThat(grown.describe()).contains("configured 11 × 100 steps: longer members");
        assertThat(grown.predictedSeconds()).isLessThanOrEqualTo(30);
    }

    @Test
    void membersGrowAtMostToTheDefaultsEpochsAndTheTimeLeftHoldsMoreIterationsOfThem() {
        // 0.85 × 98 = 83.3 s: 3 iterations would hold 2726 steps each; the default's epochs allow 1000 (10 epochs),
        // and 83.3 s hold 7 iterations of 10.5 s
        TimePlan p = TimePlan.decide(100, 11, 100, 1000, 6400, 64, false, SPEED);
        assertThat(p.steps()).isEqualTo(1000);
        assertThat(p.epochs()).isEqualTo(10.0);
        assertThat(p.iterations()).isEqualTo(7);
        assertThat(p.how()).contains("the default's whole 10.0 epochs (1000 steps)");
        // never more iterations than configured
        assertThat(TimePlan.decide(1000, 11, 100, 1000, 6400, 64, false, SPEED).iterations())
                .isEqualTo(11);
    }

    @Test
    void stepsAUserGaveAreNotGrownAndTheIterationsFloorIsTheConfiguredWhenFewer() {
        // explicit steps: the most a member trains is the configured, as without a ceiling to pass
        assertThat(TimePlan.decide(30, 11, 100, 100, 6400, 64, false, SPEED))
                .isEqualTo(TimePlan.decide(30, 11, 100, 6400, 64, false, SPEED));
        // 2 iterations configured: both kept, each (23.8 / 2 − 0.5) / 0.01 = 1140 steps, at most the 1000 allowed
        TimePlan two = TimePlan.decide(30, 2, 100, 1000, 6400, 64, false, SPEED);
        assertThat(two.iterations()).isEqualTo(2);
        assertThat(two.steps()).isEqualTo(1000);
        // a deep ensemble keeps its 5 members and shares the time: (23.8 / 5 − 0.5) / 0.01 = 426 steps each
        TimePlan deep = TimePlan.decide(30, 5, 100, 1000, 6400, 64, true, SPEED);
        assertThat(deep.iterations()).isEqualTo(5);
        assertThat(deep.steps()).isBetween(425, 426);
    }

    @Test
    void whenTheTimeHoldsNoMoreThanTheCeilingTheDefaultIsPlannedAsBefore() {
        // 3 iterations of the 1000 configured steps do not fit 0.85 × 18 s (nor less): the ceiling is never passed,
        // and the plan is the one of an upper bound (the second test's)
        for (double budget : new double[] {20, 5, 2.5}) {
            assertThat(TimePlan.decide(budget, 11, 1000, 42_188, 6400, 64, false, SPEED))
                    .as("budget %s", budget)
                    .isEqualTo(TimePlan.decide(budget, 11, 1000, 6400, 64, false, SPEED));
        }
    }

    @Test
    void aDataScaledDefaultMayGrowPastItsCeilingUnderATimeBudgetAndAGivenBudgetMayNot() {
        // Fashion-MNIST's 54,000 training rows in batches of 64: 50 epochs are 42,188 steps
        assertThat(new Budget(11, 5000, 64, StoppingRule.NONE, Epochs.DATA_SCALED).mostStepsUnderTime(54_000))
                .isEqualTo(42_188);
        assertThat(new Budget(11, 5000, 64, StoppingRule.NONE, Epochs.IMAGES).mostStepsUnderTime(54_000))
                .isEqualTo(42_188);
        // a small table: the floor of 454 steps, no ceiling to pass
        assertThat(new Budget(11, 5000, 64, StoppingRule.NONE, Epochs.DATA_SCALED).mostStepsUnderTime(410))
                .isEqualTo(454);
        // --epochs and --steps are the user's: upper bounds
        assertThat(new Budget(11, 5000, 64, StoppingRule.NONE, Epochs.exactly(50)).mostStepsUnderTime(54_000))
                .isEqualTo(42_188);
        assertThat(new Budget(11, 5000, 64, StoppingRule.NONE, new Epochs(40, 454, 2000)).mostStepsUnderTime(54_000))
                .isEqualTo(2000);
        assertThat(new Budget(11, 5500, 64, StoppingRule.NONE).mostStepsUnderTime(54_000))
                .isEqualTo(500);
        assertThat(Epochs.DATA_SCALED.isDataScaledDefault()).isTrue();
        assertThat(Epochs.IMAGES.isDataScaledDefault()).isTrue();
        // a comparison's baselines of a default search: single's 11 members' budget, a deep ensemble's share of it,
        // grow too, so that every method of a comparison fills the same time
        assertThat(Epochs.DATA_SCALED.times(11).isDataScaledDefault()).isTrue();
        assertThat(Epochs.IMAGES.share(11, 5).isDataScaledDefault()).isTrue();
        assertThat(Epochs.IMAGES.share(11, 3).isDataScaledDefault()).isTrue();
        assertThat(new Budget(1, 55_000, 64, StoppingRule.NONE, Epochs.IMAGES.times(11)).mostStepsUnderTime(54_000))
                .isEqualTo(464_063); // 550 epochs, not at most 22,000 steps
        assertThat(Epochs.exactly(50).times(11).isDataScaledDefault()).isFalse();
        assertThat(new Epochs(50, 454, 4000).isDataScaledDefault()).isFalse();
    }

    @Test
    void aSearchsPlanPassesTheCeilingOfTheDataScaledDefaultOnly() {
        // Fashion-MNIST's 54,000 training images at 20 ms a step, 30 s an iteration besides: 20 minutes hold 3
        // iterations of about 13,000 steps (15 epochs), not 11 of the images' 2000
        TimePlan.Throughput speed = new TimePlan.Throughput(0.02, 30, 25, 20);
        SearchConfig.Builder b =
                Preset.VALIDATED.applyTo(SearchConfig.builder()).stopping(new StoppingRule(false, 1200));
        TimePlan grown = TimePlan.forSearch(b.epochs(Epochs.IMAGES).build(), 54_000, speed);
        assertThat(grown.iterations()).isEqualTo(3);
        assertThat(grown.steps()).isBetween(11_000, 15_000);
        assertThat(grown.configuredSteps()).isEqualTo(2000);
        assertThat(grown.how()).startsWith("longer members: the default's ceiling of 2000 steps");
        assertThat(TimePlan.forSearch(b.epochs(Epochs.DATA_SCALED).build(), 54_000, speed)
                        .steps())
                .isEqualTo(grown.steps());
        // --epochs 5 (5 × 54,000 / 64 = 4219 steps) and --steps 55,000 (5000 an iteration) are upper bounds
        TimePlan epochs = TimePlan.forSearch(b.epochs(Epochs.exactly(5)).build(), 54_000, speed);
        assertThat(epochs.steps()).isEqualTo(4219);
        assertThat(epochs.how()).isEqualTo("fewer iterations, each member trained as configured");
        TimePlan steps = TimePlan.forSearch(b.epochs(null).totalSteps(55_000).build(), 54_000, speed);
        assertThat(steps.steps()).isEqualTo(5000);
        assertThat(steps.how()).isEqualTo("fewer iterations, each member trained as configured");
    }

    @Test
    void aPlannedSearchOfTheDataScaledDefaultTrainsItsMembersPastTheCeilingWhenTheTimeHoldsMore() {
        // a fixed-steps search first, so that the probe below does not time the engine's first use (class loading,
        // the compiler), which would make it plan for a much slower machine
        Experiment.run(
                SearchConfig.builder()
                        .iterations(1)
                        .totalSteps(200)
                        .batchSize(1)
                        .seed(3)
                        .build(),
                fixture,
                SearchListener.NONE);
        // batch 1: the images' ceiling of 2000 steps is a fraction of a second of a small DNN, and 50 epochs of the
        // fixture's rows are tens of thousands of steps
        double budget = 8;
        SearchConfig config = SearchConfig.builder()
                .iterations(11)
                .batchSize(1)
                .epochs(Epochs.IMAGES)
                .seed(3)
                .threads(2)
                .stopping(new StoppingRule(false, budget))
                .build();
        SearchResult timed =
                Experiment.run(config, fixture, SearchListener.NONE).get(0);
        TimePlan plan = timed.config().stopping().plan();
        int rows = Partitions.prepare(config, fixture).get(0).train().size();
        // the plan is the one decided for what the probe measured, with the default's 50 epochs as the most
        assertThat(plan)
                .isEqualTo(TimePlan.forSearch(
                        config,
                        rows,
                        new TimePlan.Throughput(
                                plan.secondsPerStep(),
                                plan.fixedSeconds(),
                                plan.probeSeconds(),
                                plan.finishSeconds())));
        assertThat(config.budget().mostStepsUnderTime(rows)).isEqualTo(50 * rows);
        assertThat(plan.steps()).as(plan.describe()).isGreaterThan(2000);
        assertThat(plan.how()).startsWith("longer members");
        assertThat(timed.iterations())
                .allSatisfy(r -> assertThat(r.candidates())
                        .allSatisfy(c -> assertThat(c.stepsRun()).isEqualTo(plan.steps())));
        assertThat(timed.timing().totalSeconds()).isLessThan(2 * budget + 5);
    }

    @Test
    void theGuardStopsBeforeAnIterationPredictedNotToFitAndNeverBeforeTheFirst() {
        StoppingRule rule = new StoppingRule(false, 10);
        IterationRecord done = record(0);
        assertThat(rule.reason(List.of(), 100, 50, 0)).isNull();
        assertThat(rule.reason(List.of(done), 5, 4, 0.5)).isNull();
        assertThat(rule.reason(List.of(done), 5, 4, 1.5))
                .isEqualTo("the time budget of 10 s leaves 5.0 s, and the next iteration is predicted to take 5.5 s");
        assertThat(rule.predictNext(List.of(2.0, 1.0), 1)).isCloseTo(2.3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(rule.predictNext(List.of(1.0), 3)).isCloseTo(3.45, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(StoppingRule.NONE.predictNext(List.of(1.0), 1)).isZero();
    }

    @Test
    void aPlannedSearchEndsWithinItsTimeAndItsPlanRerunsItBitForBit() {
        double budget = 4;
        // far more than 4 s hold here: the plan must cut the steps
        SearchConfig.Builder b = SearchConfig.builder()
                .iterations(4)
                .totalSteps(4 * 20000)
                .seed(5)
                .threads(2);
        TimePlan[] heard = new TimePlan[1];
        SearchResult timed = Experiment.run(
                        b.stopping(new StoppingRule(false, budget)).build(), fixture, new SearchListener() {
                            @Override
                            public void planned(TimePlan plan) {
                                heard[0] = plan;
                            }
                        })
                .get(0);
        TimePlan plan = timed.config().stopping().plan();
        assertThat(plan).isNotNull().isEqualTo(heard[0]);
        assertThat(plan.steps()).isBetween(1, 19999);
        assertThat(plan.budgetSeconds()).isEqualTo(budget);
        assertThat(plan.describe()).startsWith("time plan for 4 s: " + plan.steps() + " steps per candidate");
        // generous: a loaded machine may slow an iteration past its prediction, never by this much
        assertThat(timed.timing().totalSeconds()).isLessThan(2 * budget + 5);
        int ran = timed.iterations().size();
        assertThat(timed.iterations())
                .allSatisfy(r -> assertThat(r.candidates())
                        .allSatisfy(c -> assertThat(c.stepsRun()).isEqualTo(plan.steps())));

        SearchResult rerun = Experiment.run(
                        b.stopping(StoppingRule.NONE)
                                .iterations(ran)
                                .totalSteps(ran * plan.steps())
                                .build(),
                        fixture,
                        SearchListener.NONE)
                .get(0);
        assertThat(rerun.metrics().testAccuracy()).isEqualTo(timed.metrics().testAccuracy());
        assertThat(rerun.ensemble().weights()).isEqualTo(timed.ensemble().weights());
        for (int t = 0; t < ran; t++) {
            assertThat(rerun.iterations().get(t).memberIds())
                    .isEqualTo(timed.iterations().get(t).memberIds());
            assertThat(rerun.iterations().get(t).selectionObjective())
                    .isEqualTo(timed.iterations().get(t).selectionObjective());
        }
        List<Member> a = timed.ensemble().members();
        List<Member> c = rerun.ensemble().members();
        assertThat(c).hasSameSizeAs(a);
        for (int j = 0; j < a.size(); j++) {
            assertThat(Arrays.equals(a.get(j).testLogits(), c.get(j).testLogits()))
                    .isTrue();
        }
    }

    @Test
    void aResumedSearchContinuesItsCheckpointsPlanWithoutANewProbe() {
        SearchConfig config = SearchConfig.builder()
                .iterations(3)
                .totalSteps(3 * 60)
                .seed(9)
                .threads(1)
                .stopping(new StoppingRule(false, 120))
                .build();
        Partitions p = Partitions.prepare(config, fixture).get(0);
        DatasetInfo info = Experiment.info(config, fixture, p);
        List<SearchState> states = new java.util.ArrayList<>();
        SearchResult whole;
        try (org.saepj.execution.CandidateExecutor executor =
                new org.saepj.execution.LocalExecutor(1, org.saepj.engine.Backends.best())) {
            whole = new AdaNetSearch(config, executor, org.saepj.engine.Backends.best())
                    .run(p, info, SearchListener.NONE, null, states::add);
            assertThat(states)
                    .hasSize(3)
                    .allSatisfy(st -> assertThat(st.plan())
                            .isEqualTo(whole.config().stopping().plan()));
            boolean[] probed = new boolean[1];
            SearchResult resumed = new AdaNetSearch(config, executor, org.saepj.engine.Backends.best())
                    .run(
                            p,
                            info,
                            new SearchListener() {
                                @Override
                                public void planned(TimePlan plan) {
                                    probed[0] = true;
                                }
                            },
                            states.get(0),
                            CheckpointSink.NONE);
            assertThat(probed[0]).as("no second probe").isFalse();
            assertThat(resumed.config()).isEqualTo(whole.config());
            assertThat(resumed.metrics().testAccuracy())
                    .isEqualTo(whole.metrics().testAccuracy());
            assertThat(resumed.ensemble().weights()).isEqualTo(whole.ensemble().weights());
        }
    }

    private static IterationRecord record(int t) {
        return new IterationRecord(
                t,
                List.of(),
                null,
                List.of(),
                "dnn-depth-1",
                1,
                List.of(0),
                List.of(1),
                new double[] {1},
                0.3,
                0.8,
                null,
                0,
                0,
                Double.NaN,
                null,
                null);
    }
}
