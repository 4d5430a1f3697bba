package org.saepj.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.saepj.DataException;
import org.saepj.FileException;
import org.saepj.SaepException;
import org.saepj.engine.Backend;
import org.saepj.engine.Network;
import org.saepj.search.CheckpointSink;
import org.saepj.search.IterationRecord;
import org.saepj.search.SearchState;
import org.saepj.subnetwork.CandidateSpec;

/**
 * A resumable search's checkpoint: {@code checkpoint/state.json} and one parameter file per member, written
 * after every iteration. Parameter files are written before the state that names them and deleted only
 * after a state that no longer names them is in place, and every file is written atomically, so a search
 * killed at any moment leaves the previous or the new checkpoint, whole.
 */
public final class SearchCheckpoint implements CheckpointSink {
    /** The checkpoint directory's name inside a run directory. */
    public static final String DIRECTORY = "checkpoint";
    /** The state file's name. */
    public static final String STATE = "state.json";
    /** The name of a member's parameter file, in a checkpoint and in a saved ensemble. */
    public static final java.util.regex.Pattern MEMBER_FILE =
            java.util.regex.Pattern.compile("member-\\d{1,10}\\.params");
    /**
     * The state format this build writes. It also reads format 1 (no checksums, no data fingerprint) and 2
     * (NaN written as a string, unused optimizer and architecture fields as 0).
     */
    public static final int FORMAT_VERSION = 3;
    /**
     * The state's versions. Formats 1 and 2 share format 3's layout (their differences, checksums and a fingerprint
     * absent, are what {@link #load} checks by version), so the chain has no steps yet.
     */
    private static final FormatChain CHAIN = FormatChain.of("checkpoint state", "formatVersion", FORMAT_VERSION);
    /**
     * System property slowing every state write by this many milliseconds half-way through, so the
     * interruption tests can kill a search in the middle of a write.
     */
    public static final String WRITE_DELAY_PROPERTY = "saep.checkpoint.writeDelayMillis";

    private static final ObjectMapper JSON = JsonFormat.mapper();

    private final Path dir;
    private final String dataSha256;
    /**
     * Fair: an interrupt handler waiting for the write in progress gets the lock before the checkpoint thread starts
     * the next write. Unfair, the writer could take it again at once (the search hands it the next state as soon as
     * a write ends) and the handler could wait through every remaining write while the search ran to its end.
     */
    private final ReentrantLock writing = new ReentrantLock(true);

    private final long writeDelayMillis;
    /** The parameter files this checkpoint wrote, with their checksums: a member's file is written once. */
    private final java.util.Map<String, String> written = new java.util.HashMap<>();

    /**
     * @param runDir the run's output directory; the checkpoint goes into its {@code checkpoint/}
     * @param dataSha256 the fingerprint of the data the run trains on, stored so a resume can refuse other data
     */
    public SearchCheckpoint(Path runDir, String dataSha256) {
        this.dir = runDir.resolve(DIRECTORY);
        this.dataSha256 = dataSha256;
        this.writeDelayMillis = Long.getLong(WRITE_DELAY_PROPERTY, 0L);
    }

    /**
     * Held while a checkpoint is being written: an interrupt handler takes it to let the write finish.
     *
     * @return the lock
     */
    public ReentrantLock writingLock() {
        return writing;
    }

    /** The content of state.json. */
    record State(
            int formatVersion,
            String dataSha256,
            int nextIteration,
            int nextId,
            List<MemberRecord> members,
            double[] weights,
            List<IterationRecord> records,
            long streamEpoch,
            int streamPosition,
            double trainSeconds,
            double elapsedSeconds,
            String startedAt,
            BestRecord best,
            org.saepj.search.TimePlan plan) {}

    /** The best iteration on validation data of a search that returns it (absent otherwise, and before it existed). */
    record BestRecord(int iteration, double validationLoss, List<MemberRecord> members, double[] weights) {}

    @Override
    public void save(SearchState state) {
        writing.lock();
        try {
            List<MemberRecord> entries = entries(state.members());
            SearchState.Best best = state.best();
            BestRecord bestRecord = best == null
                    ? null
                    : new BestRecord(best.iteration(), best.validationLoss(), entries(best.members()), best.weights());
            State stored = new State(
                    FORMAT_VERSION,
                    dataSha256,
                    state.nextIteration(),
                    state.nextId(),
                    entries,
                    state.weights(),
                    state.records(),
                    state.streamEpoch(),
                    state.streamPosition(),
                    state.trainSeconds(),
                    state.elapsedSeconds(),
                    state.startedAt(),
                    bestRecord,
                    state.plan());
            byte[] bytes = JSON.writeValueAsBytes(stored);
            AtomicFiles.write(dir.resolve(STATE), out -> {
                int half = bytes.length / 2;
                out.write(bytes, 0, half);
                if (writeDelayMillis > 0) {
                    out.flush();
                    sleep(writeDelayMillis);
                }
                out.write(bytes, half, bytes.length - half);
            });
            List<MemberRecord> referenced = new ArrayList<>(entries);
            if (bestRecord != null) {
                referenced.addAll(bestRecord.members()); // the best iteration's pruned members stay on disk
            }
            deleteUnreferenced(referenced);
        } catch (IOException e) {
            throw new FileException(dir.resolve(STATE) + ": cannot write the checkpoint: " + e.getMessage(), e);
        } finally {
            writing.unlock();
        }
    }

