package org.saepj.pruning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The pruning criteria known to a search: the built-ins (adanet, prs, pap, pie) and every
 * {@link CriterionProvider} found with {@link ServiceLoader}, plus any registered with {@link #with}. The
 * command line takes its {@code --method} choices and help from here, the search creates its criterion here,
 * and a configuration's {@link CriterionSpec} is checked and completed here.
 */
public final class Criteria {
    /** The paper's methods, listed first and in this order. */
    private static final List<String> PAPER_ORDER =
            List.of(KeepAll.ID, RandomSelection.ID, AccuracyPerformance.ID, InformationEntropy.ID);

    private final Map<String, CriterionProvider> byId;

    private Criteria(Map<String, CriterionProvider> byId) {
        this.byId = byId;
    }

    /**
     * @return the criteria on the class path (the built-ins are found the same way, from saep-core's own services file)
     */
    public static Criteria discover() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        List<CriterionProvider> found = new ArrayList<>();
        ServiceLoader.load(CriterionProvider.class, loader != null ? loader : Criteria.class.getClassLoader())
                .forEach(found::add);
        if (found.stream().noneMatch(p -> p.id().equals(KeepAll.ID))) {
            // A class loader that hides saep-core's services file (some containers): the built-ins still exist.
            found.addAll(List.of(
                    new KeepAll.Provider(),
                    new RandomSelection.Provider(),
                    new AccuracyPerformance.Provider(),
                    new InformationEntropy.Provider()));
        }
        Criteria c = new Criteria(new LinkedHashMap<>());
        found.sort(Comparator.comparingInt((CriterionProvider p) ->
                        PAPER_ORDER.contains(p.id()) ? PAPER_ORDER.indexOf(p.id()) : PAPER_ORDER.size())
                .thenComparing(CriterionProvider::id));
        for (CriterionProvider p : found) {
            c = c.with(p);
        }
        return c;
    }

    /**
     * @param provider one more criterion
     * @return these criteria and the given one
     * @throws IllegalArgumentException when its id is taken or not a plain lower-case name
     */
    public Criteria with(CriterionProvider provider) {
        String id = provider.id();
        if (id == null || !id.matches("[a-z][a-z0-9-]{0,31}")) {
            throw new IllegalArgumentException(
                    "criterion id '" + id + "' must be lower-case letters, digits and '-', starting with a letter");
        }
        if (byId.containsKey(id)) {
            if (byId.get(id).getClass().equals(provider.getClass())) {
                return this; // the same provider found twice on the class path
            }
            throw new IllegalArgumentException("two criteria are named '" + id + "': "
                    + byId.get(id).getClass().getName() + " and "
                    + provider.getClass().getName());
        }
        Map<String, CriterionProvider> next = new LinkedHashMap<>(byId);
        next.put(id, provider);
        return new Criteria(next);
    }

    /** @return every known criterion, the paper's first */
    public List<CriterionProvider> providers() {
        return List.copyOf(byId.values());
    }

    /** @return the ids, comma-separated ("adanet, prs, pap, pie") */
    public String ids() {
        return String.join(", ", byId.keySet());
    }

    /**
     * The criteria a search whose members predict values (regression) can use: those whose criterion, created with its
     * default parameters, {@linkplain PruningCriterion#appliesToValues() decides on values} or
     * {@linkplain PruningCriterion#prunes() never prunes}; the one property each criterion declares, so a plug-in
     * joins the list by declaring it too.
     *
     * @return their ids, in {@link #providers()} order
     */
    public List<String> forValues() {
        List<String> ids = new ArrayList<>();
        for (CriterionProvider p : byId.values()) {
            PruningCriterion c = create(CriterionSpec.of(p.id()));
            if (c.appliesToValues() || !c.prunes()) {
                ids.add(p.id());
            }
        }
        return List.copyOf(ids);
    }

    /**
     * @param id an id as typed
     * @return its provider, if known
     */
    public Optional<CriterionProvider> find(String id) {
        return Optional.ofNullable(byId.get(id.strip().toLowerCase(java.util.Locale.ROOT)));
    }

    /**
     * @param id an id as typed
     * @return its provider
     * @throws IllegalArgumentException naming the known ids
     */
    public CriterionProvider provider(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("unknown method '" + id.strip() + "': expected "
                + ids() + org.saepj.Suggestion.hint(id.strip(), byId.keySet())));
    }

    /**
     * Checks a spec and fills in the defaults.
     *
     * @param spec an id and some parameters
     * @return the spec with every declared parameter's value
     * @throws IllegalArgumentException naming an unknown criterion or parameter, or a value out of range
     */
    public CriterionSpec resolve(CriterionSpec spec) {
        CriterionProvider p = provider(spec.id());
        Map<String, Double> values = new TreeMap<>();
        for (CriterionParameter param : p.parameters()) {
            Double v = spec.parameters().get(param.name());
            values.put(param.name(), param.check(v == null ? param.defaultValue() : v));
        }
        for (String name : spec.parameters().keySet()) {
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("criterion " + p.id() + " has no parameter '" + name + "'"
                        + (p.parameters().isEmpty()
                                ? " (it takes none)"
                                : ": it takes "
                                        + String.join(
                                                ", ",
                                                p.parameters().stream()
                                                        .map(CriterionParameter::name)
                                                        .toList())));
            }
        }
        return new CriterionSpec(p.id(), values);
    }

    /**
     * Resolves a criterion given parameters meant for several (a comparison's): it takes those it declares.
     *
     * @param id a criterion id
     * @param parameters parameter values by name, some perhaps of other criteria
     * @return the criterion's spec with its own parameters, checked and completed
     */
    public CriterionSpec resolveOwn(String id, Map<String, Double> parameters) {
        Map<String, Double> own = new TreeMap<>(parameters);
        own.keySet()
                .retainAll(provider(id).parameters().stream()
                        .map(CriterionParameter::name)
                        .toList());
        return resolve(new CriterionSpec(id, own));
    }

    /**
     * @param spec an id and some parameters
     * @return the criterion, its parameters checked and completed
     */
    public PruningCriterion create(CriterionSpec spec) {
        CriterionSpec resolved = resolve(spec);
        return provider(resolved.id()).create(resolved.parameters());
    }
}
