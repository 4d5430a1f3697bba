package org.saepj.persistence;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.saepj.FileException;
import org.saepj.SaepException;
import org.saepj.search.IterationRecord;

/**
 * Checks that the fields of a checkpoint's state.json agree with one another, as a search writes them: an edited or
 * damaged field (a stream position, an id, a weight, a record) would otherwise continue the run from a state no run
 * can reach and change its result without a word. What the run's configuration and data allow is checked when the
 * run continues ({@code org.saepj.run.CheckpointFit}).
 */
final class CheckpointConsistency {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path file;

    private CheckpointConsistency(Path file) {
        this.file = file;
    }

    /**
     * @param file the state file, for messages
     * @param s its content
     * @throws SaepException naming the file and the first field that does not fit
     */
    static void check(Path file, SearchCheckpoint.State s) {
        CheckpointConsistency c = new CheckpointConsistency(file);
        c.fields(s);
        for (int t = 0; t < s.records().size(); t++) {
            c.record(s.records(), t);
        }
        int handedOut = idsHandedOut(s.records(), s.records().size());
        c.require(
                s.nextId() == handedOut,
                "nextId " + s.nextId() + " is not the number of candidates the iteration" + " records trained ("
                        + handedOut + ")");
        c.members(s);
    }

    private void fields(SearchCheckpoint.State s) {
        require(
                s.members() != null && s.weights() != null && s.records() != null,
                "members, weights and records are required");
        require(!s.members().contains(null) && !s.records().contains(null), "members and records must not hold nulls");
        require(
                s.nextIteration() >= 1 && s.records().size() == s.nextIteration(),
                "nextIteration must be ≥ 1 and equal the number of iteration records");
        require(
                s.weights().length == s.members().size(),
                "one weight per member is required (" + s.members().size() + " members, " + s.weights().length
                        + " weights)");
        for (double w : s.weights()) {
            require(Double.isFinite(w), "weights must be finite");
        }
        require(
                s.formatVersion() < 2
                        || s.dataSha256() != null
                                && SHA256.matcher(s.dataSha256()).matches(),
                "dataSha256 must be 64 hex digits");
        require(
                s.streamEpoch() >= 1 && s.streamPosition() >= 0,
                "the batch stream's epoch must be at least 1 and its" + " position not negative, got epoch "
                        + s.streamEpoch() + ", position " + s.streamPosition());
        require(
                Double.isFinite(s.trainSeconds())
                        && Double.isFinite(s.elapsedSeconds())
                        && s.trainSeconds() >= 0
                        && s.elapsedSeconds() >= 0,
                "times must be finite and not negative");
        try {
            Instant.parse(String.valueOf(s.startedAt()));
        } catch (DateTimeParseException e) {
            throw invalid("startedAt must be an instant such as 2026-01-31T12:00:00Z, got " + s.startedAt());
        }
    }

    /** Iteration t's record: its own fields agree, and with the records before it. */
    private void record(List<IterationRecord> records, int t) {
        IterationRecord r = records.get(t);
        String which = "iteration record " + t;
        require(r.iteration() == t, which + " says iteration " + r.iteration());
        require(
                r.pruned() != null
                        && r.pruneDecision() != null
                        && r.candidates() != null
                        && r.selected() != null
                        && r.memberIds() != null
                        && r.memberDepths() != null
                        && r.weights() != null
                        && r.diversity() != null
                        && !r.pruned().contains(null)
                        && !r.candidates().contains(null)
                        && !r.memberIds().contains(null)
                        && !r.memberDepths().contains(null),
                which + " lacks fields");
        require(
                r.pruneDecision().removed() != null
                        && r.pruneDecision().details() != null
                        && r.pruneDecision().criterion() != null,
                which + " has an incomplete pruning decision");
        require(!r.candidates().isEmpty(), which + " lists no candidates");
        require(
                r.ensembleSize() == r.memberIds().size()
                        && r.memberDepths().size() == r.memberIds().size()
                        && r.weights().length == r.memberIds().size(),
                which + ": ensembleSize, memberIds, memberDepths and" + " weights must count the same members");
        increasing(r.memberIds(), idsHandedOut(records, t + 1), which + "'s memberIds");
        List<Integer> before = t == 0 ? List.of() : records.get(t - 1).memberIds();
        require(
                before.containsAll(r.pruned())
                        && new HashSet<>(r.pruned()).size() == r.pruned().size(),
                which + " prunes members that were not in the ensemble");
        require(
                r.selected().equals("keep")
                        || r.candidates().stream().anyMatch(c -> r.selected().equals(c.name())),
                which + " selected '" + r.selected() + "', neither keep nor one of its candidates");
    }

    /** The members: ids unique and increasing, each where its iteration's record put it, as the last record says. */
    private void members(SearchCheckpoint.State s) {
        List<Integer> ids = s.members().stream().map(MemberRecord::id).toList();
        increasing(ids, s.nextId(), "member ids");
        IterationRecord last = s.records().get(s.records().size() - 1);
        require(
                ids.equals(last.memberIds()),
                "the members " + ids + " are not those of the last iteration record " + last.memberIds());
        require(
                Arrays.equals(s.weights(), last.weights()),
                "the weights " + Arrays.toString(s.weights()) + " are not those of the last iteration record "
                        + Arrays.toString(last.weights()));
        for (int j = 0; j < s.members().size(); j++) {
            MemberRecord e = s.members().get(j);
            require(
                    e.iteration() >= 0 && e.iteration() < s.nextIteration(),
                    "member " + e.id() + " comes from an iteration not yet run");
            require(
                    e.file() != null
                            && SearchCheckpoint.MEMBER_FILE.matcher(e.file()).matches(),
                    "member " + e.id() + " must name its parameter file member-<id>.params");
            require(
                    e.architecture() != null && e.optimizer() != null && e.name() != null && e.seed() != null,
                    "member " + e.id() + " needs a name, a seed, an architecture and an optimizer");
            int first = idsHandedOut(s.records(), e.iteration());
            var candidates = s.records().get(e.iteration()).candidates();
            int index = e.id() - first;
            require(
                    index >= 0
                            && index < candidates.size()
                            && e.name().equals(candidates.get(index).name()),
                    "member " + e.id() + " (" + e.name() + ") is not a candidate of iteration " + e.iteration());
            require(
                    last.memberDepths().get(j) == e.architecture().depth(),
                    "member " + e.id() + " has depth " + e.architecture().depth() + ", the last iteration record says "
                            + last.memberDepths().get(j));
        }
    }

    /** @return the member ids the first {@code iterations} iterations handed out: one per candidate trained */
    private static int idsHandedOut(List<IterationRecord> records, int iterations) {
        int n = 0;
        for (int t = 0; t < iterations; t++) {
            n += records.get(t).candidates().size();
        }
        return n;
    }

    private void increasing(List<Integer> ids, int below, String what) {
        for (int j = 0; j < ids.size(); j++) {
            require(
                    ids.get(j) >= 0 && ids.get(j) < below && (j == 0 || ids.get(j) > ids.get(j - 1)),
                    what + " must be unique, increasing and below " + below + ", got " + ids);
        }
    }

    private void require(boolean ok, String what) {
        if (!ok) {
            throw invalid(what);
        }
    }

    private SaepException invalid(String what) {
        return new FileException(file + ": invalid checkpoint: " + what);
    }
}
