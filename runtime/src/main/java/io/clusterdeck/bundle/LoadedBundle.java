package io.clusterdeck.bundle;

import io.clusterdeck.design.Function;
import io.clusterdeck.design.JavaImplementation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A bundle loaded in its own class loader, ready to run its functions. Close it to release the jar once no call
 * runs any more.
 */
public final class LoadedBundle implements AutoCloseable {
    private final String name;
    private final Path jar;
    private final String sha256;
    private final BundleClassLoader loader;
    private final List<FunctionMethod> methods;
    private final Map<Class<?>, Object> instances;

    LoadedBundle(String name, Path jar, String sha256, BundleClassLoader loader, List<FunctionMethod> methods,
                 Map<Class<?>, Object> instances) {
        this.name = name;
        this.jar = jar;
        this.sha256 = sha256;
        this.loader = loader;
        this.methods = List.copyOf(methods);
        this.instances = Map.copyOf(instances);
    }

    public String name() {
        return name;
    }

    public Path jar() {
        return jar;
    }

    /** The SHA-256 of the jar as it was loaded. */
    public String sha256() {
        return sha256;
    }

    /** The bundle's functions as design records, sorted by name; the same as {@link BundleScanner#scan} gives. */
    public List<Function> functions() {
        return methods.stream().map(FunctionMethod::function).toList();
    }

    /** The invoker of a function by the name its annotation gives. */
    public Optional<FunctionInvoker> invoker(String function) {
        return methods.stream().filter(m -> m.function().name().equals(function)).findFirst()
                .map(m -> invoker(function, m));
    }

    /**
     * The invoker of a design's function, found by its {@code java} implementation (class and method), so that a
     * design may call a function by another name than its annotation's.
     *
     * @throws BundleException when the function is not implemented by a cluster function of this bundle
     */
    public FunctionInvoker invoker(Function function) {
        JavaImplementation java = function.java();
        if (java == null || !java.bundle().equals(name)) {
            throw new BundleException("function '" + function.name() + "' is not implemented in bundle '" + name + "'");
        }
        return methods.stream()
                .filter(m -> m.method().getDeclaringClass().getName().equals(java.className())
                        && m.method().getName().equals(java.method()))
                .findFirst().map(m -> invoker(function.name(), m))
                .orElseThrow(() -> new BundleException("function '" + function.name() + "': bundle '" + name
                        + "' has no cluster function " + java.className() + "." + java.method() + "; it has "
                        + methods.stream().map(FunctionMethod::where).collect(Collectors.joining(", "))));
    }

    /** An invoker for every function of the bundle, by the name its annotation gives. */
    public Map<String, FunctionInvoker> invokers() {
        var all = new LinkedHashMap<String, FunctionInvoker>();
        methods.forEach(m -> all.put(m.function().name(), invoker(m.function().name(), m)));
        return all;
    }

    private FunctionInvoker invoker(String function, FunctionMethod method) {
        return new MethodInvoker(function, method, instances.get(method.method().getDeclaringClass()), loader);
    }

    @Override
    public void close() {
        try {
            loader.close();
        } catch (IOException e) {
            throw new BundleException("bundle '" + name + "': cannot close " + jar + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "bundle '" + name + "' (" + jar + ", " + methods.size() + " functions)";
    }
}
