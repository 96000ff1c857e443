package io.clusterdeck.bundle;

import io.clusterdeck.design.Access;
import io.clusterdeck.design.Function;
import io.clusterdeck.design.JavaImplementation;
import io.clusterdeck.design.Names;
import io.clusterdeck.function.ClusterFunction;
import io.clusterdeck.function.FunctionContext;
import io.clusterdeck.function.Param;
import io.clusterdeck.json.Checks;
import io.clusterdeck.json.InvalidValueException;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

/**
 * Reads the functions of a bundle jar: every public method marked with {@link ClusterFunction} becomes a design
 * {@link Function} with a {@code java} implementation. Scanning runs none of the bundle's code: classes are
 * loaded without being initialised, and only those that mention the annotation.
 */
public final class BundleScanner {
    private static final byte[] ANNOTATION =
            ("L" + ClusterFunction.class.getName().replace('.', '/') + ";").getBytes(StandardCharsets.US_ASCII);

    private BundleScanner() {
    }

    /**
     * The functions of a bundle, sorted by name.
     *
     * @param bundle the bundle's name in the design, such as {@code examples}
     * @throws BundleException naming every problem when the jar cannot be read or a marked method cannot be a function
     */
    public static List<Function> scan(String bundle, Path jar) {
        try (var loader = BundleClassLoader.of(checkedName(bundle), jar)) {
            return discover(bundle, jar, loader).stream().map(FunctionMethod::function).toList();
        } catch (IOException e) {
            throw new BundleException(prefix(bundle, jar) + "cannot close the jar: " + e.getMessage(), e);
        }
    }

    static String checkedName(String bundle) {
        if (bundle == null || !Checks.LOWER_NAME.matcher(bundle).matches()) {
            throw new BundleException("'" + bundle + "' is not a valid bundle name: " + Names.LOWER_RULE);
        }
        return bundle;
    }

    static String prefix(String bundle, Path jar) {
        return "bundle '" + bundle + "' (" + jar + "): ";
    }

    static List<FunctionMethod> discover(String bundle, Path jar, ClassLoader loader) {
        var problems = new ArrayList<String>();
        var found = new ArrayList<FunctionMethod>();
        for (String className : classesMentioningTheAnnotation(bundle, jar)) {
            Class<?> type;
            Method[] methods;
            try {
                type = Class.forName(className, false, loader);
                methods = type.getDeclaredMethods();
            } catch (ClassNotFoundException | LinkageError e) {
                problems.add(className + ": cannot load the class (" + e + "); is a library missing from the bundle?");
                continue;
            }
            Arrays.stream(methods).filter(m -> m.isAnnotationPresent(ClusterFunction.class))
                    .sorted(Comparator.comparing(Method::getName))
                    .forEach(m -> read(bundle, m, problems).ifPresent(found::add));
        }
        checkUnique(found, problems);
        if (!problems.isEmpty()) {
            throw new BundleException(prefix(bundle, jar) + String.join("; ", problems));
        }
        found.sort(Comparator.comparing(f -> f.function().name()));
        return List.copyOf(found);
    }

