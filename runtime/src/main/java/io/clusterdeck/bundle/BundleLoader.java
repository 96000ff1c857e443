package io.clusterdeck.bundle;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Loads a bundle jar to run its functions: checks its SHA-256, reads its functions as {@link BundleScanner} does,
 * and creates one instance of each class whose instance methods are functions.
 */
public final class BundleLoader {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private BundleLoader() {
    }

    /**
     * @param bundle         the bundle's name in the design
     * @param jar            the jar file; it must not change while it is loaded
     * @param expectedSha256 the SHA-256 the jar must have, as 64 lower-case hex digits; {@code null} to load any
     * @throws BundleException when the jar is missing, is not the expected file, or a function cannot be loaded
     */
    public static LoadedBundle load(String bundle, Path jar, String expectedSha256) {
        BundleScanner.checkedName(bundle);
        String actual = verify(bundle, jar, expectedSha256);
        var loader = BundleClassLoader.of(bundle, jar);
        try {
            List<FunctionMethod> methods = BundleScanner.discover(bundle, jar, loader);
            return new LoadedBundle(bundle, jar, actual, loader, methods, instances(bundle, jar, methods));
        } catch (RuntimeException | LinkageError e) {
            closeQuietly(loader, e);
            throw e;
        }
    }

    private static String verify(String bundle, Path jar, String expected) {
        if (expected != null && !SHA256.matcher(expected).matches()) {
            throw new BundleException(BundleScanner.prefix(bundle, jar) + "the expected SHA-256 '" + expected
                    + "' is not 64 lower-case hex digits");
        }
        if (!Files.isRegularFile(jar)) {
            throw new BundleException(BundleScanner.prefix(bundle, jar) + "no such file");
        }
        String actual;
        try {
            actual = Sha256.of(jar);
        } catch (IOException e) {
            throw new BundleException(BundleScanner.prefix(bundle, jar) + "cannot read the jar: " + e.getMessage(), e);
        }
        if (expected != null && !expected.equals(actual)) {
            throw new BundleException(BundleScanner.prefix(bundle, jar) + "SHA-256 mismatch: expected " + expected
                    + ", actual " + actual + "; the file is not the bundle the design names");
        }
        return actual;
    }

    private static Map<Class<?>, Object> instances(String bundle, Path jar, List<FunctionMethod> methods) {
        var instances = new HashMap<Class<?>, Object>();
        for (var method : methods) {
            Class<?> type = method.method().getDeclaringClass();
            initialize(bundle, jar, type);
            if (!Modifier.isStatic(method.method().getModifiers()) && !instances.containsKey(type)) {
                instances.put(type, instantiate(bundle, jar, type));
            }
        }
        return instances;
    }

    /** Runs static initialisers now, so that their failure is the bundle's, not the first call's. */
    private static void initialize(String bundle, Path jar, Class<?> type) {
        try {
            Class.forName(type.getName(), true, type.getClassLoader());
        } catch (ExceptionInInitializerError e) {
            throw new BundleException(BundleScanner.prefix(bundle, jar) + "cannot initialise " + type.getName()
                    + ": its static initialiser threw " + e.getCause(), e.getCause());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new BundleException(BundleScanner.prefix(bundle, jar) + "cannot initialise " + type.getName()
                    + ": " + e, e);
        }
    }

    private static Object instantiate(String bundle, Path jar, Class<?> type) {
        try {
            return type.getConstructor().newInstance();
        } catch (InvocationTargetException e) {
            throw new BundleException(BundleScanner.prefix(bundle, jar) + "cannot create " + type.getName()
                    + ": its constructor threw " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new BundleException(BundleScanner.prefix(bundle, jar) + "cannot create " + type.getName() + ": " + e, e);
        }
    }

    private static void closeQuietly(BundleClassLoader loader, Throwable failure) {
        try {
            loader.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
