package org.saepj.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.saepj.run.RunStory.Facts;
import org.saepj.run.RunStory.MemberFigures;

/** Each sentence of the "what happened" paragraph, on numbers made up to call for it. */
class RunStoryTest {
    private static final List<MemberFigures> PERFECT =
            List.of(new MemberFigures(2, 0.81, 1.0), new MemberFigures(5, 0.83, 1.0), new MemberFigures(7, 0.80, 1.0));
    private static final List<MemberFigures> NONE = List.of();

    private static Facts facts(
            String criterion,
            double test,
            Double train,
            double first,
            List<MemberFigures> members,
            int decisions,
            int removed,
            List<Integer> at) {
        return new Facts(
                criterion,
                test,
                train,
                members.isEmpty() ? 3 : members.size(),
                first,
                members,
                decisions,
                removed,
                at,
                true,
                454);
    }

    private static Facts accuracies(double test, Double train, double first, List<MemberFigures> members) {
        return facts("pie", test, train, first, members, 0, 0, List.of());
    }

    @Test
    void theEnsembleAgainstTheSingleNetworkOfIterationZero() {
        assertThat(RunStory.result(accuracies(0.8366, null, 0.8170, NONE)))
                .isEqualTo("The final ensemble of 3 members reaches test accuracy 0.8366, 1.96 points above the single"
                        + " network of iteration 0 (0.8170): growing the ensemble paid off.");
        assertThat(RunStory.result(accuracies(0.8100, null, 0.8240, NONE)))
                .isEqualTo("The final ensemble of 3 members reaches test accuracy 0.8100, 1.40 points below the single"
                        + " network of iteration 0 (0.8240): the members added later did not pay off at this budget"
                        + " (454 steps per candidate).");
        assertThat(RunStory.result(accuracies(0.8241, null, 0.8240, NONE)))
                .contains("about the same as the single network of iteration 0 (0.8240)");
        assertThat(RunStory.result(accuracies(0.8241, null, Double.NaN, NONE)))
                .isEqualTo("The final ensemble of 3 members reaches test accuracy 0.8241.");
    }

    @Test
    void theEnsembleAgainstItsBestMemberAlone() {
        assertThat(RunStory.bestMember(accuracies(0.85, null, 0.8, PERFECT)))
                .isEqualTo("The ensemble is 2.00 points more accurate than its best member alone (#5, 0.8300): its"
                        + " members' errors partly cancel.");
        assertThat(RunStory.bestMember(accuracies(0.82, null, 0.8, PERFECT)))
                .startsWith("The ensemble is 1.00 points less accurate than its best member alone (#5, 0.8300)");
        assertThat(RunStory.bestMember(accuracies(0.8301, null, 0.8, PERFECT)))
                .startsWith("The ensemble is about as accurate as its best member alone (#5, 0.8300)");
        assertThat(RunStory.bestMember(accuracies(0.83, null, 0.8, NONE))).isNull();
    }

    @Test
    void whyTheCriterionPrunedOrDidNot() {
        assertThat(RunStory.pruning(facts("adanet", 0.8, null, 0.8, PERFECT, 0, 0, List.of())))
                .isEqualTo("AdaNet prunes nothing: every member it selected stays.");
        assertThat(RunStory.pruning(facts("pie", 0.8, null, 0.8, PERFECT, 0, 0, List.of())))
                .startsWith("PIE never decided: it decides at the start of an iteration whose ensemble has at least");
        assertThat(RunStory.pruning(facts("pie", 0.8, null, 0.8, PERFECT, 4, 4, List.of(3, 4, 5, 6))))
                .isEqualTo("PIE removed 4 members in 4 decisions (at iterations 3, 4, 5, 6), leaving 3 members.");
        assertThat(RunStory.pruning(facts("prs", 0.8, null, 0.8, PERFECT, 1, 1, List.of(3))))
                .isEqualTo("PRS removed 1 member in 1 decision (at iteration 3), leaving 3 members.");
        assertThat(RunStory.pruning(facts("pap", 0.8, null, 0.8, PERFECT, 6, 0, List.of())))
                .isEqualTo("PAP pruned nothing in its 6 decisions: every member fits the training data perfectly"
                        + " (training accuracies 1.0), so on the training data, where PAP decides, no member's removal"
                        + " lowers the vote's error; decide on held-out data (--selection holdout:0.1) to let PAP tell"
                        + " the members apart.");
        List<MemberFigures> imperfect = List.of(new MemberFigures(1, 0.8, 0.97), new MemberFigures(2, 0.8, 1.0));
        assertThat(RunStory.pruning(facts("pap", 0.8, null, 0.8, imperfect, 1, 0, List.of())))
                .isEqualTo("PAP pruned nothing in its 1 decision: removing any one member never lowered the vote's"
                        + " error on the selection data (every leave-one-out error is at least the ensemble's).");
        Facts heldOut = new Facts("pap", 0.8, null, 3, 0.8, PERFECT, 2, 0, List.of(), false, 454);
        assertThat(RunStory.pruning(heldOut)).contains("removing any one member never lowered");
        assertThat(RunStory.pruning(facts("kappa", 0.8, null, 0.8, PERFECT, 2, 0, List.of())))
                .isEqualTo("KAPPA pruned nothing in its 2 decisions.");
    }

    @Test
    void overAndUnderFittingFromTrainingAgainstTestAccuracy() {
        assertThat(RunStory.fit(accuracies(0.8240, 1.0, 0.8, PERFECT)))
                .isEqualTo("Training accuracy 1.0000 against test 0.8240 (17.60 points apart): the members fit the"
                        + " training data much better than new data (over-fitting); fewer steps (--steps), smaller"
                        + " members (--width) or more training data narrow the gap.");
        assertThat(RunStory.fit(accuracies(0.8366, 0.8420, 0.8, PERFECT)))
                .isEqualTo("Training accuracy 0.8420 against test 0.8366: close, and the training data is not fitted"
                        + " yet (under-fitting); there is room to learn more: try more steps (--steps; now 454 per"
                        + " candidate) or wider members (--width).");
        assertThat(RunStory.fit(accuracies(0.985, 0.99, 0.8, PERFECT)))
                .endsWith(": no sign of strong over- or under-fitting.");
        assertThat(RunStory.fit(accuracies(0.85, 0.88, 0.8, PERFECT)))
                .isEqualTo("Training accuracy 0.8800 against test 0.8500: no sign of strong over- or under-fitting.");
        assertThat(RunStory.fit(accuracies(0.85, null, 0.8, PERFECT))).isNull();
    }

    @Test
    void theParagraphPutsTheSentencesInOrder() {
        List<String> s = RunStory.sentences(facts("pap", 0.85, 1.0, 0.80, PERFECT, 6, 0, List.of()));
        assertThat(s).hasSize(4);
        assertThat(s.get(0)).startsWith("The final ensemble");
        assertThat(s.get(1)).startsWith("The ensemble is");
        assertThat(s.get(2)).startsWith("PAP pruned nothing");
        assertThat(s.get(3)).startsWith("Training accuracy");
    }

    @Test
    void theGlossaryExplainsEachWordOnceInItsOrder() {
        List<String> lines =
                DetailGlossary.explain(List.of("greedyScores", "alpha", "startPosition", "keptOrder", "madeUp"));
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0))
                .startsWith("alpha: PIE's trade-off")
                .contains("diversity")
                .contains("relevance");
        assertThat(lines).anyMatch(l -> l.startsWith("startPosition: "));
        assertThat(DetailGlossary.sentence("madeUp")).isNull();
    }
}
