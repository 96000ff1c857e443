package io.clusterdeck.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.xnio.XnioExecutor;
import org.xnio.XnioIoThread;

/** A call whose whole answer is read into memory, up to a limit, within a time; it completes a future. */
final class BufferedCall implements ResponseHandler, BodySink {
    private final CompletableFuture<BufferedResponse> result;
    private final Upstream upstream;
    private final int maxBytes;
    private ResponseHead head;
    private byte[] body = new byte[0];
    private int length;
    private ClientCall call;
    private XnioExecutor.Key deadline;

    BufferedCall(Upstream upstream, int maxBytes, CompletableFuture<BufferedResponse> result) {
        this.upstream = upstream;
        this.maxBytes = maxBytes;
        this.result = result;
    }

    void start(UpstreamClient client, OutboundRequest request, XnioIoThread thread, long timeoutMs) {
        deadline = thread.executeAfter(this::timedOut, timeoutMs, TimeUnit.MILLISECONDS);
        call = client.send(upstream, request, thread, this);
    }

    @Override
    public BodySink onResponse(ResponseHead responseHead) {
        head = responseHead;
        var length = responseHead.header("Content-Length");
        if (maxBytes > 0 && length != null && length.length() < 10) {
            try {
                body = new byte[Math.min(maxBytes, Integer.parseInt(length.trim()))];
            } catch (NumberFormatException e) {
                // The connection checks the length itself.
            }
        }
        return this;
    }

    @Override
    public boolean accept(ByteBuffer data, Runnable resume) throws IOException {
        int size = data.remaining();
        if (maxBytes < 0) {
            data.position(data.limit());
            return true;
        }
        if (length + size > maxBytes) {
            throw new IOException(upstream + " answered more than " + maxBytes + " bytes");
        }
        if (length + size > body.length) {
            body = Arrays.copyOf(body, Math.max(length + size, Math.min(maxBytes, body.length * 2 + 256)));
        }
        data.get(body, length, size);
        length += size;
        return true;
    }

    @Override
    public void end() {
        deadline.remove();
        result.complete(new BufferedResponse(head, length == body.length ? body : Arrays.copyOf(body, length)));
    }

    @Override
    public void onFailure(Failure failure, IOException cause) {
        deadline.remove();
        result.completeExceptionally(new CallException(failure, cause.getMessage() == null ? cause.toString() : cause.getMessage(), cause));
    }

    private void timedOut() {
        if (call != null && !call.over()) {
            call.cancel();
            result.completeExceptionally(new CallException(Failure.TIMED_OUT, upstream + " did not answer in time", null));
        }
    }
}
