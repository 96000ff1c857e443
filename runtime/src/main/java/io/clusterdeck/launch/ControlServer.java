package io.clusterdeck.launch;

import io.clusterdeck.http.HttpServer;
import io.clusterdeck.http.IoEngine;
import io.clusterdeck.json.StrictJson;
import io.clusterdeck.protocol.ClusterHeaders;
import io.clusterdeck.protocol.ControlAnswer;
import io.clusterdeck.protocol.Paths;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RoutingHandler;
import io.undertow.server.handlers.BlockingHandler;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The running launcher's control channel, on loopback, for {@code clusterdeck fault}, {@code scale},
 * {@code logs} and {@code status}. Every request carries the token from the run folder's {@code launcher.json}
 * in {@code X-Clusterdeck-Control}, so only someone who can read that file can break the cluster.
 *
 * <ul>
 *   <li>{@code GET /processes}: every process as JSON</li>
 *   <li>{@code POST /faults/{action}/{process}?ms=N}: kill, stop, pause, resume, unhealthy, healthy, latency, restart</li>
 *   <li>{@code POST /scale/{segment}/{workers}}</li>
 *   <li>{@code GET /logs/{process}?lines=N}: the last lines, as text</li>
 * </ul>
 */
final class ControlServer implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ControlServer.class);

    private final HttpServer server;
    private final String token;

    private ControlServer(HttpServer server, String token) {
        this.server = server;
        this.token = token;
    }

    static ControlServer start(LocalCluster cluster, IoEngine engine) {
        var bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        var token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var routes = new RoutingHandler()
                .get(Paths.CONTROL_PROCESSES, exchange -> json(exchange, 200, cluster.processes()))
                .get(Paths.CONTROL_DESIGN, exchange -> json(exchange, 200, cluster.design()))
                .get(Paths.PROFILE, exchange -> json(exchange, 200, cluster.profileSamples()))
                .post(Paths.CONTROL_FAULTS + "{action}/{process}", exchange -> {
                    var fault = Fault.of(param(exchange, "action"));
                    var process = param(exchange, "process");
                    var ms = exchange.getQueryParameters().get("ms");
                    cluster.fault(fault, process, ms == null ? 0 : Integer.parseInt(ms.getFirst()));
                    json(exchange, 200, new ControlAnswer.Done(fault.word() + " " + process));
                })
                .post(Paths.CONTROL_SCALE + "{segment}/{workers}", exchange -> {
                    int workers = Integer.parseInt(param(exchange, "workers"));
                    if (workers < 1 || workers > 256) {
                        throw new LaunchException("a segment has 1 to 256 workers, not " + workers);
                    }
                    cluster.scale(param(exchange, "segment"), workers);
                    json(exchange, 200, new ControlAnswer.Done("scaled " + param(exchange, "segment")));
                })
                .get(Paths.CONTROL_LOGS + "{process}", exchange -> {
                    var lines = exchange.getQueryParameters().get("lines");
                    int count = lines == null ? 200 : Integer.parseInt(lines.getFirst());
                    if (count < 0) {
                        throw new LaunchException("the number of lines must not be negative, was " + count);
                    }
                    var tail = cluster.log(param(exchange, "process")).tail(count);
                    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
                    exchange.getResponseSender().send(String.join("\n", tail) + (tail.isEmpty() ? "" : "\n"));
                });
        HttpHandler guarded = exchange -> {
            var given = exchange.getRequestHeaders().getFirst(ClusterHeaders.CONTROL_TOKEN);
            if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                    token.getBytes(StandardCharsets.UTF_8))) {
                json(exchange, 401, new ControlAnswer.Failed("missing or wrong " + ClusterHeaders.CONTROL_TOKEN));
                return;
            }
            try {
                routes.handleRequest(exchange);
            } catch (LaunchException | IllegalArgumentException e) {
                json(exchange, 400, new ControlAnswer.Failed(e instanceof NumberFormatException
                        ? "not a number: " + e.getMessage().replaceFirst("^For input string: ", "") : e.getMessage()));
            } catch (RuntimeException e) {
                LOG.error("the control channel failed on {} {}", exchange.getRequestMethod(), exchange.getRequestPath(), e);
                json(exchange, 500, new ControlAnswer.Failed("the launcher failed: " + e));
            }
        };
        return new ControlServer(HttpServer.start(engine, "127.0.0.1", 0, new BlockingHandler(guarded)), token);
    }

    String url() {
        return server.url();
    }

    String token() {
        return token;
    }

    @Override
    public void close() {
        server.stop();
    }

    private static String param(HttpServerExchange exchange, String name) {
        return exchange.getQueryParameters().get(name).getFirst();
    }

    private static void json(HttpServerExchange exchange, int status, Object body) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        exchange.getResponseHeaders().put(new HttpString("Cache-Control"), "no-store");
        exchange.getResponseSender().send(StrictJson.write(body));
    }
}
