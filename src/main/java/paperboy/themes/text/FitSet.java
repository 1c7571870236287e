package paperboy.themes.text;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import paperboy.model.Day;
import paperboy.model.Digest;
import paperboy.model.Listing;
import paperboy.model.Paper;

/**
 * Which papers the theme model (vocabulary, weights, clusters, names) is fitted on, so that adding a day does
 * not reshuffle the site: the papers first seen before the month of the latest day. Papers of the current month
 * are placed into the themes fitted on the earlier ones, and the model is fitted anew when a month begins. A
 * young archive, where the earlier months hold less than {@link #MIN_SHARE} of the papers, is fitted on all of
 * them (every build then refits, as the model would otherwise miss most of the archive).
 */
public final class FitSet {
    static final double MIN_SHARE = 0.8;

    private FitSet() {}

    /** True when the fit set is the papers first seen before the latest day's month, not every paper. */
    public static boolean frozen(List<Paper> papers) {
        return frozen(count(beforeLatestMonth(papers)), papers.size());
    }

    /** Whether {@code before} papers first seen before the latest month, of {@code all}, make a frozen fit set. */
    public static boolean frozen(int before, int all) {
        return before >= MIN_SHARE * all;
    }

    /**
     * As {@link #frozen(List)} for a digest, from the days of its latest month alone (see {@link #latestMonth}):
     * the papers before that month are counted, not read.
     */
    public static boolean frozen(Digest digest) {
        int all = digest.papers().size();
        return frozen(all - latestMonth(digest).papers().size(), all);
    }

    /**
     * The papers first seen in the month of the latest day with listings (epoch day {@code monthStart}), day by day
     * in listing order: the papers {@link #of} leaves out of a frozen fit set.
     */
    public record LatestMonth(long monthStart, List<Paper> papers) {}

    /**
     * The latest month's papers of {@code digest}, found from that month's days read from the last one back: only
     * their new listings' papers are looked up (by slug). A day on the first of the month ends the walk, so the month
     * before is read only when the month has no listing on its first day (then one day of it). Without any listing:
     * no papers, and month start {@link Long#MIN_VALUE}.
     */
    public static LatestMonth latestMonth(Digest digest) {
        List<Day> days = digest.days();
        int last = days.size() - 1;
        Day latest = null;
        for (; last >= 0; last--) {
            latest = days.get(last);
            if (!latest.listings().isEmpty()) break;
        }
        if (last < 0) return new LatestMonth(Long.MIN_VALUE, List.of());
        LocalDate monthStart = latest.date().withDayOfMonth(1);
        List<List<Paper>> byDay = new ArrayList<>();
        for (int i = last; i >= 0; i--) {
            Day d = i == last ? latest : days.get(i);
            if (d.date().isBefore(monthStart)) break;
            List<Paper> first = new ArrayList<>();
            Set<String> seen = new HashSet<>(); // a paper listed twice on its first day (built by hand)
            for (Listing l : d.listings()) {
                // Only listings new that day name papers of this month: the others are not looked up.
                if (!l.isNew() || !seen.add(l.paperSlug())) continue;
                Paper p = digest.papersBySlug().get(l.paperSlug());
                if (p != null && p.firstSeen().equals(d.date())) first.add(p);
            }
            byDay.add(first);
            if (d.date().equals(monthStart)) break;
        }
        List<Paper> papers = new ArrayList<>();
        for (int i = byDay.size() - 1; i >= 0; i--) papers.addAll(byDay.get(i));
        return new LatestMonth(monthStart.toEpochDay(), papers);
    }

    public static boolean[] of(List<Paper> papers) {
        boolean[] fit = beforeLatestMonth(papers);
        if (count(fit) < MIN_SHARE * papers.size()) Arrays.fill(fit, true);
        return fit;
    }

    /** Which papers were first seen before the month of the latest day any paper was listed on. */
    private static boolean[] beforeLatestMonth(List<Paper> papers) {
        boolean[] before = new boolean[papers.size()];
        LocalDate latest = null;
        for (Paper p : papers) if (latest == null || p.lastSeen().isAfter(latest)) latest = p.lastSeen();
        if (latest == null) return before;
        LocalDate monthStart = latest.withDayOfMonth(1);
        for (int i = 0; i < before.length; i++) before[i] = papers.get(i).firstSeen().isBefore(monthStart);
        return before;
    }

    private static int count(boolean[] flags) {
        int n = 0;
        for (boolean f : flags) if (f) n++;
        return n;
    }
}
