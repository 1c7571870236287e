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
        String[] w = words(URL.matcher(abstractText).replaceAll(" ")).split(" ");
        if (w.length < MIN_ABSTRACT_WORDS) return Optional.empty();
        return Optional.of(Arrays.stream(w).limit(ABSTRACT_KEY_WORDS).collect(Collectors.joining(" ")));
    }

    private static String words(String s) {
        String folded = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFKD)).replaceAll("");
        return NON_ALNUM.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
