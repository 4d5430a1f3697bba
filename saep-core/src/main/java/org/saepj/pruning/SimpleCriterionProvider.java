package org.saepj.pruning;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A {@link CriterionProvider} given by its parts, so that a criterion's provider is one constructor call:
 * {@code public static final class Provider extends SimpleCriterionProvider { public Provider() { super(ID, "…",
 * List.of(), values -> new MyCriterion()); } }} (ServiceLoader needs a class with a public no-argument constructor).
 */
public abstract class SimpleCriterionProvider implements CriterionProvider {
    private final String id;
    private final String summary;
    private final List<CriterionParameter> parameters;
    private final Function<Map<String, Double>, PruningCriterion> factory;

    /**
     * @param id the criterion's id
     * @param summary one line for help
     * @param parameters the parameters it takes
     * @param factory creates the criterion from checked, completed parameter values
     */
    protected SimpleCriterionProvider(
            String id,
            String summary,
            List<CriterionParameter> parameters,
            Function<Map<String, Double>, PruningCriterion> factory) {
        this.id = id;
        this.summary = summary;
        this.parameters = List.copyOf(parameters);
        this.factory = factory;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String summary() {
        return summary;
    }

    @Override
    public List<CriterionParameter> parameters() {
        return parameters;
    }

    @Override
    public PruningCriterion create(Map<String, Double> values) {
        return factory.apply(values);
    }
}
