package io.clusterdeck.examples;

import io.clusterdeck.function.Access;
import io.clusterdeck.function.ArgumentException;
import io.clusterdeck.function.ClusterFunction;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Text functions: pure, so they can run anywhere and be retried freely. */
public final class Text {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['\u2019-][\\p{L}\\p{N}]+)*");
    private static final int MAX_TOP = 100;

    /** How often a word occurs. */
    public record Frequency(String word, int count) {
    }

    /** The words of a text: how many, how many different ones, and the most frequent. */
    public record WordCount(int words, int distinct, List<Frequency> top) {
    }

    /**
     * Counts the words of a text, case-insensitively; ties in the top list are broken alphabetically.
     *
     * @param top how many of the most frequent words to list; 3 when not given
     */
    @ClusterFunction(name = "text/wordcount", access = Access.PUBLIC, idempotent = true,
            description = "Counts the words of a text and lists the most frequent ones.")
    public static WordCount wordcount(String text, Optional<Integer> top) {
        int limit = top.orElse(3);
        if (limit < 0 || limit > MAX_TOP) {
            throw new ArgumentException("top", "must be between 0 and " + MAX_TOP + ", was " + limit);
        }
        var counts = new HashMap<String, Integer>();
        int words = 0;
        var matcher = WORD.matcher(text);
        while (matcher.find()) {
            counts.merge(matcher.group().toLowerCase(Locale.ROOT), 1, Integer::sum);
            words++;
        }
        var frequent = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .map(e -> new Frequency(e.getKey(), e.getValue()))
                .toList();
        return new WordCount(words, counts.size(), frequent);
    }
}
