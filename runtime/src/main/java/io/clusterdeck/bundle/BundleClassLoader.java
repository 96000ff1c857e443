package io.clusterdeck.bundle;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

/**
 * A bundle's own class loader. It sees the Java platform, the function API and Jackson's annotations from the
 * runtime (so annotations and {@code FunctionContext} are the runtime's own types), and everything else only
 * from the bundle jar: a bundle cannot see or clash with the runtime's libraries.
 */
final class BundleClassLoader extends URLClassLoader {
    private static final String[] SHARED = {"io.clusterdeck.function.", "com.fasterxml.jackson.annotation."};

    static {
        registerAsParallelCapable();
    }

    private BundleClassLoader(String bundle, URL jar) {
        super("bundle-" + bundle, new URL[] {jar}, ClassLoader.getPlatformClassLoader());
    }

    static BundleClassLoader of(String bundle, Path jar) {
        try {
            return new BundleClassLoader(bundle, jar.toUri().toURL());
        } catch (MalformedURLException e) {
            throw new BundleException("bundle '" + bundle + "': cannot use " + jar + ": " + e.getMessage(), e);
        }
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        for (String prefix : SHARED) {
            if (name.startsWith(prefix)) {
                return BundleClassLoader.class.getClassLoader().loadClass(name);
            }
        }
        return super.loadClass(name, resolve);
    }
}
