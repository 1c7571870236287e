package paperboy.themes;

import paperboy.themes.cluster.AutoClustering;
import paperboy.themes.text.Corpus;
import paperboy.themes.text.PaperTerms;
import paperboy.themes.text.TermIndex;
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
import java.util.Optional;
import java.util.Comparator;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import paperboy.model.Paper;
import paperboy.themes.cache.LineageState;
import paperboy.themes.cache.ModelCache;

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
     * The lineage's month boundaries over the fit set's papers among {@code docs}: each month with papers, then the
     * step for the whole fit set; {@code order} the papers by first day, then slug, {@code ends[b]} how many of them
     * come before boundary {@code b}, {@code keys[b]} what the cache keeps its state under (null: nothing kept).
     */
    private record Boundaries(List<LocalDate> dates, int[] order, int[] ends, byte[][] keys) {
        static Optional<Boundaries> of(List<Paper> papers, boolean[] fit, List<Integer> docs, ModelCache cache,
                                       String config) {
            TreeSet<LocalDate> months = new TreeSet<>();
            for (int d : docs) if (fit[d]) months.add(papers.get(d).firstSeen().withDayOfMonth(1));
            if (months.isEmpty()) return Optional.empty();
            List<LocalDate> dates = new ArrayList<>(months);
            dates.add(months.last().plusMonths(1));
            int[] order = docs.stream().filter(d -> fit[d])
                    .sorted(Comparator.comparing((Integer d) -> papers.get(d).firstSeen()).thenComparing(d -> papers.get(d).slug()))
                    .mapToInt(Integer::intValue).toArray();
            int[] ends = new int[dates.size()];
            for (int b = 0, o = 0; b < ends.length; b++) {
                while (o < order.length && papers.get(order[o]).firstSeen().isBefore(dates.get(b))) o++;
                ends[b] = o;
            }
            byte[][] keys = cache.boundaryKeys(papers, order, ends, dates, config + LINEAGE_CONFIG).orElse(null);
            return Optional.of(new Boundaries(dates, order, ends, keys));
        }

        int last() {
            return dates.size() - 1;
        }

        /** Whether the fit set is old enough for a lineage: some boundary before the last has enough papers. */
        boolean grows() {
            return dates.size() >= 2 && ends[dates.size() - 2] >= START_SIZE;
        }
    }

    /**
     * The fit and names for {@code docs} of the build's corpus, grown along the month boundaries of the fit set.
     * Resumes from the latest boundary whose state the cache kept (the papers before it unchanged), so a build that
     * starts a month takes one step instead of one per month of the archive.
     *
     * @param analysed every paper's analysis, in the corpus's order
     * @param index    their terms numbered
     */
    static ThemeEngine.Grown grow(ThemeEngine engine, Corpus corpus, PaperTerms[] analysed, TermIndex index, List<Integer> docs,
                                  ModelCache cache) {
        List<Paper> papers = corpus.papers;
        Optional<Boundaries> planned = Boundaries.of(papers, corpus.fit, docs, cache, engine.modelConfig());
        if (planned.isEmpty() || !planned.get().grows()) return null; // too young for a lineage: fitted from scratch
        Boundaries bs = planned.get();
        List<LocalDate> boundaries = bs.dates();
        int[] order = bs.order(), ends = bs.ends();
        byte[][] keys = bs.keys();
        List<Line> lines = null;
        Map<String, LineageState.Retired> retired = new TreeMap<>();
        int from = 0;
        if (keys != null) {
            for (int b = boundaries.size() - 1; b >= 0 && from == 0; b--) {
                Optional<LineageState> kept = cache.boundary(keys[b]);
                if (kept.isPresent()) {
                    lines = lines(kept.get(), order, ends[b]);
                    kept.get().retired().forEach(r -> retired.put(r.name(), r));
                    from = b + 1;
                }
            }
            for (byte[] key : keptKeys(boundaries, keys, from)) cache.boundary(key).ifPresent(s -> cache.keepBoundary(key, s));
        }
        // The last step is made by the builds of the latest paper's month (a young archive's fit set holds it).
        LocalDate latest = boundaries.get(bs.last() - 1);
        for (Paper p : papers) if (p.firstSeen().isAfter(latest)) latest = p.firstSeen();
        Window window = new Window(index, papers.size());
        long[] firstSeen = new long[papers.size()]; // read once: each of the ~120 steps walks every paper
        for (int d : docs) firstSeen[d] = papers.get(d).firstSeen().toEpochDay();
        for (int b = from; b < boundaries.size(); b++) {
            LocalDate month = boundaries.get(b);
            boolean last = b == bs.last();
            if (lines == null && (last || ends[b] < START_SIZE)) continue; // too young for a lineage yet
            List<Integer> step = new ArrayList<>();
            long end = month.toEpochDay(), start = month.minusMonths(WINDOW_MONTHS).toEpochDay();
            for (int d : docs) {
                if (!corpus.fit[d] || firstSeen[d] >= end) continue;
                if (lines == null || firstSeen[d] >= start) step.add(d);
            }
            window.moveTo(step);
            List<Line> next = step(engine, corpus, analysed, window, step, lines);
            YearMonth stepMonth = last && YearMonth.from(latest).isBefore(YearMonth.from(month))
                    ? YearMonth.from(latest) : YearMonth.from(month);
            dropped(lines, next, stepMonth, papers, retired);
            lines = next;
            // A state is kept only where it depends on the papers before its boundary alone (its step's month too).
            if (keys != null && keepState(boundaries, b) && stepMonth.equals(YearMonth.from(month))) {
                cache.keepBoundary(keys[b], state(lines, order, ends[b], retired.values()));
            }
        }
        return engine.grown(corpus, docs, lines, live(retired.values(), lines.stream().map(Line::name).toList()));
    }

    /**
     * The themes the lineage dropped, as kept with the state of its last boundary, for a build that reuses the
     * model fitted on the same fit set instead of growing the lineage; empty when the cache does not have them.
     */
    static Optional<List<LineageState.Retired>> keptRetired(List<Paper> papers, boolean[] fit, List<Integer> docs,
                                                            ModelCache cache, String config) {
        Optional<Boundaries> planned = Boundaries.of(papers, fit, docs, cache, config);
        if (planned.isEmpty() || !planned.get().grows()) return Optional.of(List.of()); // fitted from scratch
        Boundaries bs = planned.get();
        if (bs.keys() == null) return Optional.empty();
        return cache.boundary(bs.keys()[bs.last()]).map(s -> live(s.retired(), s.names()));
    }

    /** The dropped themes but those whose name is live again (a name born again is a live theme). */
    private static List<LineageState.Retired> live(java.util.Collection<LineageState.Retired> retired, List<String> names) {
        Set<String> live = new HashSet<>(names);
        return retired.stream().filter(r -> !live.contains(r.name())).toList();
    }

    /** Records the themes of {@code before} that {@code after} no longer has, the latest drop of a name winning. */
    private static void dropped(List<Line> before, List<Line> after, YearMonth month, List<Paper> papers,
                                Map<String, LineageState.Retired> retired) {
        if (before == null) return;
        Set<String> live = new HashSet<>();
        after.forEach(l -> live.add(l.name()));
        for (Line l : before) {
            if (live.contains(l.name())) continue;
            retired.put(l.name(), new LineageState.Retired(l.name(), month,
                    l.members().stream().map(d -> papers.get(d).slug()).toList()));
        }
    }

    /** Part of the key of a lineage state: what besides the papers and the model's config the lineage depends on. */
    private static final String LINEAGE_CONFIG = " lineage start=" + START_SIZE + " switch=" + SWITCH_MARGIN + " birth="
            + BIRTH_SIZE + " window=" + WINDOW_MONTHS;

    /**
     * Which states the cache keeps: the last three boundaries (a new month, a changed day of the last months) and
     * each January's (a paper changed further back), a few of the 120 of ten years.
     */
    private static boolean keepState(List<LocalDate> boundaries, int b) {
        return b >= boundaries.size() - 3 || boundaries.get(b).getMonthValue() == 1;
    }

    /** The keys of the states worth keeping among the first {@code count} boundaries. */
    private static List<byte[]> keptKeys(List<LocalDate> boundaries, byte[][] keys, int count) {
        List<byte[]> out = new ArrayList<>();
        for (int b = 0; b < count; b++) if (keepState(boundaries, b)) out.add(keys[b]);
        return out;
    }

    /** The lineage as the cache keeps it: per paper of {@code order[0 .. end)}, the index of its line or -1. */
    private static LineageState state(List<Line> lines, int[] order, int end,
                                      java.util.Collection<LineageState.Retired> retired) {
        java.util.Map<Integer, Integer> position = new java.util.HashMap<>(end * 2);
        for (int o = 0; o < end; o++) position.put(order[o], o);
        int[] themeOf = new int[end];
        Arrays.fill(themeOf, -1);
        for (int t = 0; t < lines.size(); t++) for (int d : lines.get(t).members()) themeOf[position.get(d)] = t;
        return new LineageState(lines.stream().map(Line::name).toList(), lines.stream().map(Line::keywords).toList(),
                themeOf, List.copyOf(retired));
    }

    /** The lines of a kept state, its papers back as build indices. */
    private static List<Line> lines(LineageState s, int[] order, int end) {
        if (s.themeOf().length != end) throw new IllegalStateException("a lineage state of other papers");
        List<List<Integer>> members = new ArrayList<>();
        for (int t = 0; t < s.names().size(); t++) members.add(new ArrayList<>());
        for (int o = 0; o < end; o++) if (s.themeOf()[o] >= 0) members.get(s.themeOf()[o]).add(order[o]);
        List<Line> out = new ArrayList<>();
        for (int t = 0; t < s.names().size(); t++) {
            Collections.sort(members.get(t));
            out.add(new Line(s.names().get(t), s.keywords().get(t), members.get(t)));
        }
        return out;
    }

    /**
     * The themes of the papers {@code step} (build indices, ascending), carried over from {@code previous}; the
     * previous themes' papers outside {@code step} keep their theme, and a theme that has such papers never retires.
     */
    private static List<Line> step(ThemeEngine engine, Corpus corpus, PaperTerms[] analysed, Window window,
                                   List<Integer> step, List<Line> previous) {
        List<Paper> papers = corpus.papers;
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
        Corpus terms = Corpus.of(sub, subTerms, all, window.index, step.stream().mapToInt(Integer::intValue).toArray(),
                window.docFreq);
        Corpus c = corpus.embeddings(step).map(e -> terms.withEmbeddings(e, corpus.embeddingWeight)).orElse(terms);
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
        int n = sub.size(), dims = c.dims;
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

    /**
     * The papers of the current step and their document frequencies by term number, moved from step to step by
     * counting the papers that join (the new month) and those that leave (the month that left the window) instead
     * of every paper of the window again.
     */
    private static final class Window {
        final TermIndex index;
        final int[] docFreq;
        private final boolean[] in;
        private List<Integer> papers = List.of();

        Window(TermIndex index, int size) {
            this.index = index;
            this.docFreq = new int[index.size()];
            this.in = new boolean[size];
        }

        void moveTo(List<Integer> step) {
            boolean[] next = new boolean[in.length];
            for (int d : step) next[d] = true;
            for (int d : papers) {
                if (!next[d]) {
                    index.count(d, docFreq, -1);
                    in[d] = false;
                }
            }
            for (int d : step) {
                if (!in[d]) {
                    index.count(d, docFreq, 1);
                    in[d] = true;
                }
            }
            papers = step;
        }
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