    private static List<String> classesMentioningTheAnnotation(String bundle, Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new BundleException(prefix(bundle, jar) + "no such file");
        }
        var classes = new ArrayList<String>();
        try (var file = new JarFile(jar.toFile())) {
            for (JarEntry entry : file.stream().toList()) {
                String name = entry.getName();
                if (name.endsWith(".class") && !name.startsWith("META-INF/") && !name.endsWith("module-info.class")) {
                    try (var in = file.getInputStream(entry)) {
                        if (contains(in.readAllBytes(), ANNOTATION)) {
                            classes.add(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new BundleException(prefix(bundle, jar) + "cannot read the jar: " + e.getMessage(), e);
        }
        classes.sort(null);
        return classes;
    }

    private static boolean contains(byte[] bytes, byte[] pattern) {
        outer:
        for (int i = 0; i <= bytes.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (bytes[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static Optional<FunctionMethod> read(String bundle, Method method, List<String> problems) {
        String where = method.getDeclaringClass().getName() + "." + method.getName();
        int before = problems.size();
        checkCallable(method, where, problems);
        var parameters = parameters(method, where, problems);
        var annotation = method.getAnnotation(ClusterFunction.class);
        for (String callee : annotation.calls()) {
            if (!Names.FUNCTION.matcher(callee).matches()) {
                problems.add(where + ": calls '" + callee + "', which is not a valid function name: "
                        + Names.FUNCTION_RULE);
            }
        }
        Function function = null;
        try {
            function = new Function(annotation.name(),
                    annotation.description().isBlank() ? null : annotation.description().strip(),
                    Access.valueOf(annotation.access().name()), annotation.idempotent(), List.of(annotation.calls()),
                    null, new JavaImplementation(bundle, method.getDeclaringClass().getName(), method.getName()),
                    List.of(annotation.roles()));
        } catch (InvalidValueException e) {
            problems.add(where + ": " + e.violations().stream()
                    .map(v -> v.field().isEmpty() ? v.message() : v.field() + " " + v.message())
                    .collect(Collectors.joining("; ")));
        }
        return problems.size() == before ? Optional.of(new FunctionMethod(function, method, parameters))
                : Optional.empty();
    }

    private static void checkCallable(Method method, String where, List<String> problems) {
        Class<?> type = method.getDeclaringClass();
        if (!Modifier.isPublic(method.getModifiers())) {
            problems.add(where + ": a cluster function must be a public method");
        }
        if (!Modifier.isPublic(type.getModifiers())) {
            problems.add(where + ": the class of a cluster function must be public");
        }
        if (Modifier.isStatic(method.getModifiers())) {
            return;
        }
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())
                || (type.isMemberClass() && !Modifier.isStatic(type.getModifiers()))) {
            problems.add(where + ": an instance method needs a concrete top-level or static class; "
                    + "make the class concrete or the method static");
        } else if (Arrays.stream(type.getConstructors()).noneMatch(c -> c.getParameterCount() == 0)) {
            problems.add(where + ": an instance method needs a public no-argument constructor in "
                    + type.getSimpleName() + "; add one or make the method static");
        }
    }

    private static List<BoundParameter> parameters(Method method, String where, List<String> problems) {
        var bound = new ArrayList<BoundParameter>();
        var names = new HashSet<String>();
        Parameter[] parameters = method.getParameters();
        Type[] types = method.getGenericParameterTypes();
        for (int i = 0; i < parameters.length; i++) {
            var parameter = parameters[i];
            if (parameter.getType() == FunctionContext.class) {
                bound.add(BoundParameter.context());
                continue;
            }
            var param = parameter.getAnnotation(Param.class);
            String name = param != null ? param.value().strip() : parameter.isNamePresent() ? parameter.getName() : null;
            if (name == null) {
                problems.add(where + ": parameter " + (i + 1) + " (" + parameter.getType().getSimpleName()
                        + ") has no name; compile the bundle with 'javac -parameters' or annotate it with @Param");
                continue;
            }
            if (name.isEmpty()) {
                problems.add(where + ": parameter " + (i + 1) + " has an empty @Param name");
                continue;
            }
            if (!names.add(name)) {
                problems.add(where + ": two parameters are named '" + name + "'");
            }
            bound.add(parameter.getType() == Optional.class
                    ? new BoundParameter(BoundParameter.Kind.OPTIONAL, name, optionalOf(types[i]))
                    : new BoundParameter(BoundParameter.Kind.REQUIRED, name, types[i]));
        }
        return bound;
    }

    private static Type optionalOf(Type type) {
        return type instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
    }

    private static void checkUnique(List<FunctionMethod> found, List<String> problems) {
        var byName = new HashMap<String, String>();
        var byMethod = new HashMap<String, String>();
        for (var f : found) {
            String other = byName.putIfAbsent(f.function().name(), f.where());
            if (other != null) {
                problems.add(f.where() + ": function '" + f.function().name() + "' is also defined by " + other);
            }
            if (byMethod.putIfAbsent(f.where(), f.function().name()) != null) {
                problems.add(f.where() + ": more than one overload is marked @ClusterFunction; "
                        + "a design names a function by class and method, so give them different method names");
            }
        }
    }
}
