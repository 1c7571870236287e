package paperboy.model;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

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
        days = List.copyOf(days);
        papers = List.copyOf(papers);
        themes = List.copyOf(themes);
        papersBySlug = Map.copyOf(papersBySlug);
        themesBySlug = Map.copyOf(themesBySlug);
        java.util.Objects.requireNonNull(editorial, "editorial");
        retiredThemes = List.copyOf(retiredThemes);
    }


    public static Digest of(List<Day> days, List<Paper> papers, List<Theme> themes) {
        return new Digest(days, papers, themes, index(papers, Paper::slug), index(themes, Theme::slug),
                Editorial.empty(), List.of());
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

    private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
        return items.stream().collect(Collectors.toMap(key, Function.identity(), (a, b) -> {
            throw new IllegalStateException("duplicate slug " + key.apply(a));
        }, LinkedHashMap::new));
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

    public int listingCount() {
        return days.stream().mapToInt(d -> d.listings().size()).sum();
    }
}
