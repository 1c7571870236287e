package paperboy.state;

import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import java.util.stream.IntStream;
import paperboy.assemble.PaperIdentities;
import paperboy.model.Day;
import paperboy.model.Digest;
import paperboy.model.Lazy;
import paperboy.model.Paper;
import paperboy.model.RetiredTheme;
import paperboy.model.Theme;
import paperboy.text.Hash128;

/**
 * The months of the archive kept, each read, checked and decoded when a build first reads a day or a paper of it:
 * the digest and the identities a daily build starts from are views over them ({@link Lazy}); the months' indexes
 * say which month holds a slug or an identity key. Counts the months it decoded, for the build report.
 */
final class KeptMonths {

    /** A month as the manifest names it, where it is, its index and its texts. */
    record Entry(ArchiveStore.MonthFile file, java.nio.file.Path path, MonthIndex index, Texts.File texts) {}

    /** Reads, checks and opens one month; throws {@link ArchiveStore.Damaged} when it cannot. */
    interface Opener {
        OpenedMonth open(Entry e);
    }

    private final List<Entry> entries;
    private final Opener opener;
    private final AtomicReferenceArray<OpenedMonth> opened;
    private final int[] paperStart;
    private final int[] dayStart;
    private final int papers;
    private final int days;
    private final int listings;
    /**
     * Every month's slug hashes in one sorted array, each as its first 48 bits then the month's number (16 bits):
     * a lookup is one binary search, not one per month (a build that does look up every paper does 128,000).
     */
    private final long[] slugMonths;

    KeptMonths(List<Entry> entries, Opener opener) {
        this.entries = List.copyOf(entries);
        this.opener = opener;
        this.opened = new AtomicReferenceArray<>(entries.size());
        paperStart = new int[entries.size()];
        dayStart = new int[entries.size()];
        int p = 0, d = 0, l = 0;
        for (int m = 0; m < entries.size(); m++) {
            paperStart[m] = p;
            dayStart[m] = d;
            p += entries.get(m).file().papers();
            d += entries.get(m).file().days();
            l += entries.get(m).file().listings();
        }
        papers = p;
        days = d;
        listings = l;
        long[] all = new long[p];
        int n = 0;
        for (int m = 0; m < entries.size(); m++) {
            for (long h : entries.get(m).index().slugs()) all[n++] = (h & ~0xFFFFL) | m;
        }
        slugMonths = Arrays.copyOf(all, n);
        Arrays.sort(slugMonths);
    }

    List<Entry> entries() {
        return entries;
    }

    int size() {
        return entries.size();
    }

    /** Month {@code m}, opened on first use (two threads asking at once may both open it: the same result). */
    OpenedMonth month(int m) {
        OpenedMonth x = opened.get(m);
        if (x != null) return x;
        x = opener.open(entries.get(m));
        return opened.compareAndSet(m, null, x) ? x : opened.get(m);
    }

    /** Month {@code m} if a build read any of it. */
    java.util.Optional<OpenedMonth> ifOpened(int m) {
        return java.util.Optional.ofNullable(opened.get(m));
    }

    /** How many months were read so far. */
    int openedCount() {
        return (int) IntStream.range(0, entries.size()).filter(m -> opened.get(m) != null).count();
    }

    /** How many papers were decoded so far. */
    int papersDecoded() {
        return IntStream.range(0, entries.size()).mapToObj(opened::get).filter(java.util.Objects::nonNull)
                .mapToInt(o -> o.decodedPapers().cardinality()).sum();
    }

    /** Where month {@code m}'s papers start in the first-seen order, and its days among the days. */
    int paperStart(int m) {
        return paperStart[m];
    }

    int dayStart(int m) {
        return dayStart[m];
    }

    int papers() {
        return papers;
    }

