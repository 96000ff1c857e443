package io.clusterdeck.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.time.LocalDate;
import java.util.function.LongSupplier;

/**
 * The {@code Date} header every answer carries, stamped when the request arrives, from a text made once a second.
 * Undertow's own does the same but sets a timer to forget its text at the next second, which wakes the I/O thread of
 * every service that answered anything in that second: a third of a quiet worker's wake-ups (two health checks and
 * that timer a second). This one notices the new second when the next request comes instead, and writes the text
 * itself: Undertow's goes through a {@code SimpleDateFormat}, whose first use sets up the JDK's calendars, time zones
 * and locale data in every service as it answers its first request.
 */
final class DateHeader implements HttpHandler {
    private final HttpHandler next;
    private final LongSupplier millis;
    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};

    private volatile Stamp stamp = new Stamp(Long.MIN_VALUE, "");

    DateHeader(HttpHandler next) {
        this(next, System::currentTimeMillis);
    }

    DateHeader(HttpHandler next, LongSupplier millis) {
        this.next = next;
        this.millis = millis;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        exchange.getResponseHeaders().put(Headers.DATE, now());
        next.handleRequest(exchange);
    }

    /** The current second as an HTTP date ({@code Mon, 30 Nov 2026 14:20:00 GMT}). */
    String now() {
        long second = Math.floorDiv(millis.getAsLong(), 1000);
        var current = stamp;
        if (current.second != second) {
            // Racy on purpose: two threads that both see a new second make the same text.
            current = new Stamp(second, httpDate(second));
            stamp = current;
        }
        return current.text;
    }

    /** A second since the epoch as an HTTP date in the IMF-fixdate form of RFC 9110: always in GMT, in English. */
    static String httpDate(long epochSecond) {
        var day = LocalDate.ofEpochDay(Math.floorDiv(epochSecond, 86_400));
        int second = (int) Math.floorMod(epochSecond, 86_400);
        var text = new StringBuilder(29).append(DAYS[day.getDayOfWeek().ordinal()]).append(", ");
        twoDigits(text, day.getDayOfMonth()).append(' ').append(MONTHS[day.getMonthValue() - 1]).append(' ')
                .append(day.getYear()).append(' ');
        twoDigits(text, second / 3600).append(':');
        twoDigits(text, second / 60 % 60).append(':');
        return twoDigits(text, second % 60).append(" GMT").toString();
    }

    private static StringBuilder twoDigits(StringBuilder text, int value) {
        return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    private record Stamp(long second, String text) {
    }
}
