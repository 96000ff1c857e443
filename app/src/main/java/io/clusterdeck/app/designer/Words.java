package io.clusterdeck.app.designer;

/** Counted nouns for the sentences the designer shows. */
public final class Words {
    private Words() {
    }

    /** {@code 1 problem}, {@code 2 problems}, {@code 3 processes}. */
    public static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : noun.endsWith("s") ? "es" : "s");
    }
}
