package io.clusterdeck.protocol;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
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

    @JsonIgnore
    public boolean isUp() {
        return UP.equals(status);
    }
}
