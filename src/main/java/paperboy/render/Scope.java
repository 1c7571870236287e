package paperboy.render;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import paperboy.model.Digest;

/**
 * Which outputs a build renders: every one, or only those a change reaches. A build that appends days to an
 * archive whose themes stay put (see {@code build.ChangeSet}) reaches the new days and the day before them, the
 * papers listed on the new days, the periods and data files those days and papers fall in, and the themes of those
 * papers; every other output is kept as the previous build wrote it. Renderers ask per key; the outputs that
 * summarise the whole archive in a few bytes (home, indexes, the site's feeds) are always rendered.
 *
 * <p>Must reach everything a change can alter: an output left out stays stale. Reaching more is only slower.
 *
 * @param dates  the days in scope and every day the papers in scope were listed: a period (week, month, year) is
 *               in scope when it holds one of them
 * @param days   the days whose own outputs (page, e-mail edition) are rendered
 * @param papers the papers whose own outputs are rendered, by slug
 * @param themes the themes whose own outputs are rendered, by slug
 */
public record Scope(boolean everything, Set<LocalDate> dates, Set<LocalDate> days, Set<String> papers,
                    Set<String> themes, Kept kept) {
    private static final Scope ALL = new Scope(true, Set.of(), Set.of(), Set.of(), Set.of(), path -> Optional.empty());

    /** The outputs of the previous build, as it wrote them: what a renderer may read of what it keeps. */
    public interface Kept {
        Optional<byte[]> read(String path);
    }

    public Scope {
        dates = Set.copyOf(dates);
        days = Set.copyOf(days);
        papers = Set.copyOf(papers);
        themes = Set.copyOf(themes);
    }

    /** A full render: every output. */
    public static Scope all() {
        return ALL;
    }

    /**
     * What appending the days after {@code previousLatest} to an archive reaches in {@code digest} (which holds
     * them): those days and the one before (its link to the next day), the papers they list, every day those
     * papers were listed, and the themes of those papers.
     */
    public static Scope appended(Digest digest, LocalDate previousLatest, Kept kept) {
        Set<LocalDate> days = new java.util.HashSet<>(Set.of(previousLatest));
        Set<String> papers = new java.util.HashSet<>();
        // The days appended are the last ones: read from the end, not the archive from its first day.
        java.util.List<paperboy.model.Day> all = digest.days();
        for (int i = all.size() - 1; i >= 0 && all.get(i).date().isAfter(previousLatest); i--) {
            days.add(all.get(i).date());
            all.get(i).listings().forEach(l -> papers.add(l.paperSlug()));
        }
        Set<LocalDate> dates = new java.util.HashSet<>(days);
        Set<String> themes = new java.util.HashSet<>();
        for (String slug : papers) {
            var p = digest.paper(slug);
            dates.addAll(p.days()); // the periods and sitemaps that list it on any of its days
            themes.addAll(p.themes());
        }
        return new Scope(false, dates, days, papers, themes, kept);
    }

    public boolean day(LocalDate date) {
        return everything || days.contains(date);
    }

    public boolean paper(String slug) {
        return everything || papers.contains(slug);
    }

    /** Any of these papers (a chunk of an index). */
    public boolean anyPaper(Collection<String> slugs) {
        if (everything) return true;
        for (String s : slugs) if (papers.contains(s)) return true;
        return false;
    }

    public boolean theme(String slug) {
        return everything || themes.contains(slug);
    }

    /** A year holding a date in scope, or the Monday of one's week (a year page lists the weeks that begin in it). */
    public boolean year(int year) {
        if (everything) return true;
        for (LocalDate d : dates) {
            if (d.getYear() == year || d.with(DayOfWeek.MONDAY).getYear() == year) return true;
        }
        return false;
    }

    /**
     * A month holding a date in scope, or the Monday of one's week: what is filed by month (the sitemaps) files a
     * week under the month of its first day with listings, which lies between its Monday and each of its dates.
     */
    public boolean month(YearMonth month) {
        if (everything) return true;
        for (LocalDate d : dates) {
            if (YearMonth.from(d).equals(month) || YearMonth.from(d.with(DayOfWeek.MONDAY)).equals(month)) return true;
        }
        return false;
    }

    /** A period from {@code first} to {@code last} inclusive (a week, a month) holds a date in scope. */
    public boolean period(LocalDate first, LocalDate last) {
        if (everything) return true;
        for (LocalDate d : dates) if (!d.isBefore(first) && !d.isAfter(last)) return true;
        return false;
    }

    /** How many outputs of each kind it names, for the build report; "all" for a full render. */
    @Override
    public String toString() {
        return everything ? "all" : days.size() + " days, " + papers.size() + " papers, " + themes.size() + " themes";
    }
}
