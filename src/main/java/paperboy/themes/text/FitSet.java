package paperboy.themes.text;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
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
        return count(beforeLatestMonth(papers)) >= MIN_SHARE * papers.size();
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
