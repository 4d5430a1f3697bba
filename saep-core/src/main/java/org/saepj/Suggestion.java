package org.saepj;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** The "did you mean" of an error: the known name closest to a misspelled one, when one is close enough. */
public final class Suggestion {
    /** Edits allowed (one for names under three letters): a typo or a swapped pair, not a different word. */
    private static final int MAX_EDITS = 2;

    private Suggestion() {}

    /**
     * @param typed what the user typed
     * @param known the names that exist
     * @return the known name closest to {@code typed} within the edits allowed (case ignored), when exactly one is
     *     closest and it is not {@code typed} itself
     */
    public static Optional<String> closest(String typed, Collection<String> known) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        String t = typed.toLowerCase(Locale.ROOT);
        LevenshteinDistance distance = new LevenshteinDistance(t.length() < 3 ? 1 : MAX_EDITS);
        int best = Integer.MAX_VALUE;
        List<String> closest = new ArrayList<>();
        for (String k : known) {
            int d = distance.apply(t, k.toLowerCase(Locale.ROOT));
            if (d < 0 || k.equals(typed)) {
                continue; // too far, or the same name
            }
            if (d < best) {
                best = d;
                closest.clear();
            }
            if (d == best && !closest.contains(k)) {
                closest.add(k);
            }
        }
        // two names equally close is a guess, not a suggestion
        return closest.size() == 1 ? Optional.of(closest.get(0)) : Optional.empty();
    }

    /**
     * @param typed what the user typed
     * @param known the names that exist
     * @return {@code " (did you mean NAME?)"}, or an empty string when no name is close
     */
    public static String hint(String typed, Collection<String> known) {
        return closest(typed, known).map(k -> " (did you mean " + k + "?)").orElse("");
    }
}
