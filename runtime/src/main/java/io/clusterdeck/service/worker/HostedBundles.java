package io.clusterdeck.service.worker;

import io.clusterdeck.bundle.BundleLoader;
import io.clusterdeck.bundle.LoadedBundle;
import io.clusterdeck.design.Bundle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bundles one worker or standalone service has loaded, and the temporary files it fetched them into. Close it
 * after the last call has finished.
 */
public final class HostedBundles implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HostedBundles.class);

    private final Map<String, LoadedBundle> loaded;
    private final List<Path> fetched;

    HostedBundles(Map<String, LoadedBundle> loaded, List<Path> fetched) {
        this.loaded = Map.copyOf(loaded);
        this.fetched = List.copyOf(fetched);
    }

    /** No bundles. */
    public static HostedBundles none() {
        return new HostedBundles(Map.of(), List.of());
    }

    /**
     * Loads bundles from their files, checking each against the design's SHA-256 when it gives one.
     *
     * @throws io.clusterdeck.bundle.BundleException when one is missing, altered or broken; none stay loaded
     */
    public static HostedBundles local(List<Bundle> bundles) {
        var loaded = new LinkedHashMap<String, LoadedBundle>();
        try {
            for (var bundle : bundles) {
                loaded.put(bundle.name(), BundleLoader.load(bundle.name(), Path.of(bundle.path()), bundle.sha256()));
            }
        } catch (RuntimeException e) {
            new HostedBundles(loaded, List.of()).close();
            throw e;
        }
        return new HostedBundles(loaded, List.of());
    }

    public Map<String, LoadedBundle> loaded() {
        return loaded;
    }

    @Override
    public void close() {
        for (var bundle : loaded.values()) {
            try {
                bundle.close();
            } catch (RuntimeException e) {
                LOG.warn("{}", e.getMessage());
            }
        }
        for (var file : fetched) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warn("cannot delete the fetched bundle {}: {}", file, e.getMessage());
            }
        }
    }
}
