package paperboy.render;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import paperboy.model.Digest;
import paperboy.model.Paper;
import paperboy.text.CleanText;

/**
 * The cleaned title and abstract of each paper of one digest, each cleaned once per build: a paper's abstract
 * shows on its page, on every day page that lists it, in feeds, e-mail editions, the search index and the data
 * file, and {@link CleanText} is not free. Thread-safe; papers are keyed by slug (unique in a
 * digest).
 */
public final class PaperTexts {
    private final Digest digest;
    private final Map<String, String> titles = new ConcurrentHashMap<>();
    private final Map<String, String> abstracts = new ConcurrentHashMap<>();
    private final Map<String, String> abstractHtml = new ConcurrentHashMap<>();

    public PaperTexts(Digest digest) {
        this.digest = digest;
    }

    /** Whether these texts are those of {@code d} (the same digest object). */
    boolean isOf(Digest d) {
        return digest == d;
    }

    public String title(Paper p) {
        return cached(titles, p, q -> CleanText.clean(q.title()));
    }

    public String abstractText(Paper p) {
        return cached(abstracts, p, q -> q.abstractRaw().map(CleanText::clean).orElse(""));
    }

    /**
     * The cleaned abstract as HTML with its web addresses as links ({@link PaperLinks#linkify}): a paper's page,
     * every day page that lists it and the feeds show the same.
     */
    public String abstractHtml(Paper p) {
        return cached(abstractHtml, p, q -> {
            // Most abstracts need no escape and hold no address: kept once, not twice, for the build.
            String text = abstractText(q), html = PaperLinks.linkify(text);
            return html.equals(text) ? text : html;
        });
    }

    /** Cleaned outside the map's locks: two threads may clean one text at once, and keep the same result. */
    private static String cached(Map<String, String> texts, Paper p, Function<Paper, String> clean) {
        String t = texts.get(p.slug());
        if (t != null) return t;
        t = clean.apply(p);
        String earlier = texts.putIfAbsent(p.slug(), t);
        return earlier != null ? earlier : t;
    }

    /** The text cut at a word boundary near {@code max} characters, with an ellipsis when cut. */
    public static String teaser(String text, int max) {
        if (text.length() <= max) return text;
        int cut = text.lastIndexOf(' ', max);
        return text.substring(0, cut > max / 2 ? cut : max).stripTrailing() + "…";
    }
}
