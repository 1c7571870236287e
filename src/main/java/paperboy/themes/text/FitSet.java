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
        boolean[] fit = of(papers);
        for (boolean f : fit) if (!f) return true;
        // Every paper is in it: either none is of the latest month (nothing placed yet) or the archive is young.
        LocalDate latest = null;
        for (Paper p : papers) if (latest == null || p.lastSeen().isAfter(latest)) latest = p.lastSeen();
        LocalDate monthStart = latest == null ? null : latest.withDayOfMonth(1);
        for (Paper p : papers) if (!p.firstSeen().isBefore(monthStart)) return false;
        return true;
    }

    public static boolean[] of(List<Paper> papers) {
        int n = papers.size();
        boolean[] fit = new boolean[n];
        LocalDate latest = null;
        for (Paper p : papers) if (latest == null || p.lastSeen().isAfter(latest)) latest = p.lastSeen();
        int count = 0;
        if (latest != null) {
            LocalDate monthStart = latest.withDayOfMonth(1);
            for (int i = 0; i < n; i++) {
                fit[i] = papers.get(i).firstSeen().isBefore(monthStart);
                if (fit[i]) count++;
            }
        }
        if (count < MIN_SHARE * n) Arrays.fill(fit, true);
        return fit;
    }
}
