package paperboy.themes.embed;

import paperboy.model.Paper;

/** What of a paper is embedded: "title. abstract", cut to its first {@link #MAX_WORDS} words. */
public final class PaperText {
    /**
     * Costs grow with the length (the model reads up to 512 word pieces); the first 200 words (about 260
     * word pieces) hold the title and the abstract's statement of what the paper does.
     */
    static final int MAX_WORDS = 200;

    private PaperText() {}

    public static String of(Paper p) {
        return of(p.title(), p.abstractRaw().orElse(""));
    }

    public static String of(String title, String abstractText) {
        String t = title.strip();
        String text = abstractText.isBlank() ? t : t + (t.endsWith(".") ? " " : ". ") + abstractText.strip();
        String[] words = text.split("\\s+");
        if (words.length <= MAX_WORDS) return String.join(" ", words);
        return String.join(" ", java.util.Arrays.copyOf(words, MAX_WORDS));
    }
}
