package paperboy.themes.cache;

import java.util.List;

/**
 * The theme lineage after one month boundary: its themes' names and keywords, and per paper before the boundary
 * (in the lineage's order: by first day, then slug) the index of its theme, or -1 for none. A function of those
 * papers alone, so a later build whose papers before the boundary are the same resumes from here.
 */
public record LineageState(List<String> names, List<List<String>> keywords, int[] themeOf) {
    public LineageState {
        if (names.size() != keywords.size()) throw new IllegalArgumentException("a name per theme");
        for (int t : themeOf) if (t < -1 || t >= names.size()) throw new IllegalArgumentException("no such theme " + t);
        names = List.copyOf(names);
        keywords = keywords.stream().map(List::copyOf).toList();
    }
}
