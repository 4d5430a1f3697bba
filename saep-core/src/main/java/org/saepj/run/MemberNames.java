package org.saepj.run;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The name of each member of a search as it grows: a member is called after the candidate that brought it in.
 * Fed one iteration at a time (from records as they finish, or from a stored report), it also knows which
 * members the ensemble held after the last iteration, which a pruning decision's positions index.
 */
public final class MemberNames {
    private final Map<Integer, String> names = new HashMap<>();
    private List<Integer> current = List.of();

    /**
     * @param memberIds the members after an iteration
     * @param selected the candidate that iteration added ("keep" when none)
     */
    public void add(List<Integer> memberIds, String selected) {
        for (int id : memberIds) {
            if (!current.contains(id)) {
                names.putIfAbsent(id, selected); // the member this iteration added
            }
        }
        current = List.copyOf(memberIds);
    }

    /**
     * @param id a member's id
     * @return the candidate it was trained as, or "?" when no iteration that added it was seen
     */
    public String name(int id) {
        return names.getOrDefault(id, "?");
    }

    /**
     * @param id a member's id
     * @return "#id name", as displays and reports show a member
     */
    public String label(int id) {
        return "#" + id + " " + name(id);
    }

    /** @return the members after the last iteration added, in ensemble order */
    public List<Integer> current() {
        return current;
    }
}
