package paperboy.themes.cluster;

import paperboy.themes.text.Corpus;
import paperboy.themes.text.SparseVector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Clusters a set of papers into themes: spherical k-means for k within the configured bounds, the k with the
 * best silhouette wins (or, when no k gives clearly separated clusters, k = √(n/2) within the bounds); then papers too far from every theme go to "Other", themes left with
 * fewer than {@link #MIN_SIZE} papers are dissolved into the others, and each paper gets up to two secondary
 * themes it is nearly as close to. Above {@link #SAMPLE_SIZE} papers, k is chosen and the centroids fitted on a
 * fixed sample (so the silhouette's pairwise distances stay bounded), then every paper is assigned and the centroids refined in a few linear passes.
 */
public final class AutoClustering {
    static final long SEED = 20250313L;
    public static final int MIN_SIZE = 3;
    static final int SAMPLE_SIZE = 1500;
    /** A best silhouette below this means the papers have no clear cluster structure to choose k by. */
    static final double CLEAR_STRUCTURE = 0.1;
    private static final int REFINE_PASSES = 3;
    /** Lloyd iterations per candidate k: enough to compare ks; the chosen one is fitted to convergence. */
    private static final int ROUGH_ITERATIONS = 8;
    /** Below this cosine with the rest of its theme (leave-one-out) a paper fits nowhere: "Other". */
    public static final double OTHER_BELOW = 0.1;
    /** A secondary theme must be at least this close, absolutely and relative to the primary. */
    static final double SECONDARY_MIN = 0.15;
    static final double SECONDARY_RATIO = 0.75;
    static final int MAX_SECONDARY = 2;

    /**
     * One automatic theme: members by corpus index (primary, ascending), secondary members, its centroid, how
     * many of its members are in the fit set (what it is named after and ordered by), and which of the fit's
     * themes it is.
     */
    public record Group(float[] centroid, List<Integer> members, List<Integer> secondary, int fitMembers, int fitted) {}

    /** The themes found, biggest first, and the papers that fit none. */
    public record Result(List<Group> groups, List<Integer> other, int chosenK, double silhouette) {}

    /** A theme fitted on the fit set: its centroid, its fit-set members and secondary members (ascending). */
    public record Fitted(float[] centroid, int[] members, int[] secondary) {}

    /**
     * What clustering the fit set gives, before any other paper is placed: its themes in k-means order (the order
     * ties between them are broken in). A function of the fit set's vectors and slugs and of the bounds on k.
     */
    public record Fit(List<Fitted> themes, int chosenK, double silhouette) {}

    private AutoClustering() {}

    /**
     * Clusters the given papers of the corpus's fit set; the others are then placed into the themes found (or
     * Other) without changing them, so papers outside the fit set change nothing for those in it.
     *
     * @param docs corpus indices of the papers to cluster, ascending
     */
    static Result cluster(Corpus corpus, List<Integer> docs, int minK, int maxK) {
        return place(corpus, docs, fit(corpus, docs, minK, maxK));
    }

    /** The themes of the given papers of the fit set (the others in {@code docs} are left for {@link #place}). */
    public static Fit fit(Corpus corpus, List<Integer> docs, int minK, int maxK) {
        return fit(corpus, docs, minK, maxK, Options.KMEANS);
    }

    /**
     * How the papers are clustered.
     *
     * @param neighbours how many nearest neighbours smooth each paper's vector (0: none)
     * @param mergeRatio two themes merge at this mean cross cosine over the lower mean inner one
     * @param runs       0: one k-means run at the k of the best silhouette; else k-means++ runs per candidate k
     *                   (each from its own fixed seed) whose agreement makes the themes ({@link #consensus})
     * @param cut        with runs: papers parted by fewer than this share of the runs end in one theme
     */
    public record Options(int neighbours, double mergeRatio, int runs, double cut) {
        /**
         * One k-means run at the k of the best silhouette: the path without embeddings, where the consensus trades
         * NMI for pairF1 on the dev set rather than gaining both (README, the CV table) and would cost every build.
         */
        public static final Options KMEANS = new Options(NEIGHBOURS, MERGE_RATIO, 0, 0);

        /** The consensus of 10 runs per candidate k, cut at the given share. */
        public static Options consensus(double cut) {
            return new Options(NEIGHBOURS, MERGE_RATIO, CONSENSUS_RUNS, cut);
        }

        boolean isConsensus() {
            return runs > 0;
        }

        public String key() {
            return isConsensus() ? "consensus " + runs + " " + cut : "k-means";
        }
    }

    /** k-means++ runs per candidate k in a consensus: enough that one seed's luck moves no theme. */
    static final int CONSENSUS_RUNS = 10;

    /** As {@link #fit(Corpus, List, int, int)}, with the given settings. */
    public static Fit fit(Corpus corpus, List<Integer> docs, int minK, int maxK, Options options) {
        List<Integer> usable = new ArrayList<>();
        for (int d : docs) if (corpus.fit[d] && !corpus.vectors.get(d).isEmpty()) usable.add(d);
        int dims = corpus.dims;
        int hi = Math.min(maxK, usable.size() / MIN_SIZE);
        int lo = Math.max(1, Math.min(minK, hi));
        if (hi < 1 || dims == 0) return new Fit(List.of(), 0, 0);

        List<Integer> sample = sample(usable, corpus);
        // The sample uses only part of the vocabulary: fit over those terms alone (renumbered in the same order,
        // so every product and norm is summed exactly as over the whole vocabulary), then spread the centroids out.
        int[] local = new int[dims];
        for (int d : sample) for (int t : corpus.vectors.get(d).ids()) local[t] = 1;
        int sampleDims = 0;
        for (int t = 0; t < dims; t++) local[t] = local[t] == 0 ? -1 : sampleDims++;
        List<SparseVector> sx = sample.stream().map(d -> renumber(corpus.vectors.get(d), local)).toList();
        int sdims = sampleDims;
        float[][] distances = distances(sx, sdims);
        if (options.neighbours() > 0) {
            sx = smooth(sx, distances, sdims, options.neighbours());
            distances = distances(sx, sdims);
        }
        final List<SparseVector> sxf = sx;
        final float[][] distancesF = distances;
        List<Integer> ks = new ArrayList<>();
        for (int k = lo; k <= hi; k += Math.max(1, k / 4)) ks.add(k);
        // Each candidate k is an independent fit with its own seed: run them in parallel, compare in k order.
        double[] scores = options.isConsensus() ? new double[ks.size()] : ks.parallelStream()
                .mapToDouble(k -> silhouette(distancesF, SphericalKMeans.fit(sxf, sdims, k, SEED + k, ROUGH_ITERATIONS)))
                .toArray();
        int bestK = lo;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < ks.size(); i++) {
            if (scores[i] > bestScore + 1e-9) {
                bestScore = scores[i];
                bestK = ks.get(i);
            }
        }
        if (!options.isConsensus() && bestScore < CLEAR_STRUCTURE) {
            // No k separates the papers clearly (typical of a day's mixed listings): fall back to the usual
            // rule of thumb, so themes are neither a handful of catch-alls nor dozens of fragments.
            bestK = Math.max(lo, Math.min(hi, (int) Math.round(Math.sqrt(usable.size() / 2.0))));
        }
        SphericalKMeans.Model best = options.isConsensus()
                ? consensus(sx, sdims, ks, lo, hi, options.runs(), options.cut())
                : SphericalKMeans.fit(sx, sdims, bestK, SEED + bestK); // fitted to convergence
        if (options.isConsensus()) bestScore = silhouette(distancesF, best);

        float[][] c = new float[best.k()][dims];
        for (int j = 0; j < c.length; j++) {
            for (int t = 0; t < dims; t++) if (local[t] >= 0) c[j][t] = best.centroids()[j][local[t]];
        }
        int k = c.length;
        List<SparseVector> xs = usable.stream().map(corpus.vectors::get).toList();
        int[] cluster = new int[xs.size()];
        double[] sim = new double[xs.size()];
        double[] sims; // [i * k + j]: paper i with centroid j
        if (sample.size() == usable.size()) {
            cluster = best.cluster().clone();
        } else {
            for (int p = 0; p < REFINE_PASSES; p++) {
                SphericalKMeans.assign(xs, c, cluster, sim);
                c = meanDirections(xs, dims, c.length, cluster, c);
            }
            SphericalKMeans.assign(xs, c, cluster, sim);
        }
        // Centroids of the papers themselves (k-means ran on their smoothed vectors); near-duplicate themes merged.
        c = meanDirections(xs, dims, k, cluster, c);
        mergeNearDuplicates(xs, dims, c, cluster, options.mergeRatio());
        sims = SphericalKMeans.similarities(xs, c);
        for (int i = 0; i < xs.size(); i++) sim[i] = sims[i * k + cluster[i]];

        double[] fit = leaveOneOut(xs, dims, c.length, cluster);
        boolean[] alive = new boolean[c.length];
        Arrays.fill(alive, true);
        // Papers that fit nowhere leave first; then the smallest theme under MIN_SIZE is dissolved, its papers
        // moving to their next closest theme, until every theme left has MIN_SIZE papers.
        while (true) {
            int[] size = new int[c.length];
            for (int i = 0; i < xs.size(); i++) {
                if (cluster[i] >= 0 && fit[i] < OTHER_BELOW) cluster[i] = -1;
                if (cluster[i] >= 0) size[cluster[i]]++;
            }
            int smallest = -1;
            for (int j = 0; j < c.length; j++) {
                if (alive[j] && size[j] < MIN_SIZE && (smallest < 0 || size[j] < size[smallest])) smallest = j;
            }
            if (smallest < 0) break;
            alive[smallest] = false;
            for (int i = 0; i < xs.size(); i++) {
                if (cluster[i] != smallest) continue;
                int to = nearest(sims, i, k, alive);
                cluster[i] = to;
                sim[i] = fit[i] = to < 0 ? 0 : sims[i * k + to];
            }
        }

        List<List<Integer>> membersOf = new ArrayList<>();
        for (int j = 0; j < k; j++) membersOf.add(new ArrayList<>());
        for (int i = 0; i < xs.size(); i++) if (cluster[i] >= 0) membersOf.get(cluster[i]).add(usable.get(i));
        for (int j = 0; j < k; j++) {
            if (membersOf.get(j).isEmpty()) alive[j] = false; // every member fit nowhere: no theme, no secondary
        }
        List<List<Integer>> secondaryOf = new ArrayList<>();
        for (int j = 0; j < k; j++) secondaryOf.add(new ArrayList<>());
        for (int i = 0; i < xs.size(); i++) {
            if (cluster[i] < 0) continue; // Other
            for (int j : secondary(sims, i, k, alive, cluster[i], sim[i])) secondaryOf.get(j).add(usable.get(i));
        }
        List<Fitted> themes = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            if (!alive[j]) continue;
            themes.add(new Fitted(c[j], sorted(membersOf.get(j)), sorted(secondaryOf.get(j))));
        }
        return new Fit(themes, best.k(), bestScore);
    }

    /**
     * Evidence accumulation (Fred and Jain): every candidate k fitted from {@code seeds} seeds each (rough fits), two
     * papers' distance is the share of those runs that part them, and average linkage joins the closest groups while
     * they are parted by fewer than {@code cut} of the runs (and while there are more than {@code hi} groups; never
     * below {@code lo}). A single run's themes move with its seed (on the dev set pairF1 ranges 0.42 to 0.64 over
     * neighbouring k); what most runs agree on does not, and the number of themes comes out of the agreement.
     */
    static SphericalKMeans.Model consensus(List<SparseVector> xs, int dims, List<Integer> ks, int lo, int hi, int seeds,
                                           double cut) {
        int n = xs.size();
        List<int[]> jobs = new ArrayList<>();
        for (int k : ks) for (int r = 0; r < seeds; r++) jobs.add(new int[] {k, r});
        List<int[]> runs = jobs.parallelStream()
                .map(j -> SphericalKMeans.fit(xs, dims, j[0], SEED + j[0] + 7919L * j[1], ROUGH_ITERATIONS).cluster())
                .toList();
        float[][] d = new float[n][n];
        for (int[] cl : runs) {
            for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) if (cl[i] != cl[j]) d[i][j]++;
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) d[j][i] = d[i][j] = d[i][j] / runs.size();
        }
        int[] size = new int[n];
        Arrays.fill(size, 1);
        boolean[] active = new boolean[n];
        Arrays.fill(active, true);
        int[] root = new int[n];
        for (int i = 0; i < n; i++) root[i] = i;
        int[] nn = new int[n];
        for (int i = 0; i < n; i++) nn[i] = nearestActive(d, active, i);
        int groups = n;
        while (groups > Math.max(1, lo)) {
            int a = -1;
            for (int i = 0; i < n; i++) {
                if (active[i] && nn[i] >= 0 && (a < 0 || d[i][nn[i]] < d[a][nn[a]])) a = i;
            }
            if (a < 0) break;
            int b = nn[a];
            if (d[a][b] >= cut && groups <= hi) break;
            int into = Math.min(a, b), from = Math.max(a, b);
            for (int x = 0; x < n; x++) {
                if (!active[x] || x == into || x == from) continue;
                float v = (float) ((size[into] * (double) d[into][x] + size[from] * (double) d[from][x]) / (size[into] + size[from]));
                d[into][x] = d[x][into] = v;
            }
            size[into] += size[from];
            active[from] = false;
            for (int x = 0; x < n; x++) if (root[x] == from) root[x] = into;
            groups--;
            for (int x = 0; x < n; x++) {
                if (!active[x]) continue;
                if (x == into || nn[x] == into || nn[x] == from) nn[x] = nearestActive(d, active, x);
                else if (d[x][into] < d[x][nn[x]] || (d[x][into] == d[x][nn[x]] && into < nn[x])) nn[x] = into;
            }
        }
        int[] label = new int[n];
        Arrays.fill(label, -1);
        int k = 0;
        int[] cluster = new int[n];
        for (int i = 0; i < n; i++) {
            if (label[root[i]] < 0) label[root[i]] = k++;
            cluster[i] = label[root[i]];
        }
        float[][] c = meanDirections(xs, dims, k, cluster, new float[k][dims]);
        double[] sim = new double[n];
        for (int i = 0; i < n; i++) sim[i] = xs.get(i).dot(c[cluster[i]]);
        return new SphericalKMeans.Model(c, cluster, sim);
    }

    private static int nearestActive(float[][] d, boolean[] active, int i) {
        int best = -1;
        for (int j = 0; j < d.length; j++) {
            if (j == i || !active[j]) continue;
            if (best < 0 || d[i][j] < d[i][best]) best = j;
        }
        return best;
    }

    private static int[] sorted(List<Integer> xs) {
        int[] a = xs.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(a);
        return a;
    }

    /**
     * The fit's themes with all of {@code docs}: papers with no terms and fit-set papers in no theme go to Other;
     * papers outside the fit set to the nearest theme if close enough, else Other, and secondary themes likewise.
     */
    public static Result place(Corpus corpus, List<Integer> docs, Fit fit) {
        int k = fit.themes().size();
        boolean[] member = new boolean[corpus.size()];
        for (Fitted f : fit.themes()) for (int d : f.members()) member[d] = true;
        List<Integer> other = new ArrayList<>();
        List<Integer> later = new ArrayList<>();
        for (int d : docs) {
            if (corpus.vectors.get(d).isEmpty() || (corpus.fit[d] && !member[d])) other.add(d);
            else if (!corpus.fit[d]) later.add(d);
        }
        float[][] c = new float[k][];
        List<List<Integer>> membersOf = new ArrayList<>();
        List<List<Integer>> secondaryOf = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            Fitted f = fit.themes().get(j);
            c[j] = f.centroid();
            membersOf.add(new ArrayList<>(Arrays.stream(f.members()).boxed().toList()));
            secondaryOf.add(new ArrayList<>(Arrays.stream(f.secondary()).boxed().toList()));
        }
        List<SparseVector> ls = later.stream().map(corpus.vectors::get).toList();
        double[] lsims = SphericalKMeans.similarities(ls, c);
        for (int i = 0; i < ls.size(); i++) {
            Placement at = placeLater(lsims, i, k);
            if (at.theme() < 0) {
                other.add(later.get(i));
                continue;
            }
            membersOf.get(at.theme()).add(later.get(i));
            for (int j : at.secondary()) secondaryOf.get(j).add(later.get(i));
        }
        List<Group> groups = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            List<Integer> members = membersOf.get(j);
            Collections.sort(members);
            Collections.sort(secondaryOf.get(j));
            groups.add(new Group(c[j], members, secondaryOf.get(j), fit.themes().get(j).members().length, j));
        }
        Collections.sort(other);
        // Biggest first (by fit-set members, which papers added later do not change); equal sizes by their first
        // fit-set member, so the order depends neither on k-means' numbering nor on papers added later.
        groups.sort(Comparator.comparingInt((Group g) -> -g.fitMembers())
                .thenComparingInt(g -> fit.themes().get(g.fitted()).members()[0]));
        return new Result(groups, other, fit.chosenK(), fit.silhouette());
    }

    /** Where a paper outside the fit set goes: a fitted theme (-1: Other) and its secondary themes, closest first. */
    public record Placement(int theme, List<Integer> secondary) {}

    /**
     * Places paper {@code i} of {@code sims} ({@code [i * k + j]}: its cosine with fitted theme j, as
     * {@link SphericalKMeans#similarities} gives it) into the fit's {@code k} themes: the nearest if close enough,
     * and the secondary themes nearly as close. What {@link #place} does with each paper outside the fit set.
     */
    public static Placement placeLater(double[] sims, int i, int k) {
        boolean[] alive = new boolean[k];
        Arrays.fill(alive, true);
        int to = nearest(sims, i, k, alive);
        return to < 0 ? new Placement(-1, List.of()) : new Placement(to, secondary(sims, i, k, alive, to, sims[i * k + to]));
    }

    static final int NEIGHBOURS = 10;
    /**
     * Two themes are one theme told twice when their papers are, on average, nearly as alike across the two as
     * within each: mean cross cosine at least this share of the lower mean inner cosine. (A ratio of averages does
     * not depend on the themes' sizes, which a cosine of centroids does.)
     */
    static final double MERGE_RATIO = 0.8;

    /** Merges near-duplicate themes, the closest pair first, the smaller into the bigger; relabels {@code cluster}. */
    static void mergeNearDuplicates(List<SparseVector> xs, int dims, float[][] c, int[] cluster, double mergeRatio) {
        int k = c.length;
        double[][] sum = new double[k][dims];
        int[] size = new int[k];
        for (int i = 0; i < xs.size(); i++) {
            xs.get(i).addTo(sum[cluster[i]]);
            size[cluster[i]]++;
        }
        double[] inner = new double[k];
        double[][] cross = new double[k][k];
        for (int a = 0; a < k; a++) {
            if (size[a] == 0) continue;
            for (int b = a; b < k; b++) {
                if (size[b] == 0) continue;
                double dot = 0;
                for (int t = 0; t < dims; t++) dot += sum[a][t] * sum[b][t];
                cross[a][b] = cross[b][a] = dot;
            }
        }
        while (true) {
            for (int a = 0; a < k; a++) {
                inner[a] = size[a] < 2 ? 0 : (cross[a][a] - size[a]) / ((double) size[a] * (size[a] - 1));
            }
            int ba = -1, bb = -1;
            double best = mergeRatio;
            for (int a = 0; a < k; a++) {
                if (size[a] < 2) continue;
                for (int b = a + 1; b < k; b++) {
                    if (size[b] < 2) continue;
                    double ratio = cross[a][b] / ((double) size[a] * size[b]) / Math.min(inner[a], inner[b]);
                    if (ratio >= best) {
                        best = ratio;
                        ba = a;
                        bb = b;
                    }
                }
            }
            if (ba < 0) break;
            int into = size[ba] >= size[bb] ? ba : bb, from = into == ba ? bb : ba;
            for (int i = 0; i < cluster.length; i++) if (cluster[i] == from) cluster[i] = into;
            for (int j = 0; j < k; j++) {
                cross[into][j] += cross[from][j];
                cross[j][into] = cross[into][j];
            }
            cross[into][into] += cross[from][into]; // |A+B|² = |A|² + 2AB + |B|²
            size[into] += size[from];
            size[from] = 0;
        }
        float[][] merged = meanDirections(xs, dims, k, cluster, c);
        for (int j = 0; j < k; j++) c[j] = size[j] == 0 ? new float[dims] : merged[j];
    }

    /**
     * Each paper's vector plus those of its nearest neighbours, weighted by their similarity: a short abstract
     * shares few words with its topic's other papers, and its neighbours fill in the words it did not use.
     */
    static List<SparseVector> smooth(List<SparseVector> xs, float[][] distances, int dims, int m) {
        int n = xs.size();
        List<SparseVector> out = new ArrayList<>(n);
        double[] acc = new double[dims];
        for (int i = 0; i < n; i++) {
            float[] row = distances[i];
            Integer[] order = new Integer[n];
            for (int j = 0; j < n; j++) order[j] = j;
            final int self = i;
            Arrays.sort(order, (a, b) -> a == self ? -1 : b == self ? 1
                    : row[a] != row[b] ? Float.compare(row[a], row[b]) : Integer.compare(a, b));
            xs.get(i).addTo(acc);
            for (int r = 1; r <= Math.min(m, n - 1); r++) {
                int j = order[r];
                double w = 1 - row[j];
                if (w <= 0) break;
                SparseVector x = xs.get(j);
                for (int e = 0; e < x.ids().length; e++) acc[x.ids()[e]] += w * x.weights()[e];
            }
            int nz = 0;
            double norm = 0;
            for (double v : acc) if (v != 0) { nz++; norm += v * v; }
            norm = Math.sqrt(norm);
            int[] ids = new int[nz];
            float[] w = new float[nz];
            int q = 0;
            for (int t = 0; t < dims; t++) {
                if (acc[t] == 0) continue;
                ids[q] = t;
                w[q++] = (float) (acc[t] / norm);
                acc[t] = 0;
            }
            out.add(nz == 0 ? SparseVector.EMPTY : new SparseVector(ids, w));
        }
        return out;
    }

    private static SparseVector renumber(SparseVector x, int[] local) {
        int[] ids = new int[x.ids().length];
        for (int i = 0; i < ids.length; i++) ids[i] = local[x.ids()[i]];
        return new SparseVector(ids, x.weights());
    }

    /**
     * Each vector's cosine with the mean of the OTHER members of its cluster. A paper counts toward its own
     * centroid, which flatters it (in a cluster of 20 by about 0.15); this is the honest measure of whether it fits.
     */
    static double[] leaveOneOut(List<SparseVector> xs, int dims, int k, int[] cluster) {
        double[][] sum = new double[k][dims];
        for (int i = 0; i < xs.size(); i++) xs.get(i).addTo(sum[cluster[i]]);
        double[] norm2 = new double[k];
        for (int j = 0; j < k; j++) for (double v : sum[j]) norm2[j] += v * v;
        double[] out = new double[xs.size()];
        for (int i = 0; i < xs.size(); i++) {
            SparseVector x = xs.get(i);
            double xs2 = 0;
            for (int t = 0; t < x.ids().length; t++) xs2 += x.weights()[t] * sum[cluster[i]][x.ids()[t]];
            double rest2 = norm2[cluster[i]] - 2 * xs2 + 1; // |S - x|² for a unit x
            out[i] = rest2 <= 1e-9 ? 0 : (xs2 - 1) / Math.sqrt(rest2);
        }
        return out;
    }

    /** Up to {@link #MAX_SECONDARY} other themes nearly as close as the primary, closest first. */
    public static List<Integer> secondary(double[] sims, int i, int k, boolean[] alive, int primary, double primarySim) {
        double floor = Math.max(SECONDARY_MIN, SECONDARY_RATIO * primarySim);
        List<Integer> out = new ArrayList<>();
        boolean[] taken = new boolean[k];
        while (out.size() < MAX_SECONDARY) {
            int best = -1;
            for (int j = 0; j < k; j++) {
                if (!alive[j] || j == primary || taken[j]) continue;
                if (best < 0 || sims[i * k + j] > sims[i * k + best]) best = j; // ties to the lower index
            }
            if (best < 0 || sims[i * k + best] < floor) break;
            taken[best] = true;
            out.add(best);
        }
        return out;
    }

    /** The closest live theme at least {@link #OTHER_BELOW} close (ties to the higher index, as always), or -1. */
    private static int nearest(double[] sims, int i, int k, boolean[] alive) {
        int best = -1;
        double bestSim = OTHER_BELOW;
        for (int j = 0; j < k; j++) {
            if (!alive[j]) continue;
            double s = sims[i * k + j];
            if (s >= bestSim) {
                if (s > bestSim || best < 0) best = j;
                bestSim = s;
            }
        }
        return best;
    }

    /** Cosine distances between all pairs of the (sampled) vectors. */
    static float[][] distances(List<SparseVector> xs, int dims) {
        int n = xs.size();
        float[][] d = new float[n][n];
        float[] row = new float[dims];
        for (int i = 0; i < n; i++) {
            SparseVector x = xs.get(i);
            for (int k = 0; k < x.ids().length; k++) row[x.ids()[k]] = x.weights()[k];
            for (int j = i + 1; j < n; j++) d[i][j] = d[j][i] = (float) (1 - xs.get(j).dot(row));
            for (int k = 0; k < x.ids().length; k++) row[x.ids()[k]] = 0;
        }
        return d;
    }

    /**
     * Mean silhouette: for each vector, a = mean distance to its own cluster, b = mean distance to the nearest
     * other cluster, s = (b - a) / max(a, b). Near 1 for well separated clusters, near 0 when there are none.
     */
    static double silhouette(float[][] distances, SphericalKMeans.Model m) {
        int n = distances.length, k = m.k();
        if (k < 2) return 0;
        int[] cl = m.cluster();
        int[] size = new int[k];
        for (int c : cl) size[c]++;
        double total = 0;
        double[] sum = new double[k];
        for (int i = 0; i < n; i++) {
            Arrays.fill(sum, 0);
            float[] row = distances[i];
            for (int j = 0; j < n; j++) sum[cl[j]] += row[j];
            int own = cl[i];
            if (size[own] < 2) continue; // a singleton's silhouette is 0 by convention
            double a = sum[own] / (size[own] - 1);
            double b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) if (c != own && size[c] > 0) b = Math.min(b, sum[c] / size[c]);
            double denom = Math.max(a, b);
            if (denom > 0 && b != Double.POSITIVE_INFINITY) total += (b - a) / denom;
        }
        return total / n;
    }

    /**
     * At most {@link #SAMPLE_SIZE} of the papers, ascending: those whose slugs hash lowest, so a paper's being
     * in the sample depends on it alone, not on its position or on which other papers there are.
     */
    private static List<Integer> sample(List<Integer> usable, Corpus corpus) {
        if (usable.size() <= SAMPLE_SIZE) return usable;
        long[] keyed = new long[usable.size()];
        for (int i = 0; i < keyed.length; i++) {
            // high 40 bits: the slug's hash; low 24 bits: the position, for ties and to find the paper again
            keyed[i] = (hash(corpus.papers.get(usable.get(i)).slug()) & ~0xFFFFFFL) | i;
        }
        java.util.Arrays.parallelSort(keyed);
        List<Integer> s = new ArrayList<>(SAMPLE_SIZE);
        for (int i = 0; i < SAMPLE_SIZE; i++) s.add(usable.get((int) (keyed[i] & 0xFFFFFF)));
        Collections.sort(s);
        return s;
    }

    /** A well-mixed 64-bit hash of a string (FNV-1a, then a finaliser), never negative. */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h >>> 1;
    }

    private static float[][] meanDirections(List<SparseVector> xs, int dims, int k, int[] cluster, float[][] previous) {
        double[][] sum = new double[k][dims];
        int[] size = new int[k];
        for (int i = 0; i < xs.size(); i++) {
            xs.get(i).addTo(sum[cluster[i]]);
            size[cluster[i]]++;
        }
        float[][] out = new float[k][];
        for (int j = 0; j < k; j++) {
            if (size[j] == 0) {
                out[j] = previous[j];
                continue;
            }
            double norm = 0;
            for (double v : sum[j]) norm += v * v;
            norm = Math.sqrt(norm);
            out[j] = new float[dims];
            for (int t = 0; t < dims; t++) out[j][t] = (float) (sum[j][t] / norm);
        }
        return out;
    }
}
