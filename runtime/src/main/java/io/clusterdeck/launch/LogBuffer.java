package io.clusterdeck.launch;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A process's output: the last lines in memory, every line in a file, and listeners for live views. Each line is
 * stamped with the time it arrived ({@code HH:mm:ss.SSS}), as a container runtime stamps the logs it collects, so
 * that the processes need not format times themselves.
 */
public final class LogBuffer implements AutoCloseable {
    private static final java.time.format.DateTimeFormatter TIME =
            java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(java.time.ZoneId.systemDefault());

    private final int capacity;
    private final ArrayDeque<String> lines = new ArrayDeque<>();
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private final BufferedWriter file;

    LogBuffer(Path file, int capacity) throws IOException {
        this.capacity = capacity;
        Files.createDirectories(file.getParent());
        this.file = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    void append(String text) {
        var line = TIME.format(java.time.Instant.now()) + " " + text;
        synchronized (lines) {
            if (lines.size() == capacity) {
                lines.removeFirst();
            }
            lines.addLast(line);
            try {
                file.write(line);
                file.newLine();
                file.flush();
            } catch (IOException e) {
                // The file is a convenience; the ring buffer still has the line.
            }
        }
        listeners.forEach(l -> l.accept(line));
    }

    /** The last {@code n} lines, oldest first. */
    public List<String> tail(int n) {
        synchronized (lines) {
            var all = List.copyOf(lines);
            return all.subList(Math.max(0, all.size() - n), all.size());
        }
    }

    /** Streams every new line to a listener until the returned action is run. */
    public Runnable follow(Consumer<String> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void close() {
        synchronized (lines) {
            try {
                file.close();
            } catch (IOException e) {
                // Nothing left to save.
            }
        }
    }
}
