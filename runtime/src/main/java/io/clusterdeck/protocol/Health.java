package io.clusterdeck.protocol;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterdeck.json.JsonTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * What every service answers on {@code GET /health}: {@code UP} (200) or {@code DOWN} (503) and its name, plus what
 * its role adds: a worker its segment, calls in flight and served; a gateway how many workers it knows; a proxy in
 * front of several gateways which are in rotation and the calls each got.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Health(String status, String name, String segment, Long inFlight, Long served, Integer workers,
                     List<Member> gateways) {
    public static final String UP = "UP";
    public static final String DOWN = "DOWN";

    /** A gateway as the proxy sees it: in rotation or not, and the calls sent to it. */
    public record Member(String url, boolean up, long calls) {
    }

    public static Health up(String name) {
        return new Health(UP, name, null, null, null, null, null);
    }

    public static Health worker(boolean up, String name, String segment, long inFlight, long served) {
        return new Health(up ? UP : DOWN, name, segment, inFlight, served, null, null);
    }

    public static Health gateway(String name, int workers) {
        return new Health(UP, name, null, null, null, workers, null);
    }

    public static Health proxy(String name, List<Member> gateways) {
        return new Health(UP, name, null, null, null, null, List.copyOf(gateways));
    }

    /**
     * The answer as the tree a mapper writes of the record (what is null left out): services answer health checks
     * from the first second of their life and need no mapper for it.
     */
    public ObjectNode tree() {
        var tree = JsonTrees.object().put("status", status).put("name", name).put("segment", segment)
                .put("inFlight", inFlight).put("served", served).put("workers", workers);
        if (gateways != null) {
            var members = tree.putArray("gateways");
            gateways.forEach(m -> members.addObject().put("url", m.url()).put("up", m.up()).put("calls", m.calls()));
        }
        return JsonTrees.withoutNulls(tree);
    }

    /**
     * A worker's health answers as the record would write them, without going through a JSON library for each: the
     * gateways ask twice a second each, and a quiet worker should spend next to nothing on it. Its name and segment
     * are written once.
     */
    public static final class WorkerAnswers {
        private final String upHead;
        private final String downHead;

        public WorkerAnswers(String name, String segment) {
            var named = ",\"name\":" + JsonTrees.quoted(name)
                    + (segment == null ? "" : ",\"segment\":" + JsonTrees.quoted(segment));
            this.upHead = "{\"status\":\"" + UP + "\"" + named;
            this.downHead = "{\"status\":\"" + DOWN + "\"" + named;
        }

        /** The answer: the bytes of {@link Health#worker}'s record as JSON. */
        public byte[] of(boolean up, long inFlight, long served) {
            var head = up ? upHead : downHead;
            return new StringBuilder(head.length() + 48).append(head).append(",\"inFlight\":").append(inFlight)
                    .append(",\"served\":").append(served).append('}').toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    /** How every answer of a service that is up begins: the record writes {@code status} first. */
    private static final byte[] UP_PREFIX = "{\"status\":\"UP\"".getBytes(StandardCharsets.US_ASCII);

    /**
     * The status a health answer gives ({@code UP}, {@code DOWN}), {@code nothing} or {@code malformed health};
     * an answer that begins as an up service's does is read no further (gateways ask twice a second).
     */
    public static String statusOf(byte[] body) {
        if (body.length > UP_PREFIX.length && Arrays.equals(body, 0, UP_PREFIX.length, UP_PREFIX, 0, UP_PREFIX.length)) {
            return UP;
        }
        try {
            var health = JsonTrees.read(body);
            if (health == null || !(health.isObject() || health.isNull())) {
                return "malformed health";
            }
            var status = health.path("status");
            return status.isTextual() ? status.textValue() : "nothing";
        } catch (IOException e) {
            return "malformed health";
        }
    }

    @JsonIgnore
    public boolean isUp() {
        return UP.equals(status);
    }
}
