package org.saepj.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.saepj.persistence.JsonFormat;
import org.saepj.pruning.DecisionDetails;
import org.saepj.search.IterationRecord;

/**
 * Which members left a search, when, by which criterion and with which numbers, each named by the candidate that
 * brought it in: read from a run's iterations, as records or as report.json of any schema holds them.
 */
public final class PruningHistory {
    private PruningHistory() {}

    /**
     * One iteration as the history needs it.
     *
     * @param iteration t, from 0
     * @param pruned the ids that left at its start
     * @param criterion the deciding criterion
     * @param details the criterion's numbers
     * @param memberIds the members after it
     * @param selected the candidate it added ("keep" when none)
     */
    public record Step(
            int iteration,
            List<Integer> pruned,
            String criterion,
            JsonNode details,
            List<Integer> memberIds,
            String selected) {
        /**
         * @param r an iteration record
         * @return its step
         */
        public static Step of(IterationRecord r) {
            return new Step(
                    r.iteration(),
                    r.pruned(),
                    r.pruneDecision().criterion(),
                    JsonFormat.mapper().valueToTree(r.pruneDecision().details()),
                    r.memberIds(),
                    r.selected());
        }

        /**
         * @param it an element of report.json's {@code iterations}
         * @return its step
         */
        public static Step of(JsonNode it) {
            List<Integer> pruned = new ArrayList<>();
            it.path("pruned").forEach(p -> pruned.add(p.asInt()));
            List<Integer> ids = new ArrayList<>();
            it.path("memberIds").forEach(p -> ids.add(p.asInt()));
            return new Step(
                    it.path("iteration").asInt(),
                    pruned,
                    it.at("/pruneDecision/criterion").asText(),
                    it.at("/pruneDecision/details"),
                    ids,
                    it.path("selected").asText());
        }
    }

    /**
     * @param steps the run's iterations in order
     * @return one event per iteration that pruned
     */
    public static List<Inspection.PruningEvent> of(List<Step> steps) {
        MemberNames names = new MemberNames();
        List<Inspection.PruningEvent> events = new ArrayList<>();
        for (Step s : steps) {
            if (!s.pruned().isEmpty()) {
                List<Integer> before = names.current();
                events.add(new Inspection.PruningEvent(
                        s.iteration(),
                        s.criterion(),
                        s.pruned(),
                        s.pruned().stream().map(names::name).toList(),
                        before,
                        before.stream().map(names::name).toList(),
                        s.details()));
            }
            names.add(s.memberIds(), s.selected());
        }
        return events;
    }

    /**
     * @param e an event
     * @return it in words: "iteration 5: pie removed #7 dnn-depth-2, kept #1 dnn-depth-1, #4 dnn-depth-2; alpha 0.5, …"
     */
    public static String describe(Inspection.PruningEvent e) {
        return "iteration " + e.iteration() + ": " + e.criterion() + " " + removal(e) + "; " + details(e);
    }

    /**
     * @param e an event
     * @return who left and who stayed: "removed #7 dnn-depth-2, kept #1 dnn-depth-1, #4 dnn-depth-2"
     */
    public static String removal(Inspection.PruningEvent e) {
        StringBuilder removed = new StringBuilder();
        for (int i = 0; i < e.removedIds().size(); i++) {
            removed.append(i == 0 ? "" : ", ")
                    .append('#')
                    .append(e.removedIds().get(i))
                    .append(' ')
                    .append(e.removedNames().get(i));
        }
        StringBuilder kept = new StringBuilder();
        for (int i = 0; i < e.beforeIds().size(); i++) {
            if (!e.removedIds().contains(e.beforeIds().get(i))) {
                kept.append(kept.isEmpty() ? "" : ", ")
                        .append('#')
                        .append(e.beforeIds().get(i))
                        .append(' ')
                        .append(e.beforeNames().get(i));
            }
        }
        return "removed " + removed + (kept.isEmpty() ? "" : ", kept " + kept);
    }

    /**
     * @param e an event
     * @return the criterion's numbers as a person reads them, positions shown as the member ids they index
     */
    @SuppressWarnings("unchecked")
    public static String details(Inspection.PruningEvent e) {
        return details(
                DecisionDetails.fromJson(JsonFormat.mapper().convertValue(e.details(), Map.class)), e.beforeIds());
    }

    /**
     * @param details a decision's numbers
     * @param before the members before pruning, which its positions index
     * @return the numbers as a person reads them, each position shown as the member id it indexes ("#7")
     */
    public static String details(DecisionDetails details, List<Integer> before) {
        return details.describe(p -> p >= 0 && p < before.size() ? "#" + before.get(p) : Integer.toString(p));
    }
}