    /** The month holding the {@code i}th of the items whose months start at {@code starts}. */
    private static int monthAt(int[] starts, int i) {
        int lo = 0, hi = starts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= i) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }

    Paper inFirstSeenOrder(int i) {
        int m = monthAt(paperStart, i);
        return month(m).paper(i - paperStart[m]);
    }

    private Paper bySlug(Object slug) {
        if (!(slug instanceof String s)) return null;
        int[] at = placeOf(s);
        return at == null ? null : month(at[0]).paper(at[1]);
    }

    /** The month and place of the paper of this slug, or null; a hash shared by chance costs a paper decoded. */
    private int[] placeOf(String slug) {
        long hash = MonthIndex.slug(slug);
        long h = hash & ~0xFFFFL;
        int i = Arrays.binarySearch(slugMonths, h);
        if (i < 0) i = -i - 1;
        for (; i < slugMonths.length && (slugMonths[i] & ~0xFFFFL) == h; i++) {
            int m = (int) (slugMonths[i] & 0xFFFF);
            int k = month(m).placeOf(slug, hash);
            if (k >= 0) return new int[] {m, k};
        }
        return null;
    }

    /** The digest, lazy throughout (its papers in slug order are read and sorted only when iterated). */
    Digest digest(List<Theme> themes, List<RetiredTheme> retired) {
        Map<String, Paper> bySlug = new LazyMap<>(this::bySlug, papers, () -> IntStream.range(0, entries.size())
                .boxed().flatMap(m -> month(m).papers().stream()).map(p -> Map.entry(p.slug(), p)).iterator());
        return new Digest(new Days(), new Papers(), themes, bySlug, index(themes), paperboy.model.Editorial.empty(),
                retired);
    }

    private static Map<String, Theme> index(List<Theme> themes) {
        Map<String, Theme> out = new java.util.HashMap<>();
        for (Theme t : themes) out.put(t.slug(), t);
        return out;
    }

    /** Who owns each identity key: asked of the months whose index may hold it. */
    Map<Hash128.Value, String> owners() {
        return new LazyMap<>(key -> {
            if (!(key instanceof Hash128.Value k)) return null;
            for (int m = entries.size() - 1; m >= 0; m--) {
                if (entries.get(m).index().mayHoldKey(k)) {
                    java.util.Optional<String> owner = month(m).owner(k);
                    if (owner.isPresent()) return owner.get();
                }
            }
            return null;
        }, -1, () -> IntStream.range(0, entries.size()).boxed()
                .flatMap(m -> month(m).owners().entrySet().stream()).iterator());
    }

    /** The papers' variants, by slug: asked of the month that holds the slug. */
    Map<String, PaperIdentities.Variants> variants() {
        return new LazyMap<>(slug -> {
            if (!(slug instanceof String s)) return null;
            int[] at = placeOf(s);
            return at == null ? null : month(at[0]).variants(at[1]).orElse(null);
        }, -1, () -> IntStream.range(0, entries.size()).boxed()
                .flatMap(m -> month(m).variants().entrySet().stream()).iterator());
    }

    /** A theme's members as the manifest numbers them: read when asked for. */
    List<String> members(int[] numbers) {
        return new Members(numbers);
    }

    /** A theme's members kept by number (see {@link #members}). */
    final class Members extends AbstractList<String> implements Lazy, RandomAccess {
        private final int[] numbers;

        Members(int[] numbers) {
            this.numbers = numbers;
        }

        int[] numbers() {
            return numbers;
        }

        /** Whether these are members of {@code months}' archive: their numbers hold there. */
        boolean of(KeptMonths months) {
            return months == KeptMonths.this;
        }

        @Override
        public String get(int i) {
            return inFirstSeenOrder(numbers[i]).slug();
        }

        @Override
        public int size() {
            return numbers.length;
        }
    }

    private final class Days extends AbstractList<Day> implements Lazy.Days, RandomAccess {
        @Override
        public Day get(int i) {
            if (i < 0 || i >= days) throw new IndexOutOfBoundsException(i);
            int m = monthAt(dayStart, i);
            return month(m).days().get(i - dayStart[m]);
        }

        @Override
        public int size() {
            return days;
        }

        @Override
        public int listingCount() {
            return listings;
        }
    }

    /** The papers by slug: every month decoded and sorted on first read, which a daily build does not do. */
    private final class Papers extends AbstractList<Paper> implements Lazy.Papers, RandomAccess {
        private List<Paper> sorted;

        @Override
        public Paper get(int i) {
            return all().get(i);
        }

        @Override
        public int size() {
            return papers;
        }

        private synchronized List<Paper> all() {
            if (sorted == null) {
                List<Paper> out = new ArrayList<>(papers);
                IntStream.range(0, entries.size()).parallel().forEach(KeptMonths.this::month);
                for (int m = 0; m < entries.size(); m++) out.addAll(month(m).papers());
                out.sort(Comparator.comparing(Paper::slug));
                sorted = List.copyOf(out);
            }
            return sorted;
        }

        @Override
        public List<Paper> inFirstSeenOrder() {
            return new InOrder();
        }
    }

    private final class InOrder extends AbstractList<Paper> implements RandomAccess {
        @Override
        public Paper get(int i) {
            if (i < 0 || i >= papers) throw new IndexOutOfBoundsException(i);
            return inFirstSeenOrder(i);
        }

        @Override
        public int size() {
            return papers;
        }
    }

    /** A read-only map answered by a lookup function; iterating it reads every month. */
    private static final class LazyMap<K, V> extends AbstractMap<K, V> implements Lazy {
        private final Function<Object, V> lookup;
        private final int size;
        private final java.util.function.Supplier<Iterator<Entry<K, V>>> all;

        LazyMap(Function<Object, V> lookup, int size, java.util.function.Supplier<Iterator<Entry<K, V>>> all) {
            this.lookup = lookup;
            this.size = size;
            this.all = all;
        }

        @Override
        public V get(Object key) {
            return lookup.apply(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return lookup.apply(key) != null;
        }

        @Override
        public int size() {
            if (size >= 0) return size;
            int n = 0;
            for (Iterator<Entry<K, V>> it = all.get(); it.hasNext(); it.next()) n++;
            return n;
        }

        @Override
        public Set<Entry<K, V>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<K, V>> iterator() {
                    return all.get();
                }

                @Override
                public int size() {
                    return LazyMap.this.size();
                }
            };
        }
    }
}
