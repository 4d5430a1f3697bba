package org.saepj.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.saepj.SaepException;

/**
 * A small seeded fuzzing harness in plain Java: byte mutations and random inputs drawn from a
 * {@link SplittableRandom}, and a tally of what each case ended in. A case that ends in anything but the
 * project's own one-line error, or that loads something that fails its sanity check, is kept with the seed
 * and index that reproduce it.
 */
public final class Fuzz {
    private Fuzz() {}

    /** How one case ended. */
    public enum Outcome {
        /** The project's own error with a one-line message. */
        CLEAR_ERROR,
        /** Any other exception, or a message over several lines. */
        INTERNAL_ERROR,
        /** Loaded, and the result passed its sanity check. */
        SENSIBLE_SUCCESS,
        /** Loaded, but the result is not sensible: a silently wrong result. */
        SILENT_WRONG
    }

    /** The outcomes of a run of cases, and the failing ones. */
    public static final class Tally {
        private final String name;
        private final int[] counts = new int[Outcome.values().length];
        private final List<String> failures = new ArrayList<>();

        /** @param name what is fuzzed, for the report */
        public Tally(String name) {
            this.name = name;
        }

        /**
         * Runs one case.
         *
         * @param caseId how to reproduce it
         * @param load loads the input
         * @param sensible the sanity check of a successful load
         * @param <T> what a load yields
         */
        public <T> void run(String caseId, java.util.function.Supplier<T> load, Predicate<T> sensible) {
            Outcome o;
            String detail = "";
            try {
                T value = load.get();
                o = sensible.test(value) ? Outcome.SENSIBLE_SUCCESS : Outcome.SILENT_WRONG;
                String shown = String.valueOf(value);
                detail = shown.length() > 300 ? shown.substring(0, 300) + "…" : shown;
            } catch (SaepException e) {
                boolean oneLine = e.getMessage() != null
                        && !e.getMessage().isBlank()
                        && !e.getMessage().contains("\n");
                o = oneLine ? Outcome.CLEAR_ERROR : Outcome.INTERNAL_ERROR;
                detail = String.valueOf(e.getMessage());
            } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
                o = Outcome.INTERNAL_ERROR;
                detail = e.toString();
            }
            counts[o.ordinal()]++;
            if ((o == Outcome.INTERNAL_ERROR || o == Outcome.SILENT_WRONG) && failures.size() < 10) {
                failures.add(caseId + ": " + o + " " + detail);
            }
        }

        /** @return how many cases ended so */
        public int count(Outcome o) {
            return counts[o.ordinal()];
        }

        /** @return the kept failing cases */
        public List<String> failures() {
            return failures;
        }

        @Override
        public String toString() {
            return name + ": " + count(Outcome.CLEAR_ERROR) + " clear errors, " + count(Outcome.INTERNAL_ERROR)
                    + " internal errors, " + count(Outcome.SENSIBLE_SUCCESS) + " sensible loads, "
                    + count(Outcome.SILENT_WRONG) + " silently wrong loads";
        }
    }

    /**
     * Runs {@code cases} cases, each with its own generator split off a seeded root, and prints the tally.
     *
     * @param name what is fuzzed
     * @param seed the root seed
     * @param cases how many
     * @param body one case, given its generator and its id
     * @return the tally
     */
    public static Tally cases(String name, long seed, int cases, CaseBody body) {
        Tally tally = new Tally(name);
        SplittableRandom root = new SplittableRandom(seed);
        for (int i = 0; i < cases; i++) {
            body.run(root.split(), name + " seed " + seed + " case " + i, tally);
        }
        System.out.println("fuzz " + tally);
        return tally;
    }

    /** One fuzz case. */
    @FunctionalInterface
    public interface CaseBody {
        /**
         * @param rng this case's generator
         * @param id reproduces the case
         * @param tally where its outcome goes
         */
        void run(SplittableRandom rng, String id, Tally tally);
    }

    /**
     * Applies 1–4 random mutations: overwrite, insert, delete, flip a bit, or truncate.
     *
     * @param valid the valid bytes
     * @param rng the generator
     * @return mutated bytes
     */
    public static byte[] mutate(byte[] valid, SplittableRandom rng) {
        byte[] b = valid;
        int n = 1 + rng.nextInt(4);
        for (int m = 0; m < n; m++) {
            b = mutateOnce(b, rng);
        }
        return b;
    }

    private static byte[] mutateOnce(byte[] in, SplittableRandom rng) {
        int pos = in.length == 0 ? 0 : rng.nextInt(in.length);
        int count = 1 + rng.nextInt(12);
        byte value = (byte) rng.nextInt(256);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (rng.nextInt(5)) {
            case 0 -> {
                byte[] b = in.clone();
                for (int i = 0; i < count && pos + i < b.length; i++) {
                    b[pos + i] = (byte) (value + i * 31);
                }
                return b;
            }
            case 1 -> {
                out.write(in, 0, pos);
                for (int i = 0; i < count; i++) {
                    out.write(value + i);
                }
                out.write(in, pos, in.length - pos);
                return out.toByteArray();
            }
            case 2 -> {
                out.write(in, 0, pos);
                int from = Math.min(in.length, pos + count);
                out.write(in, from, in.length - from);
                return out.toByteArray();
            }
            case 3 -> {
                byte[] b = in.clone();
                if (b.length > 0) {
                    b[pos] ^= (byte) (1 << rng.nextInt(8));
                }
                return b;
            }
            default -> {
                return Arrays.copyOf(in, pos);
            }
        }
    }

    /**
     * @param rng the generator
     * @param maxLength the longest
     * @return random bytes
     */
    public static byte[] noise(SplittableRandom rng, int maxLength) {
        byte[] b = new byte[rng.nextInt(maxLength + 1)];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) rng.nextInt(256);
        }
        return b;
    }

    /**
     * @param rng the generator
     * @param alphabet the characters to draw from
     * @param maxLength the longest
     * @return a random string
     */
    public static String text(SplittableRandom rng, String alphabet, int maxLength) {
        int n = rng.nextInt(maxLength + 1);
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(rng.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
