package io.clusterdeck.http;

import java.io.IOException;

/** One call of the client: waiting for a connection, or on one. Every method runs on its lane's I/O thread. */
public final class ClientCall {
    final Lane lane;
    final OutboundRequest request;
    final ResponseHandler handler;
    ClientConnection connection;
    boolean waiting;
    private boolean over;

    ClientCall(Lane lane, OutboundRequest request, ResponseHandler handler) {
        this.lane = lane;
        this.request = request;
        this.handler = handler;
    }

    /** Ends the call at once, without any more callbacks; a connection it was on is closed, as its answer is unread. */
    public void cancel() {
        if (over) {
            return;
        }
        over = true;
        if (waiting) {
            waiting = false;
            lane.forget(this);
        } else if (connection != null) {
            var on = connection;
            connection = null;
            on.abort();
        }
    }

    public boolean over() {
        return over;
    }

    /** Marks the call over; true when it was not over yet, so its handler may hear of it once. */
    boolean end() {
        if (over) {
            return false;
        }
        over = true;
        connection = null;
        return true;
    }

    void fail(Failure failure, IOException cause) {
        if (end()) {
            handler.onFailure(failure, cause);
        }
    }
}
