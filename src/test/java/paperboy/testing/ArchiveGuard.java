package paperboy.testing;

import java.time.YearMonth;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import paperboy.model.Day;
import paperboy.model.Digest;
import paperboy.model.Lazy;
import paperboy.model.Paper;

/**
 * A digest as a daily build gets it from the archive kept ({@link Lazy} days and papers), that records which months
 * a build reads: every day or paper asked for marks its month (a paper by the month it was first seen), and
 * iterating every paper or the slug map marks the archive as walked. Tests of the daily path assert that it reads
 * only the months a new day reaches.
 */
public final class ArchiveGuard {
    private final Set<YearMonth> months = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean walked = new AtomicBoolean();
    private final Digest digest;

    public ArchiveGuard(Digest plain) {
        List<Paper> order = plain.firstSeenOrder();
        this.digest = new Digest(new Days(plain.days()), new Papers(plain.papers(), order),
                plain.themes(), new BySlug(plain.papersBySlug()), plain.themesBySlug(), plain.editorial(),
                plain.retiredThemes());
    }

    /** The guarded digest: the same content, read through the guard. */
    public Digest digest() {
        return digest;
    }

    /** The months read so far. */
    public Set<YearMonth> months() {
        return Set.copyOf(months);
    }

    /** Whether every paper was iterated (the papers' list or the slug map). */
    public boolean walked() {
        return walked.get();
    }

    private Paper seen(Paper p) {
        if (p != null) months.add(YearMonth.from(p.firstSeen()));
        return p;
    }

    private final class Days extends AbstractList<Day> implements Lazy.Days, RandomAccess {
        private final List<Day> days;
        private final int listings;

        Days(List<Day> days) {
            this.days = days;
            this.listings = days.stream().mapToInt(d -> d.listings().size()).sum();
        }

        @Override
        public Day get(int i) {
            Day d = days.get(i);
            months.add(YearMonth.from(d.date()));
            return d;
        }

        @Override
        public int size() {
            return days.size();
        }

        @Override
        public int listingCount() {
            return listings;
        }
    }

    private final class Papers extends AbstractList<Paper> implements Lazy.Papers, RandomAccess {
        private final List<Paper> papers;
        private final List<Paper> order;

        Papers(List<Paper> papers, List<Paper> order) {
            this.papers = papers;
            this.order = order;
        }

        @Override
        public Paper get(int i) {
            walked.set(true); // slug order spans every month: any read of it is a walk
            return seen(papers.get(i));
        }

        @Override
        public int size() {
            return papers.size();
        }

        @Override
        public List<Paper> inFirstSeenOrder() {
            return new InOrder(order);
        }
    }

    private final class InOrder extends AbstractList<Paper> implements RandomAccess {
        private final List<Paper> order;

        InOrder(List<Paper> order) {
            this.order = order;
        }

        @Override
        public Paper get(int i) {
            return seen(order.get(i));
        }

        @Override
        public int size() {
            return order.size();
        }
    }

    private final class BySlug extends AbstractMap<String, Paper> implements Lazy {
        private final Map<String, Paper> bySlug;

        BySlug(Map<String, Paper> bySlug) {
            this.bySlug = bySlug;
        }

        @Override
        public Paper get(Object slug) {
            return seen(bySlug.get(slug));
        }

        @Override
        public boolean containsKey(Object slug) {
            return seen(bySlug.get(slug)) != null;
        }

        @Override
        public int size() {
            return bySlug.size();
        }

        @Override
        public Set<Entry<String, Paper>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, Paper>> iterator() {
                    walked.set(true);
                    return bySlug.entrySet().iterator();
                }

                @Override
                public int size() {
                    return bySlug.size();
                }
            };
        }
    }
}
