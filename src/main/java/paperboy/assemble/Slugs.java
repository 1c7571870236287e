package paperboy.assemble;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Readable, unique URL slugs. Hand out slugs in first-seen order: a paper keeps its slug when later days
 * are added, and the later of two same-titled papers gets the {@code -2} suffix.
 */
public final class Slugs {
    static final int MAX_LENGTH = 64;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_SLUG = Pattern.compile("[^a-z0-9]+");

    private final Set<String> taken = new HashSet<>();
    /** Slugs handed out before this instance: asked, not copied (a daily build appends to 128,000). */
    private final java.util.function.Predicate<String> takenBefore;

    public Slugs() {
        this(slug -> false);
    }

    /** Slugs that go on after those {@code takenBefore} says were handed out. */
    public Slugs(java.util.function.Predicate<String> takenBefore) {
        this.takenBefore = takenBefore;
    }

    /** "RetroMAE v2: Duplex Masked Auto-Encoder ..." becomes {@code retromae-v2-duplex-masked-auto-encoder-...}. */
    public static String base(String text) {
        String s = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        s = NON_SLUG.matcher(s.toLowerCase(Locale.ROOT)).replaceAll("-");
        s = trimDashes(s);
        if (s.length() > MAX_LENGTH) {
            int cut = s.lastIndexOf('-', MAX_LENGTH);
            s = trimDashes(s.substring(0, cut > MAX_LENGTH / 2 ? cut : MAX_LENGTH));
        }
        return s.isEmpty() ? "paper" : s;
    }

    /** A slug for {@code text} not handed out before by this instance. */
    public String unique(String text) {
        String base = base(text);
        String slug = base;
        for (int n = 2; takenBefore.test(slug) || !taken.add(slug); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }

    private static String trimDashes(String s) {
        int a = 0, b = s.length();
        while (a < b && s.charAt(a) == '-') a++;
        while (b > a && s.charAt(b - 1) == '-') b--;
        return s.substring(a, b);
    }
}
