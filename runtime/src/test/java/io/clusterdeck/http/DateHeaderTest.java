package io.clusterdeck.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.undertow.util.DateUtils;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.SplittableRandom;
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
    void theTextIsWhatUndertowsOwnFormatWritesForAnySecondOfFourCenturies() {
        var random = new SplittableRandom(11);
        long from = ZonedDateTime.parse("1900-01-01T00:00:00Z").toEpochSecond();
        long to = ZonedDateTime.parse("2299-12-31T23:59:59Z").toEpochSecond();
        for (int i = 0; i < 20_000; i++) {
            long second = i < 4 ? new long[] {0, -1, from, to}[i] : random.nextLong(from, to + 1);

            assertThat(DateHeader.httpDate(second)).as("second %d", second)
                    .isEqualTo(DateUtils.toDateString(new Date(second * 1000)));
        }
    }

    @Test
    void leapDaysAndTheLastSecondOfAYearAreWrittenAsTheCalendarHasThem() {
        assertThat(DateHeader.httpDate(ZonedDateTime.parse("2028-02-29T12:00:00Z").toEpochSecond()))
                .isEqualTo("Tue, 29 Feb 2028 12:00:00 GMT");
        assertThat(DateHeader.httpDate(ZonedDateTime.parse("2026-12-31T23:59:59Z").toEpochSecond()))
                .isEqualTo("Thu, 31 Dec 2026 23:59:59 GMT");
        assertThat(DateHeader.httpDate(ZonedDateTime.parse("2027-01-01T00:00:00Z").toEpochSecond()))
                .isEqualTo("Fri, 01 Jan 2027 00:00:00 GMT");
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
