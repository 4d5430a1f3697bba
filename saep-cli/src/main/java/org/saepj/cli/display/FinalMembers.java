package org.saepj.cli.display;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.saepj.ensemble.Ensemble;
import org.saepj.ensemble.Member;

/** The line that ends a search: the final ensemble's members by id, candidate, mixture weight and iteration. */
public final class FinalMembers {
    private FinalMembers() {}

    /**
     * @param ensemble the final ensemble
     * @return "final ensemble: #0 dnn-depth-1 (weight 0.5000, from iteration 0), #3 dnn-depth-2 (weight 0.5000, …)"
     */
    public static String describe(Ensemble ensemble) {
        List<String> members = new ArrayList<>();
        for (int i = 0; i < ensemble.size(); i++) {
            Member m = ensemble.members().get(i);
            members.add(String.format(
                    Locale.ROOT,
                    "#%d %s (weight %.4f, from iteration %d)",
                    m.id(),
                    m.candidate().name(),
                    ensemble.weights()[i],
                    m.iteration()));
        }
        return "final ensemble: " + (members.isEmpty() ? "empty" : String.join(", ", members));
    }
}
