package paperboy.themes;

import paperboy.themes.text.Corpus;
import paperboy.themes.text.SparseVector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * For each paper, the {@link #COUNT} most similar other papers by cosine, among its <em>candidates</em>: the fit
 * set and the papers first seen no later than itself. So a paper's list never changes when newer papers arrive
 * (its old page stays as it was); within the fit set, every paper is a candidate for every other. Small corpora
 * are compared exhaustively; large ones through an inverted index over each paper's strongest terms, with the
 * fit set's long posting lists cut to their strongest entries, so the work per paper is bounded and the total
 * linear in the number of papers.
 */
final class RelatedPapers {
    /** Candidates kept per paper, most similar first; {@link #rerank} picks the {@link #SHOWN} shown from them. */
    static final int COUNT = 15;
    static final int SHOWN = 5;
    /** Sharing the primary theme counts as much as this much more cosine. */
    static final double SAME_THEME_BONUS = 0.1;
    /**
     * Up to a fit set of this size, comparing every pair is cheaper than building an index (the fit set is at
     * least {@link FitSet#MIN_SHARE} of the papers, so there are at most a quarter more).
     */
    static final int EXHAUSTIVE_UP_TO = 3000;
    private static final int QUERY_TERMS = 12;
    private static final int INDEX_TERMS = 24;
    private static final int POSTINGS_CAP = 300;
    private static final int RESCORE = 30;
    private static final int CHUNK = 256;
    /** A paper sharing only a word or two is not related. */
    private static final double MIN_SIMILARITY = 0.05;

    private RelatedPapers() {}

    /**
     * The {@link #SHOWN} related papers of each paper: its candidates ranked by cosine plus
     * {@link #SAME_THEME_BONUS} for those sharing its primary theme (the theme is evidence the words alone may
     * miss); ties keep the cosine order.
     *
     * @param primary per corpus index, its primary theme's key (null: none)
     */
    static int[][] rerank(Corpus corpus, int[][] candidates, Object[] primary) {
        return rerank(corpus, candidates, primary, SAME_THEME_BONUS);
    }

    static int[][] rerank(Corpus corpus, int[][] candidates, Object[] primary, double bonus) {
        int n = candidates.length;
        int[][] out = new int[n][];
        // Each paper on its own: in parallel (a tenth of the themes phase of a new day at 365 days, on one core).
        java.util.stream.IntStream.range(0, n).parallel().forEach(i -> out[i] = rerankOne(corpus.vectors.get(i),
                candidates[i], c -> corpus.vectors.get(c), primary[i], c -> primary[c], bonus));
        return out;
    }

    /**
     * One paper's {@link #SHOWN} related papers from its candidates (see {@link #rerank}).
     *
     * @param vector    a candidate's vector
     * @param primaryOf a candidate's primary theme's key (null: none)
     */
    static int[] rerankOne(SparseVector x, int[] c, IntFunction<SparseVector> vector, Object primary,
                           IntFunction<Object> primaryOf, double bonus) {
        double[] score = new double[c.length];
        Integer[] order = new Integer[c.length];
        for (int r = 0; r < c.length; r++) {
            order[r] = r;
            score[r] = x.dot(vector.apply(c[r])) + (primary != null && primary.equals(primaryOf.apply(c[r])) ? bonus : 0);
        }
        Arrays.sort(order, (a, b) -> score[a] != score[b] ? Double.compare(score[b], score[a]) : Integer.compare(a, b));
        int[] out = new int[Math.min(SHOWN, c.length)];
        for (int r = 0; r < out.length; r++) out[r] = c[order[r]];
        return out;
    }

    /** Corpus index to related corpus indices, most similar first (ties to the lower index). */
    static int[][] compute(Corpus corpus) {
        return compute(corpus, null);
    }

    /**
     * @param known per corpus index, the list an earlier build found for a fit-set paper (null: find it); a
     *              fit-set paper's list depends on the fit set alone (its candidates, and whether they are
     *              compared exhaustively, which goes by the fit set's size)
     */
    static int[][] compute(Corpus corpus, int[][] known) {
        SparseVector[] xs = corpus.vectors.toArray(new SparseVector[0]);
        int n = xs.length;
        boolean[] fit = corpus.fit;
        long[] firstSeen = new long[n];
        for (int i = 0; i < n; i++) firstSeen[i] = corpus.papers.get(i).firstSeen().toEpochDay();
        Candidates allowed = (i, d) -> d != i && (fit[d] || firstSeen[d] <= firstSeen[i]);
        int[][] out = new int[n][];
        boolean[] todo = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (known != null && known[i] != null) out[i] = known[i];
            else todo[i] = true;
        }
        if (corpus.fitSize <= EXHAUSTIVE_UP_TO) {
            int dims = corpus.dims;
            int[] everyone = IntStream.range(0, n).toArray();
            IntStream.range(0, n).parallel().filter(i -> todo[i]).forEach(i -> {
                float[] dense = new float[dims];
                SparseVector x = xs[i];
                for (int k = 0; k < x.ids().length; k++) dense[x.ids()[k]] = x.weights()[k];
                out[i] = top(i, everyone, everyone.length, xs, dense, allowed);
            });
            return out;
        }
        // Candidates come from the words papers share (an index over each paper's strongest terms); they are then
        // ranked by the full cosine, embeddings included.
        SparseVector[] ts = corpus.termVectors.toArray(new SparseVector[0]);
        int[][] strongest = new int[n][];
        IntStream.range(0, n).parallel().forEach(i -> strongest[i] = strongest(ts[i], INDEX_TERMS));
        Postings[] postings = index(ts, strongest, fit, corpus.terms.length);
        // Chunks of papers share one scratch accumulator, so memory stays O(n) per thread, not per paper.
        IntStream.range(0, (n + CHUNK - 1) / CHUNK).parallel().forEach(chunk -> {
            Scratch scratch = new Scratch(n);
            float[] dense = new float[corpus.dims];
            for (int i = chunk * CHUNK; i < Math.min(n, (chunk + 1) * CHUNK); i++) {
                if (!todo[i]) continue;
                int m = candidates(i, ts[i], strongest[i], postings, scratch, allowed);
                SparseVector x = xs[i];
                for (int k = 0; k < x.ids().length; k++) dense[x.ids()[k]] = x.weights()[k];
                out[i] = top(i, scratch.best, m, xs, dense, allowed);
                for (int k = 0; k < x.ids().length; k++) dense[x.ids()[k]] = 0;
            }
        });
        return out;
    }

    /**
     * What {@link #compute} gives the papers {@code todo}, all outside the fit set, without the corpus: the fit
     * set's vectors and capped postings come from where a frozen fit set keeps them, and only the candidates'
     * vectors are read. The same candidates, the same choice of exhaustive comparison or index, the same scores.
     *
     * @param xs          per corpus index, its vector where known: every paper when the fit set is compared
     *                    exhaustively, else at least the papers outside the fit set; filled in from {@code fitVector}
     * @param fitVector   a fit-set paper's vector, by corpus index
     * @param fitPostings per term id, the fit set's capped postings (as {@link #fitIndex} gives them, by corpus
     *                    index); null when no fit-set paper has it among its strongest terms
     * @param outside     the corpus indices outside the fit set, ascending
     * @param firstSeen   per corpus index outside the fit set, its first day (epoch day); the fit set's are not read
     * @return per paper of {@code todo}, its related papers (corpus indices), most similar first
     */
    static int[][] computeOutside(int[] todo, boolean[] fit, int[] outside, long[] firstSeen, int fitSize, int dims,
                                  SparseVector[] xs, IntFunction<SparseVector> fitVector, IntFunction<Postings> fitPostings) {
        return computeOutside(todo, fit, outside, firstSeen, fitSize, dims, xs, xs, dims, fitVector, fitPostings);
    }

    /**
     * As above for a corpus whose papers are compared by more than their words ({@link Corpus#withEmbeddings}):
     * candidates come from the TF-IDF vectors {@code ts} (over {@code termDims} terms; needed outside the fit set
     * only), as {@link #compute} finds them, and are ranked by the vectors {@code xs} (over {@code dims}).
     */
    static int[][] computeOutside(int[] todo, boolean[] fit, int[] outside, long[] firstSeen, int fitSize, int dims,
                                  SparseVector[] xs, SparseVector[] ts, int termDims, IntFunction<SparseVector> fitVector,
                                  IntFunction<Postings> fitPostings) {
        int n = xs.length;
        Candidates allowed = (i, d) -> d != i && (fit[d] || firstSeen[d] <= firstSeen[i]);
        int[][] out = new int[todo.length][];
        float[] dense = new float[dims];
        if (fitSize <= EXHAUSTIVE_UP_TO) {
            int[] everyone = IntStream.range(0, n).toArray();
            for (int q = 0; q < todo.length; q++) {
                SparseVector x = xs[todo[q]];
                for (int k = 0; k < x.ids().length; k++) dense[x.ids()[k]] = x.weights()[k];
                out[q] = top(todo[q], everyone, n, xs, dense, allowed);
                for (int k = 0; k < x.ids().length; k++) dense[x.ids()[k]] = 0;
            }
            return out;
        }
        // The papers outside the fit set are in the index uncapped, in paper order, after the fit set's capped part.
        Map<Integer, List<long[]>> rest = new HashMap<>();
        for (int d : outside) {
            for (int k : strongest(ts[d], INDEX_TERMS)) {
                rest.computeIfAbsent(ts[d].ids()[k], t -> new ArrayList<>())
                        .add(new long[] {d, Float.floatToIntBits(ts[d].weights()[k])});
            }
        }
        Postings[] postings = new Postings[termDims];
        Scratch scratch = new Scratch(n);
        int[][] found = new int[todo.length][];
        for (int q = 0; q < todo.length; q++) {
            int i = todo[q];
            SparseVector words = ts[i];
            int[] strongest = strongest(words, INDEX_TERMS);
            for (int k = 0; k < Math.min(QUERY_TERMS, strongest.length); k++) {
                int t = words.ids()[strongest[k]];
                if (postings[t] == null) postings[t] = joined(fitPostings.apply(t), rest.getOrDefault(t, List.of()));
            }
            found[q] = Arrays.copyOf(scratch.best, candidates(i, words, strongest, postings, scratch, allowed));
        }
        // The candidates' vectors, each read once and on every core: at ten years they are ~10,000 reads scattered
        // over the store's mapped file, about a quarter of a daily build's time in its themes when read one by one.
        int[] missing = Arrays.stream(found).flatMapToInt(Arrays::stream).filter(c -> xs[c] == null).distinct()
                .sorted().toArray();
        SparseVector[] read = new SparseVector[missing.length];
        IntStream.range(0, missing.length).parallel().forEach(k -> read[k] = fitVector.apply(missing[k]));
        for (int k = 0; k < missing.length; k++) xs[missing[k]] = read[k];
        for (int q = 0; q < todo.length; q++) {
            SparseVector x = xs[todo[q]];
            for (int k = 0; k < x.ids().length; k++) dense[x.ids()[k]] = x.weights()[k];
            out[q] = top(todo[q], found[q], found[q].length, xs, dense, allowed);
            for (int k = 0; k < x.ids().length; k++) dense[x.ids()[k]] = 0;
        }
        return out;
    }

    /** A term's postings: the fit set's (capped) then the rest's; an empty posting list is null, as in {@link #index}. */
    private static Postings joined(Postings fit, List<long[]> rest) {
        int m = fit == null ? 0 : fit.docs().length;
        if (m + rest.size() == 0) return null;
        int[] docs = Arrays.copyOf(fit == null ? new int[0] : fit.docs(), m + rest.size());
        float[] w = Arrays.copyOf(fit == null ? new float[0] : fit.weights(), docs.length);
        for (int r = 0; r < rest.size(); r++) {
            docs[m + r] = (int) rest.get(r)[0];
            w[m + r] = Float.intBitsToFloat((int) rest.get(r)[1]);
        }
        return new Postings(docs, w);
    }

    /**
     * The fit set's part of the index {@link #compute} builds: per term id, the fit-set papers having it among
     * their strongest terms, strongest first, capped (positions in {@code fitVectors}, which are in corpus order).
     */
    static Postings[] fitIndex(SparseVector[] fitVectors, int dims) {
        int[][] strongest = new int[fitVectors.length][];
        IntStream.range(0, fitVectors.length).parallel().forEach(i -> strongest[i] = strongest(fitVectors[i], INDEX_TERMS));
        boolean[] all = new boolean[fitVectors.length];
        Arrays.fill(all, true);
        return index(fitVectors, strongest, all, dims);
    }

    /** Whether paper d may be listed as related to paper i. */
    private interface Candidates {
        boolean test(int i, int d);
    }

    /** @param denseX the paper's vector spread out, for fast products with every other */
    private static int[] top(int i, int[] candidates, int count, SparseVector[] xs, float[] denseX, Candidates allowed) {
        double[] bestSim = new double[COUNT];
        int[] best = new int[COUNT];
        int n = 0;
        for (int c = 0; c < count; c++) {
            int j = candidates[c];
            if (!allowed.test(i, j)) continue;
            double s = xs[j].dot(denseX);
            if (s < MIN_SIMILARITY) continue;
            if (n == COUNT && s <= bestSim[COUNT - 1]) continue;
            int pos = n < COUNT ? n++ : COUNT - 1;
            while (pos > 0 && (bestSim[pos - 1] < s || (bestSim[pos - 1] == s && best[pos - 1] > j))) {
                bestSim[pos] = bestSim[pos - 1];
                best[pos] = best[pos - 1];
                pos--;
            }
            bestSim[pos] = s;
            best[pos] = j;
        }
        return Arrays.copyOf(best, n);
    }

    /**
     * The papers having one term among their strongest, with its weight in each: first the fit set's, strongest
     * first and capped at {@link #POSTINGS_CAP}, then the rest's in paper order, uncapped (a cap there would let
     * a newer paper push an older one out).
     */
    record Postings(int[] docs, float[] weights) {}

    private static Postings[] index(SparseVector[] xs, int[][] strongest, boolean[] fit, int dims) {
        int[] fitLen = new int[dims], restLen = new int[dims];
        for (int d = 0; d < xs.length; d++) {
            for (int k : strongest[d]) (fit[d] ? fitLen : restLen)[xs[d].ids()[k]]++;
        }
        long[][] fitEntries = new long[dims][];
        int[][] restDocs = new int[dims][];
        float[][] restWeights = new float[dims][];
        int[] fitFill = new int[dims], restFill = new int[dims];
        for (int d = 0; d < xs.length; d++) {
            for (int k : strongest[d]) {
                int t = xs[d].ids()[k];
                float w = xs[d].weights()[k];
                if (fit[d]) {
                    if (fitEntries[t] == null) fitEntries[t] = new long[fitLen[t]];
                    fitEntries[t][fitFill[t]++] = byWeight(w, d);
                } else {
                    if (restDocs[t] == null) {
                        restDocs[t] = new int[restLen[t]];
                        restWeights[t] = new float[restLen[t]];
                    }
                    restDocs[t][restFill[t]] = d;
                    restWeights[t][restFill[t]++] = w;
                }
            }
        }
        Postings[] postings = new Postings[dims];
        IntStream.range(0, dims).parallel().forEach(t -> {
            if (fitLen[t] == 0 && restLen[t] == 0) return;
            int m = Math.min(POSTINGS_CAP, fitLen[t]);
            int[] docs = new int[m + restLen[t]];
            float[] w = new float[docs.length];
            if (fitLen[t] > 0) {
                long[] e = fitEntries[t];
                Arrays.sort(e); // strongest first, ties to the lower paper index
                for (int i = 0; i < m; i++) {
                    docs[i] = (int) e[i];
                    w[i] = Float.intBitsToFloat(Integer.MAX_VALUE - (int) (e[i] >>> 32));
                }
            }
            if (restLen[t] > 0) {
                System.arraycopy(restDocs[t], 0, docs, m, restLen[t]);
                System.arraycopy(restWeights[t], 0, w, m, restLen[t]);
            }
            postings[t] = new Postings(docs, w);
        });
        return postings;
    }

    /** A positive weight and an index packed so that ascending order is weight descending, then index ascending. */
    private static long byWeight(float w, int index) {
        return ((long) (Integer.MAX_VALUE - Float.floatToIntBits(w)) << 32) | index;
    }

    /** A dense accumulator over all papers and the list of entries touched, reset after each use. */
    private static final class Scratch {
        final float[] score;
        final int[] touched;
        final int[] best = new int[RESCORE];
        final float[] bestScore = new float[RESCORE];
        int count;

        Scratch(int n) {
            score = new float[n];
            touched = new int[n];
        }
    }

    /**
     * Allowed papers sharing one of this paper's strongest terms, ranked by that partial overlap: the best
     * {@link #RESCORE} go to {@code s.best}; returns how many.
     */
    private static int candidates(int i, SparseVector x, int[] strongest, Postings[] postings, Scratch s,
                                  Candidates allowed) {
        int queryTerms = Math.min(QUERY_TERMS, strongest.length);
        for (int q = 0; q < queryTerms; q++) {
            int k = strongest[q];
            Postings p = postings[x.ids()[k]];
            if (p == null) continue;
            float w = x.weights()[k];
            int[] docs = p.docs();
            float[] pw = p.weights();
            for (int e = 0; e < docs.length; e++) {
                int d = docs[e];
                if (!allowed.test(i, d)) continue;
                if (s.score[d] == 0) s.touched[s.count++] = d;
                s.score[d] += w * pw[e];
            }
        }
        // Keep the best RESCORE by partial score (ties to the lower index): a small insertion-sorted buffer.
        int[] best = s.best;
        float[] bestScore = s.bestScore;
        int m = 0;
        for (int t = 0; t < s.count; t++) {
            int d = s.touched[t];
            float sc = s.score[d];
            s.score[d] = 0;
            if (m == RESCORE && (sc < bestScore[m - 1] || (sc == bestScore[m - 1] && d > best[m - 1]))) continue;
            int pos = m < RESCORE ? m++ : RESCORE - 1;
            while (pos > 0 && (bestScore[pos - 1] < sc || (bestScore[pos - 1] == sc && best[pos - 1] > d))) {
                best[pos] = best[pos - 1];
                bestScore[pos] = bestScore[pos - 1];
                pos--;
            }
            best[pos] = d;
            bestScore[pos] = sc;
        }
        s.count = 0;
        return m;
    }

    /** Positions (into the vector's arrays) of its largest weights, largest first (ties to the lower position). */
    private static int[] strongest(SparseVector x, int count) {
        float[] w = x.weights();
        long[] keyed = new long[w.length];
        for (int i = 0; i < w.length; i++) keyed[i] = byWeight(w[i], i);
        Arrays.sort(keyed);
        int[] out = new int[Math.min(count, w.length)];
        for (int i = 0; i < out.length; i++) out[i] = (int) keyed[i];
        return out;
    }
}
