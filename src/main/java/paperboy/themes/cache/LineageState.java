package paperboy.themes.cache;

import java.time.YearMonth;
import java.util.List;

/**
 * The theme lineage after one month boundary: its themes' names and keywords, per paper before the boundary (in
 * the lineage's order: by first day, then slug) the index of its theme, or -1 for none, and the themes dropped at
 * this or an earlier boundary. A function of those papers alone, so a later build whose papers before the boundary
 * are the same resumes from here.
 */
public record LineageState(List<String> names, List<List<String>> keywords, int[] themeOf, List<Retired> retired) {
    public LineageState {
        if (names.size() != keywords.size()) throw new IllegalArgumentException("a name per theme");
        for (int t : themeOf) if (t < -1 || t >= names.size()) throw new IllegalArgumentException("no such theme " + t);
        names = List.copyOf(names);
        keywords = keywords.stream().map(List::copyOf).toList();
        retired = List.copyOf(retired);
    }

    /**
     * A theme the build of an earlier month published and a later step dropped (retired, or emptied by its papers
     * moving to closer themes), with the papers it had then.
     *
     * @param month      the month of the step that dropped it
     * @param paperSlugs its papers in the last step that had it
     */
    public record Retired(String name, YearMonth month, List<String> paperSlugs) {
        public Retired {
            paperSlugs = List.copyOf(paperSlugs);
        }
    }
}
