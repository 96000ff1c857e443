package io.clusterdeck.launch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clusterdeck.protocol.ClusterHeaders;
import io.clusterdeck.protocol.ControlAnswer;
import io.clusterdeck.protocol.Paths;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Talks to the launcher that is running on this machine, found through {@code <home>/runs/current}. */
public final class ControlClient {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String url;
    private final String token;
    private final Path runFolder;

    private ControlClient(String url, String token, Path runFolder) {
        this.url = url;
        this.token = token;
        this.runFolder = runFolder;
    }

    /** The running launch, if there is one (a launcher that died leaves a pointer whose pid is gone). */
    public static Optional<ControlClient> find(Path home) {
        return RunFolder.current(home).flatMap(folder -> {
            try {
                JsonNode launcher = MAPPER.readTree(Files.readString(folder.resolve("launcher.json")));
                boolean alive = ProcessHandle.of(launcher.get("pid").asLong()).map(ProcessHandle::isAlive).orElse(false);
                return alive ? Optional.of(new ControlClient(launcher.get("control").asText(),
                        launcher.get("token").asText(), folder)) : Optional.empty();
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        });
    }

    public Path runFolder() {
        return runFolder;
    }

    /** The cluster key of the running launch, for tools that call its members directly. */
    public io.clusterdeck.security.ClusterKey clusterKey() {
        return ClusterAuth.key(RunFolder.clusterKeyIn(runFolder));
    }

    public String processes() {
        return send("GET", Paths.CONTROL_PROCESSES);
    }

    /** The design running now, as JSON. */
    public String design() {
        return send("GET", Paths.CONTROL_DESIGN);
    }

    /** The running totals of every worker, as a JSON array of {@link io.clusterdeck.lab.WorkerSample}. */
    public String profileSamples() {
        return send("GET", Paths.PROFILE);
    }

    public String fault(Fault fault, String process, int ms) {
        return send("POST", Paths.CONTROL_FAULTS + fault.word() + "/" + encode(process) + "?ms=" + ms);
    }

    public String scale(String segment, int workers) {
        return send("POST", Paths.CONTROL_SCALE + encode(segment) + "/" + workers);
    }

    public String logs(String process, int lines) {
        return send("GET", Paths.CONTROL_LOGS + encode(process) + "?lines=" + lines);
    }

    private String send(String method, String path) {
        var request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(60))
                .header(ClusterHeaders.CONTROL_TOKEN, token)
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        try {
            var response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                var body = response.body().isBlank() ? "the launcher answered " + response.statusCode() : response.body();
                try {
                    var failed = MAPPER.readValue(body, ControlAnswer.Failed.class);
                    body = failed.error() != null ? failed.error() : body;
                } catch (IOException e) {
                    // Not JSON: show it as it is.
                }
                throw new LaunchException(body);
            }
            return response.body();
        } catch (IOException e) {
            throw new LaunchException("the launcher did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted", e);
        }
    }

    private static String encode(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8);
    }
}
