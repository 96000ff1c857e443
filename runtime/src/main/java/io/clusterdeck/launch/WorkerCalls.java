package io.clusterdeck.launch;

import io.clusterdeck.event.ClusterEvent;
import io.clusterdeck.event.EventType;
import io.clusterdeck.json.StrictJson;
import io.clusterdeck.lab.WorkerSample;
import io.clusterdeck.plan.Role;
import io.clusterdeck.protocol.Paths;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The launcher's calls to its running workers: their figures for profiles, and a nudge after a gateway restart. */
final class WorkerCalls {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerCalls.class);
    private final ProcessTable table;
    private final Supplier<AdminClient> admin;

    WorkerCalls(ProcessTable table, Supplier<AdminClient> admin) {
        this.table = table;
        this.admin = admin;
    }

    /** The running totals of every running worker ({@code GET /profile}); a worker that does not answer is left out. */
    List<WorkerSample> profileSamples() {
        var samples = new ArrayList<WorkerSample>();
        for (var worker : table.runningWorkers()) {
            try {
                samples.add(StrictJson.mapper().readValue(admin.get().get(worker.name, worker.planned.url(), Paths.PROFILE),
                        WorkerSample.class));
            } catch (LaunchException | IOException e) {
                LOG.debug("no profile sample from {}: {}", worker.name, e.getMessage());
            }
        }
        return samples;
    }

    /**
     * A gateway that was restarted knows no worker: on its {@code ready}, tell every running worker to register again
     * at once, rather than let each notice the gateway's silence (it would, a second or two later).
     */
    void afterGatewayRestart(ClusterEvent event) {
        var client = admin.get();
        if (event.type() != EventType.READY || event.worker() == null || client == null) {
            return;
        }
        var gateway = table.find(event.worker());
        if (gateway.isEmpty() || gateway.get().planned.role() != Role.GATEWAY || gateway.get().restarts == 0) {
            return;
        }
        for (var worker : table.runningWorkers()) {
            client.postQuietly(worker.name, worker.planned.url(), Paths.ADMIN_REGISTER, "{}");
        }
    }
}
