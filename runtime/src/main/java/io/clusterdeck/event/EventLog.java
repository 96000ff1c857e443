package io.clusterdeck.event;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The recent events of a service, in order, and the listeners that stream new ones. */
public final class EventLog {
    private final int capacity;
    private final ArrayDeque<ClusterEvent> recent = new ArrayDeque<>();
    private final List<Consumer<ClusterEvent>> listeners = new CopyOnWriteArrayList<>();

    public EventLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    public void publish(ClusterEvent event) {
        synchronized (recent) {
            if (recent.size() == capacity) {
                recent.removeFirst();
            }
            recent.addLast(event);
            // Listeners are called under the lock so that every listener sees events in the log's order.
            for (var listener : listeners) {
                listener.accept(event);
            }
        }
    }

    /** The kept events, oldest first. */
    public List<ClusterEvent> recent() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }

    /** Replays the kept events to a listener, then streams every new one to it, with nothing lost in between. */
    public Runnable subscribe(Consumer<ClusterEvent> listener) {
        synchronized (recent) {
            recent.forEach(listener);
            listeners.add(listener);
        }
        return () -> listeners.remove(listener);
    }
}
