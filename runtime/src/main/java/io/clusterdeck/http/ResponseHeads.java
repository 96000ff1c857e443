package io.clusterdeck.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Locale;

/** Reads HTTP/1.1 response heads and chunk sizes in place, from a buffer read off the wire. */
final class ResponseHeads {
    private ResponseHeads() {
    }

    /** An answer that is not HTTP/1.1 as this client speaks it. */
    static final class BadResponse extends IOException {
        BadResponse(String message) {
            super(message);
        }
    }

    /** Parses the head in {@code from..end} ({@code end} just after its blank line). */
    static ResponseHead parse(byte[] in, int from, int end, Upstream upstream) throws BadResponse {
        if (end - from < 16 || in[from] != 'H' || in[from + 1] != 'T' || in[from + 2] != 'T'
                || in[from + 3] != 'P' || in[from + 4] != '/' || in[from + 5] != '1' || in[from + 6] != '.'
                || in[from + 8] != ' ') {
            throw new BadResponse(upstream + " did not answer HTTP/1.x");
        }
        int status = 0;
        for (int i = from + 9; i < from + 12; i++) {
            int digit = in[i] - '0';
            if (digit < 0 || digit > 9) {
                throw new BadResponse(upstream + " answered a malformed status line");
            }
            status = status * 10 + digit;
        }
        var names = new ArrayList<String>(8);
        var values = new ArrayList<String>(8);
        int line = nextLine(in, from, end);
        while (line < end - 2) {
            int lineEnd = nextLine(in, line, end) - 2;
            byte first = in[line];
            if (first == ' ' || first == '\t') {
                throw new BadResponse(upstream + " answered a folded header line");
            }
            int colon = line;
            while (colon < lineEnd && in[colon] != ':') {
                colon++;
            }
            if (colon == lineEnd || colon == line) {
                throw new BadResponse(upstream + " answered a header line without a name");
            }
            int valueStart = colon + 1;
            while (valueStart < lineEnd && (in[valueStart] == ' ' || in[valueStart] == '\t')) {
                valueStart++;
            }
            int valueEnd = lineEnd;
            while (valueEnd > valueStart && (in[valueEnd - 1] == ' ' || in[valueEnd - 1] == '\t')) {
                valueEnd--;
            }
            names.add(text(in, line, colon));
            values.add(text(in, valueStart, valueEnd));
            line = lineEnd + 2;
        }
        return new ResponseHead(status, in[from + 7] == '0', names, values);
    }

    /** Whether the connection may carry another call after this response. */
    static boolean keepAlive(ResponseHead head, String connection) {
        boolean http10 = head.http10();
        if (connection == null) {
            return !http10;
        }
        var tokens = connection.toLowerCase(Locale.ROOT);
        return http10 ? tokens.contains("keep-alive") : !tokens.contains("close");
    }

    static long contentLength(ResponseHead head, Upstream upstream) throws BadResponse {
        long length = -1;
        for (var value : head.headers("Content-Length")) {
            long parsed = 0;
            if (value.isEmpty() || value.length() > 18) {
                throw new BadResponse(upstream + " answered a malformed Content-Length");
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c < '0' || c > '9') {
                    throw new BadResponse(upstream + " answered a malformed Content-Length");
                }
                parsed = parsed * 10 + (c - '0');
            }
            if (length >= 0 && length != parsed) {
                throw new BadResponse(upstream + " answered two different Content-Lengths");
            }
            length = parsed;
        }
        return length;
    }

    /** The size of a chunk from its size line {@code from..lineEnd}, extensions ignored. */
    static long chunkSize(byte[] in, int from, int lineEnd, Upstream upstream) throws BadResponse {
        long size = 0;
        int digits = 0;
        for (int i = from; i < lineEnd; i++) {
            int c = in[i];
            int value = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (value < 0) {
                if (c == ';' || c == ' ' || c == '\t') {
                    break;
                }
                throw new BadResponse(upstream + " answered a malformed chunk size");
            }
            if (++digits > 15) {
                throw new BadResponse(upstream + " answered a chunk size too large");
            }
            size = size * 16 + value;
        }
        if (digits == 0) {
            throw new BadResponse(upstream + " answered a malformed chunk size");
        }
        return size;
    }

    /** The index of the CR of the next CRLF in {@code in[from..end)}, or -1. */
    static int lineEnd(byte[] in, int from, int end) {
        for (int i = from; i < end - 1; i++) {
            if (in[i] == '\r' && in[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static int nextLine(byte[] in, int from, int end) {
        int crlf = lineEnd(in, from, end);
        return crlf < 0 ? end : crlf + 2;
    }

    private static String text(byte[] in, int from, int to) {
        return new String(in, from, to - from, StandardCharsets.ISO_8859_1);
    }
}
