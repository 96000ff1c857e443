package io.clusterdeck.service.repository;

import io.clusterdeck.design.Bundle;
import io.clusterdeck.http.Json;
import io.clusterdeck.http.Responses;
import io.clusterdeck.http.ServiceException;
import io.clusterdeck.protocol.ClusterHeaders;
import io.clusterdeck.security.ClusterTokens;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.resource.PathResourceManager;
import io.undertow.server.handlers.resource.ResourceHandler;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a repository serves: {@code GET /bundles} (JSON list of name, sha256, bytes, url), {@code GET
 * /bundles/{name}.jar} (the jar, with its digest in {@code X-Clusterdeck-Sha256}), and every other GET from the
 * assets folder only. Bundles are code: only members holding a cluster token get them (401 otherwise). Shared by
 * the repository and the standalone service.
 */
public final class RepositoryRoutes {

    private final Map<String, Served> bundles = new LinkedHashMap<>();
    private final HttpHandler assets;
    private final ClusterTokens tokens;

    /**
     * Reads every bundle and checks its digest; a missing or altered bundle stops the start.
     *
     * @param tokens verifies members' tokens; null when the service has no cluster key (then no one gets bundles)
     */
    public RepositoryRoutes(List<Bundle> configured, String assetsFolder, ClusterTokens tokens) {
        this.tokens = tokens;
        for (var bundle : configured) {
            var file = Path.of(bundle.path());
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new IllegalStateException("bundle '" + bundle.name() + "': cannot read " + file + ": " + e.getMessage(), e);
            }
            var sha256 = sha256(bytes);
            if (bundle.sha256() != null && !bundle.sha256().equals(sha256)) {
                throw new IllegalStateException("bundle '" + bundle.name() + "': " + file + " has SHA-256 " + sha256
                        + ", the design expects " + bundle.sha256());
            }
            bundles.put(bundle.name(), new Served(bytes, sha256));
        }
        if (assetsFolder == null) {
            assets = exchange -> {
                throw ServiceException.notFound("this repository serves no assets");
            };
        } else {
            var folder = Path.of(assetsFolder).toAbsolutePath().normalize();
            // PathResourceManager refuses paths that leave its folder and, without followLinks, symbolic links out of it.
            var resources = new ResourceHandler(new PathResourceManager(folder, 1024, true, false, false),
                    // Answered here, not thrown: the resource handler runs this after a dispatch, outside the error handler.
                    exchange -> Responses.error(exchange, ServiceException.notFound("no asset at " + exchange.getRequestPath())));
            resources.setWelcomeFiles("index.html");
            resources.setDirectoryListingEnabled(false);
            assets = resources;
        }
    }

    /** Serves a bundle, the bundle list or an asset. */
    public void handle(HttpServerExchange exchange) throws Exception {
        var path = exchange.getRequestPath();
        if (!exchange.getRequestMethod().equals(Methods.GET) && !exchange.getRequestMethod().equals(Methods.HEAD)) {
            throw ServiceException.methodNotAllowed(exchange.getRequestMethod().toString());
        }
        if (leavesTheFolder(path)) {
            throw ServiceException.notFound("no asset at this path");
        }
        if (path.equals("/bundles") || path.startsWith("/bundles/")) {
            if (tokens == null) {
                throw ServiceException.unauthorized("bundles are served to cluster members only, and this service has no cluster key");
            }
            tokens.require(exchange);
        }
        if (path.equals("/bundles")) {
            var list = Json.mapper().createArrayNode();
            bundles.forEach((name, served) -> list.addObject().put("name", name).put("sha256", served.sha256())
                    .put("bytes", served.bytes().length).put("url", "/bundles/" + name + ".jar"));
            Responses.json(exchange, 200, list);
        } else if (path.startsWith("/bundles/")) {
            var file = path.substring("/bundles/".length());
            var name = file.endsWith(".jar") ? file.substring(0, file.length() - 4) : "";
            var served = bundles.get(name);
            if (served == null) {
                throw ServiceException.notFound("no bundle at " + path);
            }
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/java-archive");
            exchange.getResponseHeaders().put(ClusterHeaders.SHA256, served.sha256());
            exchange.getResponseSender().send(java.nio.ByteBuffer.wrap(served.bytes()));
        } else {
            assets.handleRequest(exchange);
        }
    }

    /** Any dot-dot segment, backslash or control character is refused before a file is looked up. */
    private static boolean leavesTheFolder(String path) {
        for (var segment : path.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                return true;
            }
        }
        return path.chars().anyMatch(c -> c == '\\' || c < 0x20);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }

    private record Served(byte[] bytes, String sha256) {
    }
}
