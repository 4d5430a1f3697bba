package org.saepj.subnetwork;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import org.saepj.data.Shape;
import org.saepj.engine.Architecture;
import org.saepj.engine.optim.OptimizerSpec;

/**
 * A search space from a {@link SpaceDefinition}: every iteration proposes each family's candidates, families
 * in file order; a dense family one candidate per depth (ascending) and width (as listed), a conv family one, a
 * graph family one per combination of its parameters' values ({@link GraphFamily}).
 *
 * @param definition the checked definition
 * @param input the input shape
 * @param classes the outputs: one per class, or a regression's one value
 * @param learningRate the search's learning rate, for families that give none
 * @param stepsPerIteration S, for cosine schedules
 * @param seed the run seed
 */
public record DefinedSpace(
        SpaceDefinition definition, Shape input, int classes, float learningRate, int stepsPerIteration, long seed)
        implements SearchSpace {
    /**
     * Checks, before any training, that every graph family's candidates fit the data.
     *
     * @param definition the checked definition
     * @param input the input shape
     * @param classes the outputs: one per class, or a regression's one value
     * @param learningRate the search's learning rate, for families that give none
     * @param stepsPerIteration S, for cosine schedules
     * @param seed the run seed
     * @throws IllegalArgumentException "search space 'NAME': families[0]: candidate '…': node '…': …"
     */
    public DefinedSpace {
        List<SpaceDefinition.Family> families = definition.families();
        for (int f = 0; f < families.size(); f++) {
            if (families.get(f).type().equals("graph")) {
                try {
                    GraphFamily.candidates(families.get(f), input, classes, "families[" + f + "]");
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(
                            "search space '" + definition.name() + "': " + e.getMessage(), e);
                }
            }
        }
    }

    @Override
    public List<CandidateSpec> candidates(int iteration, OptionalInt lastDepth) {
        List<CandidateSpec> out = new ArrayList<>();
        for (int i = 0; i < definition.families().size(); i++) {
            SpaceDefinition.Family f = definition.families().get(i);
            Complexity complexity = f.complexity() == null ? Complexity.ARCHITECTURE : f.complexity();
            if (f.type().equals("graph")) {
                for (GraphFamily.Candidate c : GraphFamily.candidates(f, input, classes, "families[" + i + "]")) {
                    out.add(new CandidateSpec(
                            c.name(),
                            c.architecture(),
                            optimizer(f),
                            Seeds.derive(seed, Seeds.CANDIDATE, iteration, out.size()),
                            complexity));
                }
                continue;
            }
            for (Architecture a : architectures(f, lastDepth.orElse(0))) {
                String name = f.type().equals("conv")
                        ? f.name()
                        : a.depth() == 0 ? f.name() + "-linear" : f.name() + "-d" + a.depth() + "-w" + width(a);
                out.add(new CandidateSpec(
                        name, a, optimizer(f), Seeds.derive(seed, Seeds.CANDIDATE, iteration, out.size()), complexity));
            }
        }
        return out;
    }

    private static int width(Architecture a) {
        int[] hidden = ((Architecture.DenseStack) a).hidden();
        return hidden.length == 0 ? 0 : hidden[0];
    }

    private List<Architecture> architectures(SpaceDefinition.Family f, int lastDepth) {
        if (f.type().equals("graph")) {
            List<Architecture> out = new ArrayList<>();
            GraphFamily.candidates(f, input, classes, f.name()).forEach(c -> out.add(c.architecture()));
            return out;
        }
        if (f.type().equals("conv")) {
            return List.of(new Architecture.ConvNet(input, SpaceDefinition.convBlocks(f), f.dense(), classes));
        }
        List<Integer> depths = f.depths().rule().equals("adanet")
                ? List.of(lastDepth, lastDepth + 1)
                : f.depths().values().stream().distinct().sorted().toList();
        List<Architecture> out = new ArrayList<>();
        for (int depth : depths) {
            for (int width : depth == 0 ? List.of(f.widths().get(0)) : f.widths()) {
                out.add(Architecture.DenseStack.dnn(input, depth, width, classes));
            }
        }
        return out;
    }

    private OptimizerSpec optimizer(SpaceDefinition.Family f) {
        SpaceDefinition.OptimizerDefinition o = f.optimizer();
        float rate = o == null || o.learningRate() == null ? learningRate : (float) (double) o.learningRate();
        if (o == null || o.type().equals("rmsprop")) {
            return new OptimizerSpec.RmsProp(rate);
        }
        if (o.type().equals("adam")) {
            return new OptimizerSpec.Adam(rate);
        }
        if (o.type().equals(SpaceDefinition.OptimizerDefinition.ADAMW)) {
            float decay = o.weightDecay() == null
                    ? OptimizerSpec.AdamW.DEFAULT_WEIGHT_DECAY
                    : (float) (double) o.weightDecay();
            return new OptimizerSpec.AdamW(rate, decay);
        }
        float momentum = o.momentum() == null ? 0.9f : (float) (double) o.momentum();
        float decay = o.weightDecay() == null ? 0f : (float) (double) o.weightDecay();
        return new OptimizerSpec.SgdMomentum(
                rate, momentum, "cosine".equals(o.schedule()) ? stepsPerIteration : 0, decay);
    }

    @Override
    public boolean independentOfEnsemble() {
        return definition.families().stream()
                .noneMatch(f -> f.depths() != null && f.depths().rule().equals("adanet"));
    }

    /** @return the first family's optimizer: learned mixture weights train like the first family's candidates */
    @Override
    public OptimizerSpec mixtureOptimizer() {
        return optimizer(definition.families().get(0));
    }

    @Override
    public Architecture largest(int iterations) {
        List<Architecture> all = new ArrayList<>();
        for (SpaceDefinition.Family f : definition.families()) {
            all.addAll(architectures(f, f.depths() != null && f.depths().rule().equals("adanet") ? iterations : 0));
        }
        return all.stream()
                .max(Comparator.comparingLong(Architecture::parameterCount))
                .orElseThrow();
    }

    @Override
    public int maxCandidates() {
        return candidates(0, OptionalInt.of(1)).size();
    }
}
