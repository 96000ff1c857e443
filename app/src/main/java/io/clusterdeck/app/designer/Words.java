package io.clusterdeck.app.designer;

/** Counted nouns for the sentences the designer shows. */
final class Words {
    private Words() {
    }

    /** {@code 1 problem}, {@code 2 problems}, {@code 3 processes}. */
    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : noun.endsWith("s") ? "es" : "s");
    }
}
