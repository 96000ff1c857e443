package io.clusterdeck.http;

import java.io.IOException;
import java.nio.ByteBuffer;

/** Where a response's body goes, piece by piece, on the connection's I/O thread. */
public interface BodySink {
    /**
     * Takes what it can of {@code data}, advancing its position. False when it cannot take more now: it then keeps
     * {@code data} untouched until it calls {@code resume.run()}, and the connection reads nothing meanwhile.
     */
    boolean accept(ByteBuffer data, Runnable resume) throws IOException;

    /** The body is complete and every byte was accepted. */
    void end();
}
