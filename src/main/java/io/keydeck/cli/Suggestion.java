package io.keydeck.cli;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean …?" for a mistyped command or option: the closest known word, if it is close. */
final class Suggestion {
    private Suggestion() {
    }

    /** The known word nearest to {@code typed} (edit distance up to 2, or one starts with the other), if any. */
    static Optional<String> closest(String typed, Collection<String> known) {
        String word = typed.toLowerCase(Locale.ROOT);
        return known.stream()
                .filter(candidate -> distance(word, candidate) <= Math.min(2, Math.max(1, candidate.length() / 3))
                        || word.length() >= 3 && candidate.startsWith(word)
                        || word.length() >= 3 && word.startsWith(candidate))
                .min(Comparator.comparingInt(candidate -> distance(word, candidate)));
    }

    /** " — did you mean 'x'?" or nothing. */
    static String didYouMean(String typed, Collection<String> known) {
        return closest(typed, known).map(word -> " — did you mean '" + word + "'?").orElse("");
    }

    /** Levenshtein distance with adjacent swaps counted as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
