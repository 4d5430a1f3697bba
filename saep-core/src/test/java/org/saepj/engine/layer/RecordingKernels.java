package org.saepj.engine.layer;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.saepj.engine.kernel.Kernels;

/** Kernels behind a proxy that counts each method's calls, for tests that check which forms a layer takes. */
final class RecordingKernels {
    private RecordingKernels() {}

    /**
     * @param inner the kernels every call goes to, default methods included
     * @param calls each method's name and how many times it was called, added to
     * @return the counting kernels
     */
    static Kernels of(Kernels inner, Map<String, Integer> calls) {
        return (Kernels) Proxy.newProxyInstance(
                Kernels.class.getClassLoader(), new Class<?>[] {Kernels.class}, (proxy, method, args) -> {
                    calls.merge(method.getName(), 1, Integer::sum);
                    try {
                        return method.invoke(inner, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
