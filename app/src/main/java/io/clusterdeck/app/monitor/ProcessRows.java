package io.clusterdeck.app.monitor;

import io.clusterdeck.launch.ProcessStatus;
import io.clusterdeck.plan.PlannedProcess;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The live view's rows, one per process, kept in step with each poll: a row for a process that appeared, none for
 * one that is gone, in start order. Changed only on the FX thread.
 */
final class ProcessRows {
    private final Map<String, ProcessRow> byName = new LinkedHashMap<>();
    private final ObservableList<ProcessRow> rows = FXCollections.observableArrayList();
    // Made once: an unmodifiable view listens weakly to its list, so a view made per call loses its listeners.
    private final ObservableList<ProcessRow> rowsView = FXCollections.unmodifiableObservableList(rows);

    /** A row for each planned process, before anything was read. */
    ProcessRows(List<PlannedProcess> planned) {
        for (var process : planned) {
            byName.put(process.name(), new ProcessRow(process.name(), process.role(), process.segment()));
        }
        rows.setAll(byName.values());
    }

    /** The rows, read-only, in start order (repository, gateway, workers by segment, proxy). */
    ObservableList<ProcessRow> view() {
        return rowsView;
    }

    Optional<ProcessRow> row(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Brings every row to a poll's reading of the processes and their memory. */
    void read(List<ProcessStatus> statuses, Map<String, OptionalLong> memory) {
        var present = new LinkedHashSet<String>();
        boolean added = false;
        for (var status : statuses) {
            present.add(status.name());
            var row = byName.get(status.name());
            if (row == null) {
                row = new ProcessRow(status.name(), status.role(), status.segment());
                byName.put(status.name(), row);
                added = true;
            }
            row.status(status, memory.getOrDefault(status.name(), OptionalLong.empty()));
        }
        if (added || byName.size() != present.size()) {
            byName.keySet().retainAll(present);
            var ordered = new ArrayList<>(byName.values());
            ordered.sort((a, b) -> Integer.compare(a.role().ordinal(), b.role().ordinal()));
            rows.setAll(ordered);
        }
    }

    /** How many workers each segment has running, by segment name. */
    Map<String, Integer> workersBySegment() {
        var running = new HashMap<String, Integer>();
        for (var row : rows) {
            if (row.isWorker()) {
                running.merge(row.segment(), 1, Integer::sum);
            }
        }
        return running;
    }

    /** {@code 8 of 10 processes up · 1 paused · 1 unhealthy}: what is not up, by what it is. */
    String summary() {
        var byHealth = new EnumMap<Health, Integer>(Health.class);
        rows.forEach(r -> byHealth.merge(r.health(), 1, Integer::sum));
        var text = new StringBuilder().append(byHealth.getOrDefault(Health.UP, 0)).append(" of ").append(rows.size())
                .append(" processes up");
        for (var health : Health.values()) {
            if (health != Health.UP && byHealth.containsKey(health)) {
                text.append(" · ").append(byHealth.get(health)).append(' ').append(health.label());
            }
        }
        return text.toString();
    }
}
