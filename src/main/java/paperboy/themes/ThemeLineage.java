package paperboy.themes;

import paperboy.themes.cluster.AutoClustering;
import paperboy.themes.text.Corpus;
import paperboy.themes.text.PaperTerms;
import paperboy.themes.cluster.SphericalKMeans;
import paperboy.themes.cluster.ThemeNamer;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import paperboy.model.Paper;

/**
 * Automatic themes that keep their identity from month to month. The model of a fit set is not fitted from
 * scratch but grown month by month from the archive's start: the first month boundary at which the fit set holds
 * {@link #START_SIZE} papers is fitted from scratch; at every later boundary (and finally for the whole fit set)
 * the previous month's themes are carried over, each re-centred on its own papers in the new vocabulary:
 * <ul>
 *   <li>a paper already in a theme stays there unless another theme is clearly closer ({@link #SWITCH_MARGIN});</li>
 *   <li>new papers join the nearest theme, or wait in a pool when none is close ({@link AutoClustering#OTHER_BELOW});</li>
 *   <li>a theme is born when the pool clusters into a theme of at least {@link #BIRTH_SIZE} papers;</li>
 *   <li>a theme left with fewer than {@link AutoClustering#MIN_SIZE} papers retires, its papers going to their
 *       nearest theme.</li>
 * </ul>
 * A carried theme keeps its name (so its slug and URL). Everything is a function of the fit set's papers and
 * dates alone, so a full build equals an incremental one whether or not the theme cache is there; the cache only
 * saves refitting within a month.
 */
final class ThemeLineage {
    /** A fit set smaller than this is fitted from scratch: too few papers to be worth keeping themes for. */
    static final int START_SIZE = 500;
    /** A paper moves to another theme only when it is this much closer (cosine) to it than to its own. */
    static final double SWITCH_MARGIN = 0.1;
    static final int BIRTH_SIZE = 2 * AutoClustering.MIN_SIZE;
    /**
     * Each step refits the papers first seen in this many months before its boundary; older papers keep the theme
     * they had (an append-only archive: published papers stay put). Without the window every step refitted the
     * whole archive: at ten years (120 steps over up to 128,000 papers) a full build ran out of a 2 GB heap.
     */
    static final int WINDOW_MONTHS = 6;

    private ThemeLineage() {}

    /** One theme along the lineage: its name and keywords, and its papers as indices into the build's list. */
    record Line(String name, List<String> keywords, List<Integer> members) {}

    /**
     * A theme the build of an earlier month published and a later step dropped (retired, or emptied by its papers
     * moving to closer themes), with the papers it had then.
     *
     * @param month       the boundary whose step dropped it
     * @param paperSlugs  its papers in the last step that had it
     */
    record Retired(String name, YearMonth month, List<String> paperSlugs) {}

    /**
     * The fit and names for {@code docs} of the build's corpus, grown along the month boundaries of the fit set.
     *
     * @param analysed every paper's analysis, in the corpus's order
     */
    static ThemeEngine.Grown grow(ThemeEngine engine, Corpus corpus, PaperTerms[] analysed, List<Integer> docs) {
        List<Paper> papers = corpus.papers;
        TreeSet<LocalDate> months = new TreeSet<>();
        for (int d : docs) if (corpus.fit[d]) months.add(papers.get(d).firstSeen().withDayOfMonth(1));
        List<Line> lines = null;
        Map<String, Retired> retired = new TreeMap<>();
        for (LocalDate month : months) {
            List<Integer> step = new ArrayList<>();
            int before = 0;
            for (int d : docs) {
                if (!corpus.fit[d] || !papers.get(d).firstSeen().isBefore(month)) continue;
                before++;
                if (lines == null || !papers.get(d).firstSeen().isBefore(month.minusMonths(WINDOW_MONTHS))) step.add(d);
            }
            if (before < START_SIZE) continue;
            List<Line> next = step(engine, papers, analysed, step, lines);
            dropped(lines, next, YearMonth.from(month), papers, retired);
            lines = next;
        }
        if (lines == null) return null; // too young for a lineage: fitted from scratch
        LocalDate end = months.last().plusMonths(1);
        List<Integer> recent = new ArrayList<>();
        for (int d : docs) {
            if (corpus.fit[d] && !papers.get(d).firstSeen().isBefore(end.minusMonths(WINDOW_MONTHS))) recent.add(d);
        }
        List<Line> last = step(engine, papers, analysed, recent, lines);
        // Dropped by the builds of the latest paper's month (a young archive's fit set holds the month itself).
        LocalDate latest = months.last();
        for (int d : docs) if (papers.get(d).firstSeen().isAfter(latest)) latest = papers.get(d).firstSeen();
        dropped(lines, last, YearMonth.from(latest), papers, retired);
        for (Line l : last) retired.remove(l.name()); // a name born again is a live theme
        return engine.grown(corpus, docs, last, List.copyOf(retired.values()));
    }