    /** Writes each member's parameter file once (members are immutable) and describes it. */
    private List<MemberRecord> entries(List<SearchState.Snapshot> snapshots) throws IOException {
        List<MemberRecord> entries = new ArrayList<>();
        for (SearchState.Snapshot s : snapshots) {
            String file = "member-" + s.id() + ".params";
            String sha = written.get(file);
            if (sha == null) {
                // Written whatever lies there: a file this checkpoint did not write is not known to be this member's.
                byte[] params = ParameterFiles.bytes(s.network());
                AtomicFiles.write(dir.resolve(file), out -> out.write(params));
                sha = org.saepj.data.Fingerprint.sha256Hex(params);
                written.put(file, sha);
            }
            entries.add(MemberRecord.of(s.id(), s.iteration(), s.candidate()).withFile(file, sha));
        }
        return entries;
    }

    private void deleteUnreferenced(List<MemberRecord> entries) throws IOException {
        Set<String> keep = new HashSet<>();
        entries.forEach(e -> keep.add(e.file()));
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.startsWith("member-") && name.endsWith(".params") && !keep.contains(name)) {
                    Files.deleteIfExists(f);
                    written.remove(name);
                }
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Removes a run's checkpoint once its outputs are complete: the report supersedes it.
     *
     * @param runDir the run's output directory
     */
    public static void delete(Path runDir) {
        Path cp = runDir.resolve(DIRECTORY);
        if (!Files.exists(cp)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(cp)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new FileException(cp + ": cannot remove the finished run's checkpoint: " + e.getMessage(), e);
        }
    }

    /**
     * @param runDir a run's output directory
     * @return true when it holds a checkpoint
     */
    public static boolean exists(Path runDir) {
        return Files.isRegularFile(runDir.resolve(DIRECTORY).resolve(STATE));
    }

    /**
     * Loads a checkpoint, verifying it: its format, that it was taken on the same data, the consistency of
     * its fields, each parameter file's checksum (format 2) and that every parameter is finite.
     *
     * @param runDir the run's output directory
     * @param backend the backend the restored networks use
     * @param dataSha256 the fingerprint of the data the run continues on, or null not to check it
     * @return the state to resume from
     * @throws SaepException naming the file and what is wrong
     */
    public static SearchState load(Path runDir, Backend backend, String dataSha256) {
        Path dir = runDir.resolve(DIRECTORY);
        Path file = dir.resolve(STATE);
        if (!Files.exists(file)) {
            throw new FileException(runDir + ": no checkpoint to resume from (" + file + " is missing)");
        }
        State stored;
        try {
            JsonNode tree = JSON.readTree(org.saepj.data.io.InputFiles.readAll(file, "checkpoint state"));
            stored = JSON.treeToValue(CHAIN.read(file, tree), State.class);
        } catch (IOException e) {
            throw new FileException(
                    file + ": corrupt checkpoint ("
                            + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + ")",
                    e);
        }
        if (stored.formatVersion() >= 2 && dataSha256 != null && !dataSha256.equals(stored.dataSha256())) {
            throw new DataException(file + ": the checkpoint was taken on other data (fingerprint "
                    + stored.dataSha256() + ", the data now " + dataSha256 + "): resume with the run's own data");
        }
        CheckpointConsistency.check(file, stored);
        List<SearchState.Snapshot> members = new ArrayList<>();
        for (MemberRecord e : stored.members()) {
            members.add(restore(dir, file, e, stored.formatVersion(), backend));
        }
        SearchState.Best best = null;
        if (stored.best() != null) {
            List<SearchState.Snapshot> bestMembers = new ArrayList<>();
            for (MemberRecord e : stored.best().members()) {
                bestMembers.add(restore(dir, file, e, stored.formatVersion(), backend));
            }
            best = new SearchState.Best(
                    stored.best().iteration(),
                    stored.best().validationLoss(),
                    bestMembers,
                    stored.best().weights());
        }
        return new SearchState(
                stored.nextIteration(),
                stored.nextId(),
                members,
                stored.weights(),
                stored.records(),
                stored.streamEpoch(),
                stored.streamPosition(),
                stored.trainSeconds(),
                stored.elapsedSeconds(),
                stored.startedAt(),
                best,
                stored.plan());
    }

    private static SearchState.Snapshot restore(Path dir, Path file, MemberRecord e, int format, Backend backend) {
        CandidateSpec spec;
        try {
            spec = new CandidateSpec(e.name(), e.architecture(), e.optimizer(), e.seed(), e.complexity());
        } catch (IllegalArgumentException | NullPointerException ex) {
            throw new FileException(file + ": member " + e.id() + ": invalid settings (" + ex.getMessage() + ")", ex);
        }
        if (spec.architecture().parameterCount() > SavedEnsemble.MAX_PARAMETERS) {
            throw new FileException(file + ": member " + e.id() + " declares too many parameters");
        }
        Network net = backend.network(spec.architecture());
        // Format 1 recorded no checksums: its files are checked for everything else.
        ParameterFiles.restore(
                net, dir.resolve(e.file()), format >= 2 ? e.sha256() : null, e.id(), " named by " + file);
        return new SearchState.Snapshot(e.id(), e.iteration(), spec, net);
    }
}
