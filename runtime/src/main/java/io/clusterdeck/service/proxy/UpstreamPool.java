package io.clusterdeck.service.proxy;

import io.clusterdeck.http.CallException;
import io.clusterdeck.http.Upstream;
import io.clusterdeck.http.UpstreamClient;
import io.clusterdeck.protocol.Paths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The upstreams the proxy spreads calls over: the gateways of a design with replicas, or one gateway, or the
 * repository. Calls take turns over the members that are up. With more than one member the pool watches them as
 * the gateway watches its workers: passively (a call that could not be sent takes its member out at once) and
 * actively (a {@code GET /health} of each every {@link #CHECK_MS} ms; {@link #UNHEALTHY_AFTER} failures in a row take
 * a member out, one success brings it back). A slow answer to a call does not count against a member: calls are slow
 * when the workers behind every gateway are, and taking gateways out for it would only move the load around. A
 * member that goes out tells its calls in flight ({@link Upstream#down()}), so idempotent ones can go elsewhere.
 *
 * <p>Second tries of calls that have no answer yet (hedges) draw on a budget that every call fills a little, so they
 * stay a small share of the calls ({@link #HEDGE_SHARE}) however slow the cluster gets, and cannot double its load.
 */
final class UpstreamPool implements AutoCloseable {
    static final long CHECK_MS = 500;
    static final long CHECK_TIMEOUT_MS = 450;
    static final int UNHEALTHY_AFTER = 2;
    /** At most about one call in ten gets a second try while its first is still under way. */
    static final int HEDGE_SHARE = 10;
    /** Hedges that may be spent at once after a quiet spell. */
    static final int HEDGE_BURST = 20;
    private static final Logger LOG = LoggerFactory.getLogger(UpstreamPool.class);

    /** One upstream of the pool and what the pool knows of it; read on any I/O thread. */
    static final class Member {
        private final Upstream upstream;
        private final String name;
        private volatile boolean up = true;
        private final AtomicInteger failures = new AtomicInteger();
        private final java.util.concurrent.atomic.LongAdder calls = new java.util.concurrent.atomic.LongAdder();

        private Member(Upstream upstream, String name) {
            this.upstream = upstream;
            this.name = name;
        }

        Upstream upstream() {
            return upstream;
        }

        String name() {
            return name;
        }

        boolean up() {
            return up;
        }

        /** Calls sent to it, tries included. */
        long calls() {
            return calls.sum();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private final List<Member> members;
    private final UpstreamClient client;
    private final AtomicInteger turn = new AtomicInteger();
    /** Filled by one per call, a hedge costs {@link #HEDGE_SHARE}. */
    private final AtomicInteger hedgeBudget = new AtomicInteger(HEDGE_BURST * HEDGE_SHARE);
    private volatile boolean closed;

    /** @param names what logs call each member ({@code gateway-2}), in the order of {@code urls} */
    UpstreamPool(UpstreamClient client, List<String> urls, List<String> names) {
        if (urls.isEmpty() || urls.size() != names.size()) {
            throw new IllegalArgumentException("a pool needs one name per URL, and at least one URL");
        }
        this.client = client;
        var made = new java.util.ArrayList<Member>();
        for (int i = 0; i < urls.size(); i++) {
            made.add(new Member(client.upstream(urls.get(i)), names.get(i)));
        }
        this.members = List.copyOf(made);
    }

    /** A pool of one: no checks, every call goes to it. */
    static UpstreamPool of(UpstreamClient client, String url, String name) {
        return new UpstreamPool(client, List.of(url), List.of(name));
    }

    /** Starts the health checks; a pool of one has nothing to choose between and checks nothing. */
    UpstreamPool start() {
        if (members.size() > 1) {
            client.timerThread().executeAfter(this::check, CHECK_MS, TimeUnit.MILLISECONDS);
        }
        return this;
    }

    List<Member> members() {
        return members;
    }

    int size() {
        return members.size();
    }

    /**
     * The member for a call's next try: the next one up in turn, other than {@code avoid} (the member its last try
     * went to) when another is up; when none is up, the next in turn all the same (the call then waits and tries
     * again).
     */
    Member pick(Member avoid) {
        int size = members.size();
        if (size == 1) {
            var only = members.get(0);
            only.calls.increment();
            return only;
        }
        int start = Math.floorMod(turn.getAndIncrement(), size);
        Member fallback = null;
        for (int i = 0; i < size; i++) {
            var member = members.get((start + i) % size);
            if (member.up && member != avoid) {
                member.calls.increment();
                return member;
            }
            if (fallback == null && member != avoid) {
                fallback = member;
            }
        }
        var chosen = fallback != null ? fallback : members.get(start);
        chosen.calls.increment();
        return chosen;
    }

    /** A call could not be sent to the member: it is out until a health check passes. */
    void unreachable(Member member, String why) {
        if (members.size() > 1) {
            out(member, why);
        }
    }

    /** A call was taken: the hedge budget grows a little. */
    void called() {
        if (hedgeBudget.get() < HEDGE_BURST * HEDGE_SHARE) {
            hedgeBudget.incrementAndGet();
        }
    }

    /** Whether a call that has no answer yet may be tried on another member as well: one is up, and budget is left. */
    boolean mayHedge(Member late) {
        if (members.stream().noneMatch(m -> m.up && m != late)) {
            return false;
        }
        while (true) {
            int left = hedgeBudget.get();
            if (left < HEDGE_SHARE) {
                return false;
            }
            if (hedgeBudget.compareAndSet(left, left - HEDGE_SHARE)) {
                return true;
            }
        }
    }

    private void out(Member member, String why) {
        if (member.up) {
            member.up = false;
            LOG.warn("{} is out of rotation: {}", member.name, why);
            member.upstream.down();
        }
    }

    private void check() {
        if (closed) {
            return;
        }
        for (var member : members) {
            client.get(member.upstream.toString(), Paths.HEALTH, new byte[0], Duration.ofMillis(CHECK_TIMEOUT_MS), -1)
                    .whenComplete((response, failure) -> {
                        if (failure == null && response.status() == 200) {
                            member.failures.set(0);
                            if (!member.up) {
                                member.up = true;
                                LOG.info("{} is back in rotation: it passed a health check", member.name);
                            }
                        } else if (member.failures.incrementAndGet() >= UNHEALTHY_AFTER) {
                            out(member, failure != null ? "health check failed: " + CallException.describe(failure)
                                    : "health check answered " + response.status());
                        }
                    });
        }
        client.timerThread().executeAfter(this::check, CHECK_MS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        closed = true;
    }
}
