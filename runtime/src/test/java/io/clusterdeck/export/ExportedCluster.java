package io.clusterdeck.export;

import io.clusterdeck.service.ServiceProcesses;
import io.clusterdeck.service.ServiceProcesses.Running;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A runtime export started the way its README tells a person to: every command of its start list, in order, from
 * the export's folder, each awaited by its ready line before the next. The processes belong to the given
 * {@link ServiceProcesses}, which kills them.
 */
public final class ExportedCluster {
    private static final Pattern ENTRY = Pattern.compile("Clients call (\\S+)\\.");

    private final Map<String, Running> services;
    private final String entryUrl;

    private ExportedCluster(Map<String, Running> services, String entryUrl) {
        this.services = services;
        this.entryUrl = entryUrl;
    }

    public static ExportedCluster start(Path folder, ServiceProcesses processes, Duration perService) {
        String readme;
        try {
            readme = Files.readString(folder.resolve(RuntimeExport.README));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var services = new LinkedHashMap<String, Running>();
        for (var command : startCommands(readme)) {
            var name = command.get(command.indexOf("--config") + 1).replace(".json", "");
            services.put(name, processes.run(name, folder, command, perService));
        }
        var entry = ENTRY.matcher(readme);
        if (!entry.find()) {
            throw new AssertionError("the README names no entry URL:\n" + readme);
        }
        return new ExportedCluster(services, entry.group(1));
    }

    /** The start commands of the README's shell block, in order, without their comments. */
    static List<List<String>> startCommands(String readme) {
        var commands = new ArrayList<List<String>>();
        for (var line : readme.lines().toList()) {
            if (line.startsWith("java ")) {
                var command = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
                commands.add(Arrays.asList(command.strip().split("\\s+")));
            }
        }
        if (commands.isEmpty()) {
            throw new AssertionError("the README lists no start command:\n" + readme);
        }
        return commands;
    }

    public String entryUrl() {
        return entryUrl;
    }

    public Running service(String name) {
        var running = services.get(name);
        if (running == null) {
            throw new IllegalArgumentException("no service '" + name + "'; started were " + services.keySet());
        }
        return running;
    }

    /** The services' names, in start order. */
    public List<String> names() {
        return List.copyOf(services.keySet());
    }
}
