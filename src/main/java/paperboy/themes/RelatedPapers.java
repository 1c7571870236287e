package paperboy.themes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * For each paper, the {@link #COUNT} most similar other papers by cosine. Small corpora are compared exhaustively;
 * large ones through an inverted index over each paper's strongest terms, with long posting lists cut to their
 * strongest entries, so the work per paper is bounded and the total linear in the number of papers.
 */
final class RelatedPapers {
    static final int COUNT = 5;
    /** Below this, comparing every pair is cheaper than building an index. */
    static final int EXHAUSTIVE_UP_TO = 3000;
    private static final int QUERY_TERMS = 12;
    private static final int INDEX_TERMS = 24;
    private static final int POSTINGS_CAP = 300;
    private static final int RESCORE = 30;
    private static final int CHUNK = 256;
    /** A paper sharing only a word or two is not related. */
    private static final double MIN_SIMILARITY = 0.05;

    private RelatedPapers() {}

    /** Corpus index to related corpus indices, most similar first (ties to the lower index). */
    static int[][] compute(Corpus corpus) {
        List<SparseVector> xs = corpus.vectors;
        if (xs.size() <= EXHAUSTIVE_UP_TO) {
            int dims = corpus.terms.length;
            return IntStream.range(0, xs.size()).parallel()
                    .mapToObj(i -> top(i, IntStream.range(0, xs.size()), xs, dense(xs.get(i), dims)))
                    .toArray(int[][]::new);
        }
        Postings[] postings = index(corpus);
        int n = xs.size();
        int[][] out = new int[n][];
        // Chunks of papers share one scratch accumulator, so memory stays O(n) per thread, not per paper.
        IntStream.range(0, (n + CHUNK - 1) / CHUNK).parallel().forEach(chunk -> {
            Scratch scratch = new Scratch(n);
            for (int i = chunk * CHUNK; i < Math.min(n, (chunk + 1) * CHUNK); i++) {
                out[i] = top(i, candidates(i, xs.get(i), postings, scratch), xs, null);
            }
        });
        return out;
    }

    /** @param denseX the paper's vector spread out, for fast products with every other; null to merge instead */
    private static int[] top(int i, IntStream candidates, List<SparseVector> xs, float[] denseX) {
        SparseVector x = xs.get(i);
        double[] bestSim = new double[COUNT];
        int[] best = new int[COUNT];
        int n = 0;
        for (int j : (Iterable<Integer>) candidates::iterator) {
            if (j == i) continue;
            double s = denseX != null ? xs.get(j).dot(denseX) : x.dot(xs.get(j));
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

    /** The papers having one term among their strongest, with its weight in each, strongest first. */
    private record Postings(int[] docs, float[] weights) {}

    private static float[] dense(SparseVector x, int dims) {
        float[] d = new float[dims];
        for (int k = 0; k < x.ids().length; k++) d[x.ids()[k]] = x.weights()[k];
        return d;
    }

    /** Term id to its postings, capped at the {@link #POSTINGS_CAP} strongest. */
    private static Postings[] index(Corpus corpus) {
        Map<Integer, List<float[]>> lists = new HashMap<>();
        for (int d = 0; d < corpus.size(); d++) {
            SparseVector x = corpus.vectors.get(d);
            for (int k : strongest(x, INDEX_TERMS)) {
                lists.computeIfAbsent(x.ids()[k], t -> new ArrayList<>()).add(new float[] {d, x.weights()[k]});
            }
        }
        Postings[] postings = new Postings[corpus.terms.length];
        lists.forEach((term, l) -> {
            l.sort((a, b) -> a[1] != b[1] ? Float.compare(b[1], a[1]) : Float.compare(a[0], b[0]));
            int m = Math.min(POSTINGS_CAP, l.size());
            int[] docs = new int[m];
            float[] w = new float[m];
            for (int e = 0; e < m; e++) {
                docs[e] = (int) l.get(e)[0];
                w[e] = l.get(e)[1];
            }
            postings[term] = new Postings(docs, w);
        });
        return postings;
    }

    /** A dense accumulator over all papers and the list of entries touched, reset after each use. */
    private static final class Scratch {
        final float[] score;
        final int[] touched;
        int count;

        Scratch(int n) {
            score = new float[n];
            touched = new int[n];
        }
    }

    /** Papers sharing one of this paper's strongest terms, ranked by that partial overlap, best {@link #RESCORE}. */
    private static IntStream candidates(int i, SparseVector x, Postings[] postings, Scratch s) {
        for (int k : strongest(x, QUERY_TERMS)) {
            Postings p = postings[x.ids()[k]];
            if (p == null) continue;
            float w = x.weights()[k];
            for (int e = 0; e < p.docs().length; e++) {
                int d = p.docs()[e];
                if (d == i) continue;
                if (s.score[d] == 0) s.touched[s.count++] = d;
                s.score[d] += w * p.weights()[e];
            }
        }
        // Keep the best RESCORE by partial score (ties to the lower index): a small insertion-sorted buffer.
        int[] best = new int[RESCORE];
        float[] bestScore = new float[RESCORE];
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
        return IntStream.of(Arrays.copyOf(best, m));
    }

    /** Positions (into the vector's arrays) of its largest weights. */
    private static int[] strongest(SparseVector x, int count) {
        Integer[] pos = IntStream.range(0, x.ids().length).boxed().toArray(Integer[]::new);
        Arrays.sort(pos, (a, b) -> a.equals(b) ? 0 : x.weights()[a] != x.weights()[b]
                ? Float.compare(x.weights()[b], x.weights()[a]) : Integer.compare(a, b));
        return Arrays.stream(pos).limit(count).mapToInt(Integer::intValue).toArray();
    }
}
