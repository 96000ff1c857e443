package io.clusterdeck.service.worker;

import io.clusterdeck.bundle.BundleException;
import io.clusterdeck.bundle.BundleLoader;
import io.clusterdeck.bundle.LoadedBundle;
import io.clusterdeck.bundle.Sha256;
import io.clusterdeck.http.CallException;
import io.clusterdeck.http.UpstreamClient;
import io.clusterdeck.protocol.ClusterHeaders;
import io.clusterdeck.security.ClusterTokens;
import io.clusterdeck.service.repository.RepositoryRoutes;
import io.clusterdeck.time.Clock;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker's bundles, fetched from the repository at start: {@code GET {repositoryUrl}/bundles/{name}.jar}, retried
 * with backoff while the repository cannot be reached or answers 5xx (it may still be starting), saved to a
 * temporary file, checked against the SHA-256 the repository announces in {@code X-Clusterdeck-Sha256}, and
 * loaded. The repository itself refuses to serve a bundle that is not the one the design names.
 */
final class BundleFetch {
    /** How long a worker waits for an unreachable repository before it gives up. */
    static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final Logger LOG = LoggerFactory.getLogger(BundleFetch.class);

    /** Waits between attempts; tests pass one that moves a fake clock. */
    interface Pause {
        void pause(long millis) throws InterruptedException;
    }

    private final String repositoryUrl;
    private static final int MAX_BUNDLE_BYTES = 256 * 1024 * 1024;

    private final UpstreamClient client;
    private final ClusterTokens tokens;
    private final Clock clock;
    private final Pause pause;
    private final Duration patience;

    BundleFetch(String repositoryUrl, UpstreamClient client, ClusterTokens tokens, Clock clock, Pause pause, Duration patience) {
        this.repositoryUrl = repositoryUrl;
        this.client = client;
        this.tokens = tokens;
        this.clock = clock;
        this.pause = pause;
        this.patience = patience;
    }

    /**
     * Fetches and loads every named bundle.
     *
     * @throws BundleException when a bundle is missing, altered on the way or broken, or the repository stayed
     *                         unreachable for longer than the patience; nothing stays loaded then
     */
    HostedBundles fetch(List<String> names) throws InterruptedException {
        var loaded = new LinkedHashMap<String, LoadedBundle>();
        var files = new ArrayList<Path>();
        try {
            for (var name : names) {
                var file = Files.createTempFile("clusterdeck-" + name + "-", ".jar");
                files.add(file);
                var sha256 = download(name, file);
                loaded.put(name, BundleLoader.load(name, file, sha256));
                LOG.info("loaded bundle '{}' from {} (SHA-256 {})", name, repositoryUrl, sha256);
            }
        } catch (IOException e) {
            new HostedBundles(loaded, files).close();
            throw new BundleException("cannot save a fetched bundle: " + e.getMessage(), e);
        } catch (RuntimeException | InterruptedException e) {
            new HostedBundles(loaded, files).close();
            throw e;
        }
        return new HostedBundles(loaded, files);
    }

    /** Saves the bundle to the file; the SHA-256 the repository announced, which the bytes have. */
    private String download(String name, Path file) throws IOException, InterruptedException {
        var path = "/bundles/" + URLEncoder.encode(name, StandardCharsets.UTF_8) + ".jar";
        var url = repositoryUrl + path;
        long giveUp = clock.millis() + patience.toMillis();
        for (int attempt = 1; ; attempt++) {
            String problem;
            try {
                var member = io.clusterdeck.http.OutboundRequest.headers("Authorization", tokens.authorization(null));
                var response = client.get(repositoryUrl, path, member, Duration.ofSeconds(30), MAX_BUNDLE_BYTES).join();
                if (response.status() == 200) {
                    var announced = response.header(ClusterHeaders.SHA256.toString());
                    if (announced == null) {
                        throw new BundleException("bundle '" + name + "' from " + url + ": the repository sent no "
                                + ClusterHeaders.SHA256 + " header");
                    }
                    var received = Sha256.of(response.body());
                    if (!received.equals(announced)) {
                        throw new BundleException("bundle '" + name + "' from " + url + ": SHA-256 mismatch: the "
                                + "repository announced " + announced + ", the bytes received have " + received);
                    }
                    Files.write(file, response.body());
                    return announced;
                }
                if (response.status() < 500) {
                    throw new BundleException("bundle '" + name + "': the repository at " + repositoryUrl
                            + " answered " + response.status() + " for " + url);
                }
                problem = "it answered " + response.status();
            } catch (CompletionException e) {
                problem = CallException.describe(e);
            }
            long wait = GatewayLink.backoffMs(attempt);
            if (clock.millis() + wait > giveUp) {
                throw new BundleException("bundle '" + name + "': gave up fetching " + url + " after "
                        + patience.toSeconds() + " s: " + problem);
            }
            LOG.warn("cannot fetch bundle '{}' from {} ({}); retrying in {} ms", name, url, problem, wait);
            pause.pause(wait);
        }
    }
}
