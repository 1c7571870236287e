package paperboy.assemble;

import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import paperboy.model.Digest;
import paperboy.model.Lazy;
import paperboy.model.Paper;
import paperboy.model.Theme;

/**
 * A digest's papers with a few of them replaced (a daily build's new papers, given their themes), as views over the
 * digest's own list and slug map: made in O(replaced), so an archive read lazily is not read whole. They are
 * {@link Lazy}, so the digest keeps them as they are.
 */
final class ReplacedPapers {
    private ReplacedPapers() {}

    /** {@code digest} with the papers of {@code replaced} (by slug) in place of its own, and these themes. */
    static Digest in(Digest digest, Map<String, Paper> replaced, List<Theme> themes) {
        Map<String, Theme> themesBySlug = themes.stream().collect(Collectors.toMap(Theme::slug, Function.identity()));
        if (replaced.isEmpty()) {
            return new Digest(digest.days(), digest.papers(), themes, digest.papersBySlug(), themesBySlug,
                    digest.editorial(), digest.retiredThemes());
        }
        Map<String, Paper> copy = Map.copyOf(replaced);
        return new Digest(digest.days(), new Papers(digest, copy), themes, new BySlug(digest.papersBySlug(), copy),
                themesBySlug, digest.editorial(), digest.retiredThemes());
    }

    private static Paper replace(Paper p, Map<String, Paper> replaced) {
        return p == null ? null : replaced.getOrDefault(p.slug(), p);
    }

    /** The papers in the digest's order; its first-seen order asked of the digest (lazily when it is lazy). */
    private static final class Papers extends AbstractList<Paper> implements Lazy.Papers, RandomAccess {
        private final Digest digest;
        private final Map<String, Paper> replaced;

        Papers(Digest digest, Map<String, Paper> replaced) {
            this.digest = digest;
            this.replaced = replaced;
        }

        @Override
        public Paper get(int i) {
            return replace(digest.papers().get(i), replaced);
        }

        @Override
        public int size() {
            return digest.papers().size();
        }

        @Override
        public List<Paper> inFirstSeenOrder() {
            return new InOrder(digest.firstSeenOrder(), replaced);
        }
    }

    private static final class InOrder extends AbstractList<Paper> implements RandomAccess {
        private final List<Paper> order;
        private final Map<String, Paper> replaced;

        InOrder(List<Paper> order, Map<String, Paper> replaced) {
            this.order = order;
            this.replaced = replaced;
        }

        @Override
        public Paper get(int i) {
            return replace(order.get(i), replaced);
        }

        @Override
        public int size() {
            return order.size();
        }
    }

    private static final class BySlug extends AbstractMap<String, Paper> implements Lazy {
        private final Map<String, Paper> base;
        private final Map<String, Paper> replaced;

        BySlug(Map<String, Paper> base, Map<String, Paper> replaced) {
            this.base = base;
            this.replaced = replaced;
        }

        @Override
        public Paper get(Object slug) {
            Paper p = replaced.get(slug);
            return p != null ? p : base.get(slug);
        }

        @Override
        public boolean containsKey(Object slug) {
            return replaced.containsKey(slug) || base.containsKey(slug);
        }

        @Override
        public int size() {
            return base.size();
        }

        @Override
        public Set<Entry<String, Paper>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, Paper>> iterator() {
                    return base.entrySet().stream()
                            .map(e -> replaced.containsKey(e.getKey()) ? Map.entry(e.getKey(), replaced.get(e.getKey())) : e)
                            .iterator();
                }

                @Override
                public int size() {
                    return base.size();
                }
            };
        }
    }
}
