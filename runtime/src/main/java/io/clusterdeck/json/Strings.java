package io.clusterdeck.json;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** Small helpers for messages that help users spot a typo. */
public final class Strings {
    private Strings() {
    }

    /** Levenshtein edit distance. */
    public static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** The candidate closest to a misspelt word, when it is close enough to be what was meant. */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        return candidates.stream()
                .min(Comparator.comparingInt(c -> distance(c, word)))
                .filter(c -> distance(c, word) <= Math.max(2, word.length() / 3));
    }
}
