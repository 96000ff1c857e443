package io.clusterdeck.http;

import java.io.IOException;

/** What a call does with its response; every method runs on the I/O thread of the call's connection. */
public interface ResponseHandler {
    /**
     * The response arrived: the whole of it when its body fits in a buffer, else its head and a first buffer of
     * body. Returns the sink for its body, or null to drop the body.
     */
    BodySink onResponse(ResponseHead head);

    /** The call failed before its sink saw the end of the body; nothing more comes. */
    void onFailure(Failure failure, IOException cause);

    /** The upstream was declared down while this call was in flight; the call may cancel itself and go elsewhere. */
    default void onUpstreamDown() {
    }
}