    /** Records the themes of {@code before} that {@code after} no longer has, the latest drop of a name winning. */
    private static void dropped(List<Line> before, List<Line> after, YearMonth month, List<Paper> papers,
                                Map<String, Retired> retired) {
        if (before == null) return;
        Set<String> live = new HashSet<>();
        after.forEach(l -> live.add(l.name()));
        for (Line l : before) {
            if (live.contains(l.name())) continue;
            retired.put(l.name(), new Retired(l.name(), month, l.members().stream().map(d -> papers.get(d).slug()).toList()));
        }
    }

    /**
     * The themes of the papers {@code step} (build indices, ascending), carried over from {@code previous}; the
     * previous themes' papers outside {@code step} keep their theme, and a theme that has such papers never retires.
     */
    private static List<Line> step(ThemeEngine engine, List<Paper> papers, PaperTerms[] analysed, List<Integer> step,
                                   List<Line> previous) {
        List<Paper> sub = new ArrayList<>(step.size());
        PaperTerms[] subTerms = new PaperTerms[step.size()];
        int[] local = new int[papers.size()];
        Arrays.fill(local, -1);
        for (int i = 0; i < step.size(); i++) {
            sub.add(papers.get(step.get(i)));
            subTerms[i] = analysed[step.get(i)];
            local[step.get(i)] = i;
        }
        boolean[] all = new boolean[sub.size()];
        Arrays.fill(all, true);
        Corpus c = Corpus.of(sub, subTerms, all, java.util.Optional.empty());
        List<Integer> docs = new ArrayList<>();
        for (int i = 0; i < sub.size(); i++) docs.add(i);
        if (previous == null) {
            ThemeEngine.Clusters fresh = engine.cluster(c, docs);
            List<Line> out = new ArrayList<>();
            for (ThemeEngine.Found f : fresh.themes()) {
                out.add(new Line(f.name(), f.keywords(), f.members().stream().map(step::get).toList()));
            }
            return out;
        }
        int n = sub.size(), dims = c.terms.length;
        int[] theme = new int[n];
        Arrays.fill(theme, -1);
        for (int t = 0; t < previous.size(); t++) for (int g : previous.get(t).members()) if (local[g] >= 0) theme[local[g]] = t;
        int[] frozen = new int[previous.size()];
        for (int t = 0; t < previous.size(); t++) for (int g : previous.get(t).members()) if (local[g] < 0) frozen[t]++;
        boolean[] old = new boolean[n];
        for (int i = 0; i < n; i++) old[i] = theme[i] >= 0;
        int k = previous.size();
        float[][] centroids = centroids(c, theme, k, dims);
        double[] sims = SphericalKMeans.similarities(c.vectors, centroids);
        List<Integer> pool = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (c.vectors.get(i).isEmpty()) {
                theme[i] = -1;
                continue;
            }
            int best = -1;
            for (int t = 0; t < k; t++) if (best < 0 || sims[i * k + t] > sims[i * k + best]) best = t;
            if (old[i]) {
                if (sims[i * k + best] > sims[i * k + theme[i]] + SWITCH_MARGIN) theme[i] = best;
            } else if (best >= 0 && sims[i * k + best] >= AutoClustering.OTHER_BELOW) {
                theme[i] = best;
            } else {
                pool.add(i);
            }
        }
        List<String> names = new ArrayList<>(previous.stream().map(Line::name).toList());
        List<List<String>> keywords = new ArrayList<>(previous.stream().map(Line::keywords).toList());
        if (pool.size() >= BIRTH_SIZE) {
            ThemeEngine.Clusters born = engine.cluster(c, pool, Set.copyOf(names));
            Set<String> taken = new HashSet<>();
            names.forEach(x -> taken.add(x.toLowerCase(Locale.ROOT)));
            for (ThemeEngine.Found f : born.themes()) {
                if (f.members().size() < BIRTH_SIZE) continue;
                String name = f.name();
                for (int i = 2; taken.contains(name.toLowerCase(Locale.ROOT)); i++) {
                    name = f.keywords().size() >= i ? f.name() + " (" + ThemeNamer.titleCase(f.keywords().get(i - 1)) + ")"
                            : f.name() + " " + i;
                }
                taken.add(name.toLowerCase(Locale.ROOT));
                int t = names.size();
                names.add(name);
                keywords.add(f.keywords());
                for (int i : f.members()) theme[i] = t;
            }
        }
        k = names.size();
        // Retire themes left too small, smallest first; their papers go to the nearest live theme.
        boolean[] alive = new boolean[k];
        Arrays.fill(alive, true);
        while (true) {
            int[] size = new int[k];
            for (int x : theme) if (x >= 0) size[x]++;
            int smallest = -1;
            for (int t = 0; t < k; t++) {
                boolean published = t < frozen.length && frozen[t] > 0;
                if (alive[t] && !published && size[t] < AutoClustering.MIN_SIZE && (smallest < 0 || size[t] < size[smallest])) smallest = t;
            }
            if (smallest < 0) break;
            alive[smallest] = false;
            float[][] cs = centroids(c, theme, k, dims);
            for (int i = 0; i < n; i++) {
                if (theme[i] != smallest) continue;
                int best = -1;
                double bestSim = AutoClustering.OTHER_BELOW;
                for (int t = 0; t < k; t++) {
                    if (!alive[t]) continue;
                    double s = c.vectors.get(i).dot(cs[t]);
                    if (s >= bestSim) {
                        bestSim = s;
                        best = t;
                    }
                }
                theme[i] = best;
            }
        }
        List<Line> out = new ArrayList<>();
        for (int t = 0; t < k; t++) {
            if (!alive[t]) continue;
            List<Integer> members = new ArrayList<>();
            if (t < previous.size()) for (int g : previous.get(t).members()) if (local[g] < 0) members.add(g);
            for (int i = 0; i < n; i++) if (theme[i] == t) members.add(step.get(i));
            Collections.sort(members);
            if (!members.isEmpty()) out.add(new Line(names.get(t), keywords.get(t), members));
        }
        return out;
    }

    /** Each theme's mean direction over its papers (zero for a theme without papers). */
    static float[][] centroids(Corpus c, int[] theme, int k, int dims) {
        double[][] sum = new double[k][dims];
        for (int i = 0; i < theme.length; i++) if (theme[i] >= 0) c.vectors.get(i).addTo(sum[theme[i]]);
        float[][] out = new float[k][dims];
        for (int t = 0; t < k; t++) {
            double norm = 0;
            for (double v : sum[t]) norm += v * v;
            if (norm == 0) continue;
            norm = Math.sqrt(norm);
            for (int d = 0; d < dims; d++) out[t][d] = (float) (sum[t][d] / norm);
        }
        return out;
    }
}
