package paperboy.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.RandomAccess;
import paperboy.model.Day;
import paperboy.model.Digest;

/**
 * The days of a digest as counts: each day's date, how many papers it lists and how many of them are new, and its
 * place among the days. Links to a day, the archive, the data index and the periods need only these, so a scoped
 * build takes them from the previous build's {@code data/index.json} (a day's counts never change once it is
 * followed by another) and reads only the days appended since; a full build counts every day. A {@link Day} itself
 * is read only when asked for ({@link #day}).
 */
public final class ArchiveDays {
    private final Digest digest;
    private final LocalDate[] dates;
    private final List<LocalDate> dateList;
    private final int[] listings;
    private final int[] fresh;
    /** Per day, the place of its first new paper in the first-seen order: the new counts of the days before it. */
    private final int[] firstSeenStart;
    private final Map<LocalDate, Integer> index;
    private final boolean kept;

    private ArchiveDays(Digest digest, List<LocalDate> dates, List<Integer> listings, List<Integer> fresh, boolean kept) {
        this.digest = digest;
        int n = dates.size();
        this.dates = dates.toArray(LocalDate[]::new);
        this.dateList = List.of(this.dates);
        this.listings = listings.stream().mapToInt(Integer::intValue).toArray();
        this.fresh = fresh.stream().mapToInt(Integer::intValue).toArray();
        this.firstSeenStart = new int[n + 1];
        this.index = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            firstSeenStart[i + 1] = firstSeenStart[i] + this.fresh[i];
            index.put(this.dates[i], i);
        }
        this.kept = kept;
    }

    /** Every day of {@code digest} counted: a walk over the archive. */
    public static ArchiveDays counted(Digest digest) {
        List<LocalDate> dates = new ArrayList<>();
        List<Integer> listings = new ArrayList<>(), fresh = new ArrayList<>();
        for (Day d : digest.days()) {
            dates.add(d.date());
            listings.add(d.listings().size());
            fresh.add((int) d.newCount());
        }
        return new ArchiveDays(digest, dates, listings, fresh, false);
    }

    /**
     * For a render of {@code scope}: a scoped one from the kept data index and the days after its latest, when
     * that index is there and agrees with the digest; else every day counted.
     */
    public static ArchiveDays of(Digest digest, Scope scope) {
        if (scope.everything()) return counted(digest);
        return fromKept(digest, scope).orElseGet(() -> counted(digest));
    }

    private static Optional<ArchiveDays> fromKept(Digest digest, Scope scope) {
        Optional<byte[]> bytes = scope.kept().read(SitePaths.DATA_INDEX);
        if (bytes.isEmpty()) return Optional.empty();
        List<LocalDate> dates = new ArrayList<>();
        List<Integer> listings = new ArrayList<>(), fresh = new ArrayList<>();
        try {
            for (JsonNode d : new ObjectMapper().readTree(bytes.get()).path("days")) {
                dates.add(LocalDate.parse(d.path("date").asText()));
                listings.add(d.path("listings").asInt());
                fresh.add(d.path("new").asInt());
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // not the index this paperboy writes: count the days instead
        }
        List<Day> days = digest.days();
        int keptCount = dates.size();
        if (keptCount == 0 || keptCount > days.size()) return Optional.empty();
        LocalDate keptLatest = dates.get(keptCount - 1);
        // The kept index must end where the digest's appended days begin.
        if (!days.get(keptCount - 1).date().equals(keptLatest)) return Optional.empty();
        for (int i = keptCount; i < days.size(); i++) {
            Day d = days.get(i);
            if (!d.date().isAfter(dates.get(dates.size() - 1))) return Optional.empty();
            dates.add(d.date());
            listings.add(d.listings().size());
            fresh.add((int) d.newCount());
        }
        return Optional.of(new ArchiveDays(digest, dates, listings, fresh, true));
    }

    /** Whether the counts of the days before the appended ones came from the previous build's data index. */
    public boolean fromKeptIndex() {
        return kept;
    }

    public int size() {
        return dates.length;
    }

    public LocalDate date(int i) {
        return dates[i];
    }

    /** The dates, ascending. */
    public List<LocalDate> dates() {
        return dateList;
    }

    public int listings(int i) {
        return listings[i];
    }

    /** How many of the day's listings are new (first seen that day). */
    public int newCount(int i) {
        return fresh[i];
    }

    public OptionalInt indexOf(LocalDate date) {
        Integer i = index.get(date);
        return i == null ? OptionalInt.empty() : OptionalInt.of(i);
    }

    /** The day itself: reads it (and, in an archive read back lazily, its month). */
    public Day day(int i) {
        return digest.days().get(i);
    }

    public Optional<Day> day(LocalDate date) {
        OptionalInt i = indexOf(date);
        return i.isPresent() ? Optional.of(day(i.getAsInt())) : Optional.empty();
    }

    /** As {@link Digest#firstPosition}, reading only the day the paper was first seen. */
    public OptionalInt firstPosition(paperboy.model.Paper paper) {
        Optional<Day> d = day(paper.firstSeen());
        if (d.isPresent()) {
            for (var l : d.get().listings()) if (l.paperSlug().equals(paper.slug())) return OptionalInt.of(l.position());
        }
        return OptionalInt.empty();
    }

    /** The days from {@code from} to {@code to} (exclusive), each read only when asked for. */
    public List<Day> span(int from, int to) {
        return new Span(digest.days(), from, to);
    }

    /**
     * The place in the first-seen order ({@link Digest#firstSeenOrder}) of the first paper new on day {@code i};
     * {@code i == size()} gives the number of papers first seen on a day.
     */
    public int firstSeenStart(int i) {
        return firstSeenStart[i];
    }

    /**
     * The papers first seen in each month, as a range of the first-seen order, months ascending (those without a
     * new paper left out).
     */
    public Map<YearMonth, int[]> firstSeenByMonth() {
        Map<YearMonth, int[]> out = new LinkedHashMap<>();
        for (int i = 0; i < dates.length; i++) {
            if (fresh[i] == 0) continue;
            int[] range = out.computeIfAbsent(YearMonth.from(dates[i]), m -> new int[] {firstSeenStart[fresh.length], 0});
            range[0] = Math.min(range[0], firstSeenStart[i]);
            range[1] = Math.max(range[1], firstSeenStart[i + 1]);
        }
        return out;
    }

    /** A run of a digest's days, immutable as they are; each read only when asked for. */
    static final class Span extends AbstractList<Day> implements RandomAccess {
        private final List<Day> days;
        private final int from, to;

        Span(List<Day> days, int from, int to) {
            this.days = days;
            this.from = from;
            this.to = to;
        }

        @Override
        public Day get(int i) {
            java.util.Objects.checkIndex(i, to - from);
            return days.get(from + i);
        }

        @Override
        public int size() {
            return to - from;
        }
    }
}
