package io.clusterdeck.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DateHeaderTest {
    private final AtomicLong millis = new AtomicLong(1_796_000_400_250L);
    private final DateHeader date = new DateHeader(exchange -> { }, millis::get);

    @Test
    void theTextIsTheCurrentSecondAsAnHttpDate() {
        assertThat(date.now()).isEqualTo("Mon, 30 Nov 2026 01:00:00 GMT");
    }

    @Test
    void oneTextServesAWholeSecondAndTheNextSecondGetsANewOne() {
        var first = date.now();
        millis.addAndGet(700);

        assertThat(date.now()).isSameAs(first);

        millis.addAndGet(100);

        assertThat(date.now()).isEqualTo("Mon, 30 Nov 2026 01:00:01 GMT");
    }

    @Test
    void everyAnswerOfAServiceCarriesOneDateHeaderOfNow() throws Exception {
        try (var engine = IoEngine.create("date-test", 1, 1)) {
            var server = HttpServer.start(engine, "127.0.0.1", 0, exchange -> exchange.getResponseSender().send("ok"));
            try {
                var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url() + "/"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());

                assertThat(response.headers().allValues("Date")).hasSize(1);
                var stamped = ZonedDateTime.parse(response.headers().firstValue("Date").orElseThrow(),
                        DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                assertThat(Duration.between(stamped, Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
            } finally {
                server.stop();
            }
        }
    }
}
