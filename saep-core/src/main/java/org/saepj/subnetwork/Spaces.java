package org.saepj.subnetwork;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The search-space plug-ins on the class path ({@link ServiceLoader}), plus any registered with {@link #with}.
 */
public final class Spaces {
    private final List<SpaceProvider> providers;

    private Spaces(List<SpaceProvider> providers) {
        this.providers = List.copyOf(providers);
    }

    /** @return the plug-ins found on the class path (the thread's context class loader, else this library's) */
    public static Spaces discover() {
        List<SpaceProvider> found = new ArrayList<>();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        ServiceLoader.load(SpaceProvider.class, loader != null ? loader : Spaces.class.getClassLoader())
                .forEach(found::add);
        return new Spaces(found);
    }

    /**
     * @param provider a plug-in to add
     * @return these plug-ins and that one
     * @throws IllegalArgumentException when its id is taken
     */
    public Spaces with(SpaceProvider provider) {
        if (find(provider.id()).isPresent()) {
            throw new IllegalArgumentException("a search space with id '" + provider.id() + "' is already registered");
        }
        List<SpaceProvider> all = new ArrayList<>(providers);
        all.add(provider);
        return new Spaces(all);
    }

    /** @return the plug-ins, in discovery order */
    public List<SpaceProvider> providers() {
        return providers;
    }

    /**
     * @param id a plug-in's id
     * @return the plug-in, if present
     */
    public Optional<SpaceProvider> find(String id) {
        return providers.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /**
     * @param plugin the configured plug-in
     * @param request what the space is made for
     * @return the space
     * @throws IllegalArgumentException when no plug-in has that id, naming the ids there are
     */
    public SearchSpace create(SpacePlugin plugin, SpaceRequest request) {
        SpaceProvider p = find(plugin.id())
                .orElseThrow(() -> new IllegalArgumentException("unknown search space '" + plugin.id()
                        + "': "
                        + (providers.isEmpty()
                                ? "no search-space plug-in is on the class path"
                                : "the plug-ins on the class path are "
                                        + String.join(
                                                ", ",
                                                providers.stream()
                                                        .map(SpaceProvider::id)
                                                        .toList()))));
        return p.create(new SpaceRequest(
                request.input(),
                request.classes(),
                request.learningRate(),
                request.stepsPerIteration(),
                request.seed(),
                plugin.parameters()));
    }
}
