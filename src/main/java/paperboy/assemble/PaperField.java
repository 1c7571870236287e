package paperboy.assemble;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import paperboy.model.Paper;

/**
 * One field of every paper (its themes, its related papers), by slug: a read-only view of a digest's papers, made
 * in O(1) instead of a map of 128,000 entries copied out of them.
 */
public final class PaperField extends AbstractMap<String, List<String>> {
    private final Map<String, Paper> papers;
    private final Function<Paper, List<String>> field;

    public PaperField(Map<String, Paper> papersBySlug, Function<Paper, List<String>> field) {
        this.papers = papersBySlug;
        this.field = field;
    }

    @Override
    public List<String> get(Object slug) {
        Paper p = papers.get(slug);
        return p == null ? null : field.apply(p);
    }

    @Override
    public boolean containsKey(Object slug) {
        return papers.containsKey(slug);
    }

    @Override
    public int size() {
        return papers.size();
    }

    @Override
    public java.util.Set<Entry<String, List<String>>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, List<String>>> iterator() {
                return papers.values().stream().map(p -> Map.entry(p.slug(), field.apply(p))).iterator();
            }

            @Override
            public int size() {
                return papers.size();
            }
        };
    }
}
