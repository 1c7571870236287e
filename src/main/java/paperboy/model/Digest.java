package paperboy.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The whole digest: days ascending, papers by slug, themes by name. Everything the renderers need.
 * Build it with {@link #of}; the lookup maps are derived from the lists.
 *
 * @param retiredThemes themes published by earlier builds and retired since, by slug (none of {@code themes})
 */
public record Digest(List<Day> days, List<Paper> papers, List<Theme> themes,
                     Map<String, Paper> papersBySlug, Map<String, Theme> themesBySlug, Editorial editorial,
                     List<RetiredTheme> retiredThemes) {

    public Digest {
        days = days instanceof Lazy ? days : List.copyOf(days);
        papers = papers instanceof Lazy ? papers : List.copyOf(papers);
        themes = List.copyOf(themes);
        papersBySlug = papersBySlug instanceof Lazy ? papersBySlug : Map.copyOf(papersBySlug);
        themesBySlug = Map.copyOf(themesBySlug);
        java.util.Objects.requireNonNull(editorial, "editorial");
        retiredThemes = List.copyOf(retiredThemes);
    }


    public static Digest of(List<Day> days, List<Paper> papers, List<Theme> themes) {
        return new Digest(days, papers, themes, index(papers, Paper::slug), index(themes, Theme::slug),
                Editorial.empty(), List.of());
    }

    /**
     * This digest with {@code newDays} appended, the papers {@code revised} (by slug) as they are now and the papers
     * {@code added} (first seen on the new days, in first-seen order), without copying or reading the rest
     * ({@link Revision}): what a daily build does to the archive kept.
     */
    public Digest appended(List<Day> newDays, Map<String, Paper> revised, List<Paper> added) {
        return Revision.of(this, newDays, revised, added, themes, themesBySlug);
    }

    /** This digest with some papers as they are now, by slug, and these themes; the rest neither copied nor read. */
    public Digest revised(Map<String, Paper> revised, List<Theme> themes) {
        Map<String, Theme> bySlug = new java.util.HashMap<>();
        for (Theme t : themes) bySlug.put(t.slug(), t);
        return Revision.of(this, List.of(), revised, List.of(), themes, bySlug);
    }

    /** This digest with its pages and notes. */
    public Digest withEditorial(Editorial e) {
        return new Digest(days, papers, themes, papersBySlug, themesBySlug, e, retiredThemes);
    }

    /** This digest with the themes retired since earlier builds published them. */
    public Digest withRetiredThemes(List<RetiredTheme> retired) {
        return new Digest(days, papers, themes, papersBySlug, themesBySlug, editorial, retired);
    }

    /** The editor's note on a day, rendered HTML, when there is one. */
    public Optional<Note> dayNote(LocalDate date) {
        return editorial.dayNote(date);
    }

    /** The editor's note on a paper, when there is one. */
    public Optional<Note> paperNote(String paperSlug) {
        return editorial.paperNote(paperSlug);
    }

    /**
     * The items by key, as the immutable map the record keeps: built once, not as a map then copied (a daily build
     * at ten years makes three digests of 128,000 papers).
     */
    @SuppressWarnings("unchecked")
    private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
        Map.Entry<String, T>[] entries = new Map.Entry[items.size()];
        for (int i = 0; i < entries.length; i++) entries[i] = Map.entry(key.apply(items.get(i)), items.get(i));
        try {
            return Map.ofEntries(entries);
        } catch (IllegalArgumentException e) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (T item : items) {
                if (!seen.add(key.apply(item))) throw new IllegalStateException("duplicate slug " + key.apply(item));
            }
            throw e;
        }
    }

    public Paper paper(String slug) {
        Paper p = papersBySlug.get(slug);
        if (p == null) throw new IllegalArgumentException("no paper " + slug);
        return p;
    }

    public Optional<Theme> theme(String slug) {
        return Optional.ofNullable(themesBySlug.get(slug));
    }

    public Optional<Day> latestDay() {
        return days.isEmpty() ? Optional.empty() : Optional.of(days.get(days.size() - 1));
    }

    /** Binary search (days are ascending): callers look days up per page, so a scan would be quadratic. */
    public Optional<Day> day(LocalDate date) {
        int lo = 0, hi = days.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = days.get(mid).date().compareTo(date);
            if (c == 0) return Optional.of(days.get(mid));
            if (c < 0) lo = mid + 1;
            else hi = mid - 1;
        }
        // Not found: only then scan, in case a digest was built by hand with days out of order.
        return days.stream().filter(d -> d.date().equals(date)).findFirst();
    }

    /**
     * The paper's 1-based place in the listing of the day it was first seen; empty when no day lists it (a digest
     * built by hand). Found on that day, not by walking the archive: feeds and digests ask it per paper.
     */
    public java.util.OptionalInt firstPosition(Paper paper) {
        Optional<Day> day = day(paper.firstSeen());
        if (day.isPresent()) {
            for (Listing l : day.get().listings()) {
                if (l.paperSlug().equals(paper.slug())) return java.util.OptionalInt.of(l.position());
            }
        }
        return java.util.OptionalInt.empty();
    }

    public int listingCount() {
        if (days instanceof Lazy.Days kept) return kept.listingCount();
        return days.stream().mapToInt(d -> d.listings().size()).sum();
    }

    /**
     * The papers by the day first seen, then their place in that day's listing; papers that no day lists (a digest
     * built by hand) last, by slug. The search, the data files and the sitemaps number papers so. A digest read
     * back from the archive kept knows it without walking the days (see {@link Lazy.Papers}).
     */
    public List<Paper> firstSeenOrder() {
        if (papers instanceof Lazy.Papers kept) return kept.inFirstSeenOrder();
        List<Paper> docs = new java.util.ArrayList<>(papers.size());
        for (Day d : days) docs.addAll(firstListed(d));
        if (docs.size() < papers.size()) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            docs.forEach(p -> seen.add(p.slug()));
            for (Paper p : papers) if (seen.add(p.slug())) docs.add(p);
        }
        return List.copyOf(docs);
    }

    /** The papers first seen on {@code day}, in its listing's order: its part of the first-seen order. */
    public List<Paper> firstListed(Day day) {
        List<Paper> out = new java.util.ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>(); // a paper listed twice on its first day (built by hand)
        for (Listing l : day.listings()) {
            Paper p = papersBySlug.get(l.paperSlug());
            if (p != null && p.firstSeen().equals(day.date()) && seen.add(p.slug())) out.add(p);
        }
        return out;
    }
}
