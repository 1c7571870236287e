package paperboy.model;

import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A digest with days appended and some papers revised, made over an earlier digest without copying it: a daily
 * build adds fifty papers and a day to 128,000 papers and 3,650 days read from the archive kept ({@link Lazy}), and
 * reads of the earlier digest happen only where the build asks. Lookups are O(1) over the earlier digest's; only
 * iterating the papers in slug order reads them all (and sorts once).
 */
final class Revision {
    private Revision() {}

    /**
     * @param revised  papers of {@code base} as they are now, by slug
     * @param added    papers new to {@code base}, in first-seen order: first seen on {@code newDays}, after every
     *                 paper of {@code base}
     */
    static Digest of(Digest base, List<Day> newDays, Map<String, Paper> revised, List<Paper> added,
                     List<Theme> themes, Map<String, Theme> themesBySlug) {
        Map<String, Paper> top = new HashMap<>(revised);
        for (Paper p : added) top.put(p.slug(), p);
        BySlug bySlug = new BySlug(base.papersBySlug(), Map.copyOf(top), base.papers().size() + added.size());
        Papers papers = new Papers(base, bySlug, List.copyOf(added));
        return new Digest(new Days(base.days(), List.copyOf(newDays)), papers, themes, bySlug, themesBySlug,
                base.editorial(), base.retiredThemes());
    }

    private static final class Days extends AbstractList<Day> implements Lazy.Days, RandomAccess {
        private final List<Day> base;
        private final List<Day> added;

        Days(List<Day> base, List<Day> added) {
            this.base = base;
            this.added = added;
        }

        @Override
        public Day get(int i) {
            return i < base.size() ? base.get(i) : added.get(i - base.size());
        }

        @Override
        public int size() {
            return base.size() + added.size();
        }

        @Override
        public int listingCount() {
            int n = base instanceof Lazy.Days kept ? kept.listingCount()
                    : base.stream().mapToInt(d -> d.listings().size()).sum();
            for (Day d : added) n += d.listings().size();
            return n;
        }
    }

    /** The papers by slug: read from the earlier digest and sorted only when iterated, which a daily build does not. */
    private static final class Papers extends AbstractList<Paper> implements Lazy.Papers, RandomAccess {
        private final Digest base;
        private final BySlug bySlug;
        private final List<Paper> added;
        private List<Paper> sorted;

        Papers(Digest base, BySlug bySlug, List<Paper> added) {
            this.base = base;
            this.bySlug = bySlug;
            this.added = added;
        }

        @Override
        public Paper get(int i) {
            return all().get(i);
        }

        @Override
        public int size() {
            return base.papers().size() + added.size();
        }

        private synchronized List<Paper> all() {
            if (sorted == null) {
                List<Paper> out = new ArrayList<>(size());
                for (Paper p : base.papers()) out.add(bySlug.top.getOrDefault(p.slug(), p));
                out.addAll(added);
                out.sort(Comparator.comparing(Paper::slug));
                sorted = List.copyOf(out);
            }
            return sorted;
        }

        @Override
        public List<Paper> inFirstSeenOrder() {
            List<Paper> before = base.firstSeenOrder();
            return new InOrder(before, bySlug.top, added);
        }
    }

    private static final class InOrder extends AbstractList<Paper> implements RandomAccess {
        private final List<Paper> base;
        private final Map<String, Paper> top;
        private final List<Paper> added;

        InOrder(List<Paper> base, Map<String, Paper> top, List<Paper> added) {
            this.base = base;
            this.top = top;
            this.added = added;
        }

        @Override
        public Paper get(int i) {
            if (i >= base.size()) return added.get(i - base.size());
            Paper p = base.get(i);
            return top.getOrDefault(p.slug(), p);
        }

        @Override
        public int size() {
            return base.size() + added.size();
        }
    }

    private static final class BySlug extends AbstractMap<String, Paper> implements Lazy {
        private final Map<String, Paper> base;
        private final Map<String, Paper> top;
        private final int size;

        BySlug(Map<String, Paper> base, Map<String, Paper> top, int size) {
            this.base = base;
            this.top = top;
            this.size = size;
        }

        @Override
        public Paper get(Object slug) {
            Paper p = top.get(slug);
            return p != null ? p : base.get(slug);
        }

        @Override
        public boolean containsKey(Object slug) {
            return top.containsKey(slug) || base.containsKey(slug);
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public Set<Entry<String, Paper>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, Paper>> iterator() {
                    return Stream.concat(base.entrySet().stream().filter(e -> !top.containsKey(e.getKey())),
                            top.entrySet().stream()).iterator();
                }

                @Override
                public int size() {
                    return size;
                }
            };
        }
    }
}
