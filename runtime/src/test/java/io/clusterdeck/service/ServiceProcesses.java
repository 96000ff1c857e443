package io.clusterdeck.service;

import io.clusterdeck.plan.ServiceConfig;
import io.clusterdeck.plan.ServiceConfigs;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Starts services as real processes ({@code java -jar clusterdeck.jar run ...}) and always kills them: every one
 * it started dies in {@link #close()}, which tests call from {@code @AfterEach}, so a failed test leaves nothing
 * running.
 */
public final class ServiceProcesses implements AutoCloseable {
    private static final Pattern READY = Pattern.compile("clusterdeck ready: name=(\\S+) url=(\\S+) pid=(\\d+)");

    private final Path folder;
    private final Path keyFile;
    private final List<Running> started = new CopyOnWriteArrayList<>();

    public ServiceProcesses() {
        try {
            folder = Files.createTempDirectory("clusterdeck-it");
            keyFile = folder.resolve("cluster.key");
            Files.writeString(keyFile, TestConfigs.KEY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file that holds the test cluster key, for configs' {@code clusterKeyFile}. */
    public String keyFile() {
        return keyFile.toString();
    }

    public static String jar() {
        var jar = System.getProperty("clusterdeck.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("system property clusterdeck.jar must name the built jar, was " + jar);
        }
        return jar;
    }

    /** Starts a service and waits for its ready line. */
    public Running start(ServiceConfig config, String... extraArguments) {
        var running = launch(config, extraArguments);
        running.awaitReady(Duration.ofSeconds(30));
        return running;
    }

    /** Starts a service without waiting for it to be ready. */
    public Running launch(ServiceConfig config, String... extraArguments) {
        var file = folder.resolve(config.name() + ".json");
        try {
            Files.writeString(file, ServiceConfigs.toJson(config));
            var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k", "-Xmx128m",
                    "-jar", jar(), "run", config.role().json(), "--config", file.toString()));
            command.addAll(List.of(extraArguments));
            var builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().remove(ServiceConfig.CLUSTER_KEY_ENV);
            var running = new Running(config.name(), builder.start());
            started.add(running);
            return running;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs a command line as written for people, such as an export's README gives it: {@code java} is this JVM and
     * {@code clusterdeck.jar} the built jar. Waits for the ready line.
     */
    public Running run(String name, Path workingDir, List<String> commandLine, Duration bound) {
        var command = new ArrayList<String>();
        for (var word : commandLine) {
            command.add(word.equals("java") ? Path.of(System.getProperty("java.home"), "bin", "java").toString()
                    : word.equals("clusterdeck.jar") ? jar() : word);
        }
        try {
            var builder = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true);
            builder.environment().remove(ServiceConfig.CLUSTER_KEY_ENV);
            var running = new Running(name, builder.start());
            started.add(running);
            running.awaitReady(bound);
            return running;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        for (var running : started) {
            running.kill();
        }
        started.clear();
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // only config files are left behind
        }
    }

    /** One started service process and what it printed. */
    public static final class Running {
        private final String name;
        private final Process process;
        private final List<String> output = new CopyOnWriteArrayList<>();
        private volatile String url;

        Running(String name, Process process) {
            this.name = name;
            this.process = process;
            var reader = new Thread(() -> {
                try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        output.add(line);
                        var ready = READY.matcher(line);
                        if (ready.find()) {
                            url = ready.group(2);
                        }
                    }
                } catch (IOException ignored) {
                    // the process is gone
                }
            }, "output-" + name);
            reader.setDaemon(true);
            reader.start();
        }

        void awaitReady(Duration bound) {
            try {
                Await.until(name + " is ready", bound, () -> {
                    if (!process.isAlive() && url == null) {
                        throw new AssertionError(name + " exited with " + process.exitValue() + ": " + String.join("\n", output));
                    }
                    return url != null;
                });
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\n" + name + " printed:\n" + String.join("\n", output), e);
            }
        }

        public String name() {
            return name;
        }

        public String url() {
            return url;
        }

        public int port() {
            return Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
        }

        public long pid() {
            return process.pid();
        }

        public List<String> output() {
            return List.copyOf(output);
        }

        public boolean printed(String part) {
            return output.stream().anyMatch(line -> line.contains(part));
        }

        public boolean alive() {
            return process.isAlive();
        }

        public void signal(String signal) {
            try {
                var kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
                if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                    throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** Waits for the process to end by itself; its exit code. */
        public int awaitExit(Duration bound) {
            try {
                if (!process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new AssertionError(name + " did not exit within " + bound.toMillis() + " ms");
                }
                return process.exitValue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        /** kill -9, and wait until it is gone. */
        public void kill() {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
