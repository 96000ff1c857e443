package io.clusterdeck.http;

import java.util.ArrayList;
import java.util.List;

/** The status line and headers of an upstream's response. Header names compare without regard to case. */
public final class ResponseHead {
    private final int status;
    private final boolean http10;
    private final List<String> names;
    private final List<String> values;

    ResponseHead(int status, boolean http10, List<String> names, List<String> values) {
        this.status = status;
        this.http10 = http10;
        this.names = names;
        this.values = values;
    }

    public int status() {
        return status;
    }

    boolean http10() {
        return http10;
    }

    /** The first value of a header, or null. */
    public String header(String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) {
                return values.get(i);
            }
        }
        return null;
    }

    /** Every value of a header, in order. */
    public List<String> headers(String name) {
        var found = new ArrayList<String>(1);
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) {
                found.add(values.get(i));
            }
        }
        return found;
    }

    int count() {
        return names.size();
    }

    String name(int index) {
        return names.get(index);
    }

    String value(int index) {
        return values.get(index);
    }
}
