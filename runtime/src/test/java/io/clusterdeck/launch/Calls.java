package io.clusterdeck.launch;

import io.clusterdeck.service.TestHttp;
import java.io.UncheckedIOException;

/** Calls to a launched cluster, where a refused connection is an answer too (status -1), not an error. */
final class Calls {
    private Calls() {
    }

    record Answer(int status, String worker, String body) {
    }

    static Answer call(String baseUrl, String function) {
        try {
            var response = TestHttp.post(baseUrl + "/rpc/" + function, "{}", "Content-Type", "application/json");
            return new Answer(response.statusCode(),
                    response.headers().firstValue("X-Clusterdeck-Worker").orElse(null), response.body());
        } catch (UncheckedIOException e) {
            return new Answer(-1, null, e.getCause().toString());
        }
    }
}
