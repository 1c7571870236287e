package paperboy.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How many listings each theme had on each day of the archive: the theme pages' sparklines, peaks and counts.
 * Counting it walks every listing of the archive; the one fact of a daily render that no output of the previous
 * build keeps (a sparkline sums the days into buckets whose bounds move with every new day). So the archive kept
 * between builds keeps it: a daily build, whose themes leave every earlier paper's as it was, counts only its new
 * days ({@link #extendedTo}); any other build counts it anew. A render given it walks nothing.
 */
public final class ThemeActivity {
    private final Map<String, int[]> perDay;
    private final int days;

    private ThemeActivity(Map<String, int[]> perDay, int days) {
        this.perDay = perDay;
        this.days = days;
    }

    /**
     * @param perDay per theme slug, its listings on each day, in the digest's day order (copied)
     * @param days   how many days that is
     */
    public static ThemeActivity of(Map<String, int[]> perDay, int days) {
        Map<String, int[]> copy = new HashMap<>();
        perDay.forEach((slug, counts) -> {
            if (counts.length != days) throw new IllegalArgumentException(slug + ": " + counts.length + " days, not " + days);
            copy.put(slug, counts.clone());
        });
        return new ThemeActivity(copy, days);
    }

    /** Every listing of {@code digest} counted under its paper's themes: a walk over the archive. */
    public static ThemeActivity counted(Digest digest) {
        List<Theme> themes = digest.themes();
        Map<String, Integer> index = new HashMap<>();
        for (int k = 0; k < themes.size(); k++) index.put(themes.get(k).slug(), k);
        int days = digest.days().size();
        int[][] counts = new int[themes.size()][days];
        for (int i = 0; i < days; i++) {
            for (Listing l : digest.days().get(i).listings()) {
                Paper p = digest.papersBySlug().get(l.paperSlug());
                if (p == null) continue;
                for (String slug : p.themes()) {
                    Integer k = index.get(slug);
                    if (k != null) counts[k][i]++;
                }
            }
        }
        Map<String, int[]> perDay = new HashMap<>();
        for (int k = 0; k < themes.size(); k++) perDay.put(themes.get(k).slug(), counts[k]);
        return new ThemeActivity(perDay, days);
    }

    /**
     * This activity, which counted the first {@link #days} days of {@code digest}, with the days after them counted
     * too: valid when the papers listed on the earlier days have the themes they had when those were counted (a
     * daily build's themes place the new papers only).
     */
    public ThemeActivity extendedTo(Digest digest) {
        int total = digest.days().size();
        Map<String, int[]> out = new HashMap<>();
        for (Theme t : digest.themes()) {
            int[] was = perDay.getOrDefault(t.slug(), new int[days]);
            out.put(t.slug(), Arrays.copyOf(was, total));
        }
        for (int i = days; i < total; i++) {
            for (Listing l : digest.days().get(i).listings()) {
                Paper p = digest.papersBySlug().get(l.paperSlug());
                if (p == null) continue;
                for (String slug : p.themes()) {
                    int[] counts = out.get(slug);
                    if (counts != null) counts[i]++;
                }
            }
        }
        return new ThemeActivity(out, total);
    }

    /** Whether it counts exactly the themes of {@code digest} (whatever its days). */
    public boolean fitsThemesOf(Digest digest) {
        return digest.themes().size() == perDay.size() && digest.themes().stream().allMatch(t -> perDay.containsKey(t.slug()));
    }

    /** Each theme's counts, for the archive kept to write (copied). */
    public Map<String, int[]> perDay() {
        Map<String, int[]> copy = new java.util.TreeMap<>();
        perDay.forEach((slug, counts) -> copy.put(slug, counts.clone()));
        return copy;
    }

    /** How many days it counts. */
    public int days() {
        return days;
    }

    /** Whether it counts every theme of {@code digest} over its days. */
    public boolean fits(Digest digest) {
        return days == digest.days().size() && digest.themes().stream().allMatch(t -> perDay.containsKey(t.slug()));
    }

    /** The theme's listings per day (a copy); zeros for a theme it does not know. */
    public int[] perDay(String theme) {
        int[] counts = perDay.get(theme);
        return counts == null ? new int[days] : counts.clone();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ThemeActivity a) || a.days != days || !a.perDay.keySet().equals(perDay.keySet())) return false;
        for (var e : perDay.entrySet()) if (!Arrays.equals(e.getValue(), a.perDay.get(e.getKey()))) return false;
        return true;
    }

    @Override
    public int hashCode() {
        return days;
    }
}
