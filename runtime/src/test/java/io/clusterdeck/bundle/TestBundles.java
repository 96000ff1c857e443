package io.clusterdeck.bundle;

import io.clusterdeck.function.ClusterFunction;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/** Compiles Java sources with the real compiler and packs the classes into a bundle jar (also for the services). */
public final class TestBundles {
    private TestBundles() {
    }

    /** A jar compiled with {@code -parameters}, as a bundle should be. */
    public static Path jar(Path folder, String jarName, Map<String, String> sources) throws IOException {
        return jar(folder, jarName, true, sources);
    }

    static Path jar(Path folder, String jarName, boolean parameterNames, Map<String, String> sources)
            throws IOException {
        return jar(folder, jarName, parameterNames, sources, ClusterFunction.class);
    }

    /**
     * @param sources      source text by fully qualified class name
     * @param compileAgainst a class of each library the sources compile against
     */
    static Path jar(Path folder, String jarName, boolean parameterNames, Map<String, String> sources,
                    Class<?>... compileAgainst) throws IOException {
        Path classes = Files.createTempDirectory(folder, "classes");
        var units = new ArrayList<JavaFileObject>();
        sources.forEach((className, text) -> units.add(new Source(className, text)));
        var options = new ArrayList<>(List.of("-d", classes.toString(), "--release", "17",
                "-classpath", classPath(compileAgainst)));
        if (parameterNames) {
            options.add("-parameters");
        }
        var messages = new StringWriter();
        var compiler = ToolProvider.getSystemJavaCompiler();
        if (!compiler.getTask(messages, null, null, options, null, units).call()) {
            throw new IllegalStateException("test bundle does not compile:\n" + messages);
        }
        Path jar = folder.resolve(jarName);
        try (var out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        }
        return jar;
    }

    private static String classPath(Class<?>... classes) {
        var entries = new ArrayList<String>();
        for (var type : classes) {
            try {
                entries.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String text;

        Source(String className, String text) {
            super(URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}
