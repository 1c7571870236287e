package paperboy.render;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import paperboy.model.Digest;
import paperboy.model.Paper;

/**
 * The cleaned title and abstract of each paper of one digest, each cleaned once per build: a paper's abstract
 * shows on its page, on every day page that lists it, in feeds, e-mail editions, the search index and the data
 * file, and {@link paperboy.text.CleanText} is not free. Thread-safe; papers are keyed by slug (unique in a
 * digest).
 */
public final class PaperTexts {
    private final Digest digest;
    private final Map<String, String> titles = new ConcurrentHashMap<>();
    private final Map<String, String> abstracts = new ConcurrentHashMap<>();

    public PaperTexts(Digest digest) {
        this.digest = digest;
    }

    /** Whether these texts are those of {@code d} (the same digest object). */
    boolean isOf(Digest d) {
        return digest == d;
    }

    public String title(Paper p) {
        String t = titles.get(p.slug());
        if (t != null) return t;
        t = Views.cleanTitle(p);
        titles.putIfAbsent(p.slug(), t);
        return t;
    }

    public String abstractText(Paper p) {
        String a = abstracts.get(p.slug());
        if (a != null) return a;
        a = Views.cleanAbstract(p);
        abstracts.putIfAbsent(p.slug(), a);
        return a;
    }
}
