package paperboy.assemble;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Identity keys that recognise one paper across listings despite small differences.
 * Both are exact-match hash keys, so deduplication stays linear in the number of listings.
 */
public final class Keys {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+");
    /** Abstracts shorter than this are too weak an identity on their own. */
    private static final int MIN_ABSTRACT_WORDS = 20;
    private static final int ABSTRACT_KEY_WORDS = 40;

    private Keys() {}

    /** Case, accents, punctuation and spacing do not count: "RetroMAE v2:  ... Models." is RetroMAE v2. */
    public static String title(String title) {
        return words(title);
    }

    /**
     * The abstract's first words with links removed, so a paper whose title was retyped is still
     * recognised by its abstract. Empty for short abstracts.
     */
    public static Optional<String> abstractText(String abstractText) {
        Optional<String> fast = asciiAbstractKey(abstractText);
        if (fast != null) return fast;
        String noLinks = mayHaveLink(abstractText) ? URL.matcher(abstractText).replaceAll(" ") : abstractText;
        String[] w = words(noLinks).split(" ");
        if (w.length < MIN_ABSTRACT_WORDS) return Optional.empty();
        return Optional.of(Arrays.stream(w).limit(ABSTRACT_KEY_WORDS).collect(Collectors.joining(" ")));
    }

    private static String words(String s) {
        if (isAscii(s)) return asciiWords(s); // same result, without Unicode normalisation and regexes
        String folded = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFKD)).replaceAll("");
        return NON_ALNUM.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /** Every URL the pattern finds contains "http" or "www." in some case; most abstracts have neither. */
    private static boolean mayHaveLink(String s) {
        for (int i = s.indexOf(':'); i >= 0; i = s.indexOf(':', i + 1)) {
            if (i >= 4 && s.regionMatches(true, i - 4, "http", 0, 4) || i >= 5 && s.regionMatches(true, i - 5, "https", 0, 5)) {
                return true;
            }
        }
        for (int i = s.indexOf('.'); i >= 0; i = s.indexOf('.', i + 1)) {
            if (i >= 3 && s.regionMatches(true, i - 3, "www", 0, 3)) return true;
        }
        return false;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) return false;
        }
        return true;
    }

    /** {@link #words} for ASCII text: NFKD changes nothing, letters and digits are [A-Za-z0-9]. */
    private static String asciiWords(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean gap = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean alnum = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z';
            if (alnum) {
                if (gap && b.length() > 0) b.append(' ');
                gap = false;
                b.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
            } else {
                gap = true;
            }
        }
        return b.toString();
    }

    /**
     * {@link #abstractText} read only as far as the key's last word: exact when that much of the text is ASCII
     * and holds no link (a link or a non-ASCII character further on cannot change the first words). Null when
     * the text needs the full treatment.
     */
    @SuppressWarnings("OptionalAssignedToNull")
    private static Optional<String> asciiAbstractKey(String s) {
        StringBuilder b = new StringBuilder(400);
        int words = 0;
        boolean inWord = false;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) return null;
            boolean alnum = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z';
            if (alnum) {
                if (!inWord) {
                    if (words == ABSTRACT_KEY_WORDS) break;
                    if (words > 0) b.append(' ');
                    words++;
                    inWord = true;
                }
                b.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
            } else {
                inWord = false;
                if (c == ':' && (endsWithIgnoreCase(s, i, "http") || endsWithIgnoreCase(s, i, "https"))) return null;
                if (c == '.' && endsWithIgnoreCase(s, i, "www")) return null;
            }
        }
        return words < MIN_ABSTRACT_WORDS ? Optional.empty() : Optional.of(b.toString());
    }

    private static boolean endsWithIgnoreCase(String s, int end, String suffix) {
        return end >= suffix.length() && s.regionMatches(true, end - suffix.length(), suffix, 0, suffix.length());
    }
}
