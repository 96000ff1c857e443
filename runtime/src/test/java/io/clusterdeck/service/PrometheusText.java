package io.clusterdeck.service;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** A strict enough reader of the Prometheus text exposition format: every line a comment or a valid sample. */
public final class PrometheusText {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern SAMPLE = Pattern.compile(
            "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\",?)*\\})?"
                    + " (-?[0-9.eE+\\-]+|NaN|[+-]Inf)( -?[0-9]+)?");
    private static final Pattern TYPE = Pattern.compile("# TYPE (\\S+) (counter|gauge|histogram|summary|untyped)");

    private PrometheusText() {
    }

    /** The sample lines; throws naming the first line that is not valid. */
    public static List<String> samples(String text) {
        var samples = new ArrayList<String>();
        int number = 0;
        for (var line : text.split("\n", -1)) {
            number++;
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("# TYPE")) {
                if (!TYPE.matcher(line).matches()) {
                    throw new IllegalArgumentException("line " + number + ": bad TYPE line: " + line);
                }
            } else if (line.startsWith("# HELP")) {
                if (!NAME.matcher(line.split(" ", 4)[2]).matches()) {
                    throw new IllegalArgumentException("line " + number + ": bad HELP line: " + line);
                }
            } else if (!line.startsWith("#")) {
                if (!SAMPLE.matcher(line).matches()) {
                    throw new IllegalArgumentException("line " + number + ": not a sample: " + line);
                }
                samples.add(line);
            }
        }
        return samples;
    }
}
