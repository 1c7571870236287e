package paperboy.themes.curated;

import paperboy.themes.text.Corpus;
import paperboy.themes.text.SparseVector;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Assigns papers to a given taxonomy by weighing all the evidence, not by the first keyword found. A paper's
 * score for a theme adds up
 * <ul>
 *   <li>its keyword hits (a title hit weighs more than an abstract one, a longer phrase more than a word),
 *       saturating so that many hits do not drown the rest: {@code 1 - exp(-hits / KEYWORD_SCALE)};</li>
 *   <li>its similarity to what the theme says it is (name, description and keywords, as TF-IDF);</li>
 *   <li>its similarity to the papers that clearly belong to the theme: the centroid of the theme's confident
 *       members, refined over a few rounds (leave-one-out, so a paper does not vote for itself).</li>
 * </ul>
 * The highest score is the primary theme, unless it is below {@link #CLAIM_BELOW}: the paper is then left to the
 * automatic themes (or Other). Themes scoring nearly as high are secondary. Only the fit set's papers (see
 * {@link FitSet}) shape the centroids, so papers added within a month change no older paper's themes.
 */
public final class TaxonomyScorer {
    static final double KEYWORD_SCALE = 3.0;
    /**
     * How much a cosine weighs against a saturated keyword score: TF-IDF cosines of papers on one topic are about
     * 0.1, so a cosine of 0.1 with the description counts as one keyword in the title.
     */
    static final double SIMILARITY_WEIGHT = 10;
    /** The theme's own papers are better evidence than its description: twice the weight. */
    static final double CENTROID_WEIGHT = 20;
    static final int ROUNDS = 5;
    /** A paper whose best score is below this (one keyword hit's worth) is claimed by no curated theme. */
    static final double CLAIM_BELOW = 1.0;
    static final double SECONDARY_RATIO = 0.8;

    /**
     * How the evidence is weighed: cosines with the description and with the theme's papers against keyword hits,
     * and the score under which a paper is left unclaimed. The cosines' scale depends on what papers are compared
     * by (TF-IDF alone, or with embeddings), so each has its own weights, chosen by cross-validation on the dev set.
     *
     * @param embeddingCentroid the weight of one more piece of evidence, given sentence embeddings: the cosine of
     *                          the paper's embedding with the centroid of the theme's confident papers' embeddings
     *                          (seeded, like the other centroid, by keyword hits and the description); 0: unused
     */
    public record Weights(double similarity, double centroid, double claimBelow, double embeddingCentroid) {
        /** For TF-IDF vectors alone. */
        public static final Weights TFIDF = new Weights(SIMILARITY_WEIGHT, CENTROID_WEIGHT, CLAIM_BELOW, 0);

        public Weights(double similarity, double centroid, double claimBelow) {
            this(similarity, centroid, claimBelow, 0);
        }
    }

    private TaxonomyScorer() {}

    /**
     * @param keywordScores per paper and theme, {@link CuratedMatcher#scores}
     * @param pinned        per paper, the themes it is pinned to (first)
     * @return per paper, its themes primary first (at most {@link CuratedMatcher#MAX_THEMES}); empty: unclaimed
     */
    public static List<List<Integer>> assign(Corpus corpus, List<SparseVector> descriptions, int[][] keywordScores,
                                      List<List<Integer>> pinned) {
        return assign(corpus, descriptions, keywordScores, pinned, Weights.TFIDF);
    }

    public static List<List<Integer>> assign(Corpus corpus, List<SparseVector> descriptions, int[][] keywordScores,
                                             List<List<Integer>> pinned, Weights weights) {
        return assign(corpus, descriptions, keywordScores, pinned, weights, Optional.empty());
    }

    /**
     * @param embedded the same papers compared by their sentence embeddings alone ({@link Corpus#withEmbeddings}
     *                 with weight 1), for {@link Weights#embeddingCentroid}; empty: that evidence is not used
     */
    public static List<List<Integer>> assign(Corpus corpus, List<SparseVector> descriptions, int[][] keywordScores,
                                             List<List<Integer>> pinned, Weights weights, Optional<Corpus> embedded) {
        return scored(corpus, descriptions, keywordScores, pinned, weights, embedded).themes();
    }

    /**
     * The last round's centroids: per theme the sum of its confident fit-set members' vectors (dense, by term id)
     * and its squared norm. A paper outside the fit set is scored against these alone ({@link #score}), so they
     * are what a build placing new papers into a frozen fit set needs to keep.
     */
    public record Centroids(double[][] sum, double[] norm2) {}

    /**
     * Each paper's themes, and the centroids the last round scored them against: the corpus's, and the embeddings'
     * (by the ids of the embedded corpus; empty when that evidence is not used).
     */
    public record Scored(List<List<Integer>> themes, Centroids last, Optional<Centroids> lastEmbedded) {}

    public static Scored scored(Corpus corpus, List<SparseVector> descriptions, int[][] keywordScores,
                                List<List<Integer>> pinned, Weights weights) {
        return scored(corpus, descriptions, keywordScores, pinned, weights, Optional.empty());
    }

    /** @param embedded as in {@link #assign(Corpus, List, int[][], List, Weights, Optional)} */
    public static Scored scored(Corpus corpus, List<SparseVector> descriptions, int[][] keywordScores,
                                List<List<Integer>> pinned, Weights weights, Optional<Corpus> embedded) {
        Optional<Corpus> byEmbedding = embedded.filter(e -> weights.embeddingCentroid() > 0);
        int n = corpus.size(), k = descriptions.size();
        double[][] prior = new double[n][];
        for (int i = 0; i < n; i++) prior[i] = prior(corpus.vectors.get(i), descriptions, keywordScores[i], weights);
        int[] primary = new int[n];
        double[][] score = prior;
        Centroids last = new Centroids(new double[k][corpus.dims], new double[k]);
        Optional<Centroids> lastEmbedded = Optional.empty();
        for (int round = 0; round <= ROUNDS; round++) {
            for (int i = 0; i < n; i++) primary[i] = best(score[i], pinned.get(i), weights.claimBelow());
            if (round == ROUNDS) break;
            // Centroids of the fit set's confident members: claimed, and clearly ahead of their second theme.
            Sums sums = sums(corpus, primary, k);
            double[][] next = new double[n][];
            for (int i = 0; i < n; i++) {
                next[i] = score(corpus.vectors.get(i), prior[i], sums.sum(), sums.norm2(),
                        sums.counted()[i] ? primary[i] : -1, weights);
            }
            if (byEmbedding.isPresent()) {
                // The same papers' embeddings: a theme's papers are close in meaning where their words differ.
                Sums embeddedSums = sums(byEmbedding.get(), primary, k);
                double[][] near = centroidCosines(byEmbedding.get(), primary, embeddedSums);
                lastEmbedded = Optional.of(new Centroids(embeddedSums.sum(), embeddedSums.norm2()));
                for (int i = 0; i < n; i++) {
                    for (int t = 0; t < k; t++) next[i][t] += weights.embeddingCentroid() * near[i][t];
                }
            }
            score = next;
            last = new Centroids(sums.sum(), sums.norm2());
        }
        List<List<Integer>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(themes(score[i], pinned.get(i), weights));
        return new Scored(out, last, lastEmbedded);
    }

    /** A paper's score per theme before the centroids: keyword hits and its cosine with the theme's description. */
    public static double[] prior(SparseVector x, List<SparseVector> descriptions, int[] keywordScores, Weights weights) {
        double[] prior = new double[descriptions.size()];
        for (int t = 0; t < prior.length; t++) {
            prior[t] = 1 - Math.exp(-keywordScores[t] / KEYWORD_SCALE) + weights.similarity() * x.dot(descriptions.get(t));
        }
        return prior;
    }

    /**
     * A paper's score per theme: its prior plus its cosine with each theme's centroid ({@code sum[t]}, indexed by
     * the ids of {@code x}), leaving the paper itself out of theme {@code own} (-1: it is not counted in any).
     */
    public static double[] score(SparseVector x, double[] prior, double[][] sum, double[] norm2, int own, Weights weights) {
        double[] out = new double[prior.length];
        for (int t = 0; t < prior.length; t++) out[t] = prior[t] + weights.centroid() * cosine(x, sum[t], norm2[t], own == t);
        return out;
    }

    /**
     * The cosine of unit vector {@code x} with a centroid given as the sum of its members ({@code sum}, indexed by
     * the ids of {@code x}) and that sum's squared norm; with {@code member}, {@code x} is left out of the sum, so
     * a paper does not vote for itself.
     */
    private static double cosine(SparseVector x, double[] sum, double norm2, boolean member) {
        double dot = 0;
        for (int e = 0; e < x.ids().length; e++) dot += x.weights()[e] * sum[x.ids()[e]];
        double n2 = norm2;
        if (member) { // leave-one-out: the rest of the theme
            n2 = n2 - 2 * dot + 1;
            dot -= 1;
        }
        return n2 <= 1e-9 ? 0 : dot / Math.sqrt(n2);
    }

    /**
     * Per theme the sum of the vectors of the fit set's papers with it as their primary theme, and its squared
     * norm; and which papers were counted.
     */
    private record Sums(double[][] sum, double[] norm2, boolean[] counted) {}

    private static Sums sums(Corpus corpus, int[] primary, int k) {
        int n = corpus.size();
        double[][] sum = new double[k][corpus.dims];
        boolean[] counted = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (!corpus.fit[i] || primary[i] < 0) continue;
            counted[i] = true;
            corpus.vectors.get(i).addTo(sum[primary[i]]);
        }
        double[] norm2 = new double[k];
        for (int t = 0; t < k; t++) for (double v : sum[t]) norm2[t] += v * v;
        return new Sums(sum, norm2, counted);
    }

    /** A paper's themes from its final scores, primary first; empty when no theme claims it. */
    public static List<Integer> themes(double[] score, List<Integer> pinned, Weights weights) {
        List<Integer> themes = new ArrayList<>(pinned);
        int p = best(score, pinned, weights.claimBelow());
        if (p >= 0 && !themes.contains(p)) themes.add(p);
        if (p >= 0) {
            double floor = Math.max(weights.claimBelow(), SECONDARY_RATIO * score[p]);
            List<Integer> rest = new ArrayList<>();
            for (int t = 0; t < score.length; t++) if (!themes.contains(t) && score[t] >= floor) rest.add(t);
            rest.sort((a, b) -> score[a] != score[b] ? Double.compare(score[b], score[a]) : Integer.compare(a, b));
            themes.addAll(rest);
        }
        return List.copyOf(themes.subList(0, Math.min(CuratedMatcher.MAX_THEMES, themes.size())));
    }

    /**
     * Per paper and theme, the cosine of the paper with the centroid of the theme's papers in the fit set (those
     * with it as their primary theme), leaving the paper itself out, so it does not vote for itself.
     */
    private static double[][] centroidCosines(Corpus corpus, int[] primary, Sums sums) {
        int k = sums.norm2().length;
        double[][] out = new double[corpus.size()][k];
        for (int i = 0; i < out.length; i++) {
            SparseVector x = corpus.vectors.get(i);
            for (int t = 0; t < k; t++) {
                out[i][t] = cosine(x, sums.sum()[t], sums.norm2()[t], sums.counted()[i] && primary[i] == t);
            }
        }
        return out;
    }

    /**
     * A paper outside the fit set's score per theme, given the last round's centroids of the corpus (as
     * {@link #score}) and of the embeddings ({@code embeddedSum[t]}, indexed by the ids of {@code meaning}, its
     * embedding as the embedded corpus has it): what {@link #scored} gives it, added in the same order.
     */
    public static double[] scoreWithEmbeddings(SparseVector x, double[] prior, double[][] sum, double[] norm2,
                                               SparseVector meaning, double[][] embeddedSum, double[] embeddedNorm2,
                                               Weights weights) {
        double[] out = score(x, prior, sum, norm2, -1, weights);
        for (int t = 0; t < out.length; t++) {
            out[t] += weights.embeddingCentroid() * cosine(meaning, embeddedSum[t], embeddedNorm2[t], false);
        }
        return out;
    }

    /** The pinned theme, else the best-scoring one if it claims the paper, else -1; ties to the first theme. */
    private static int best(double[] s, List<Integer> pinned, double claimBelow) {
        if (!pinned.isEmpty()) return pinned.get(0);
        int best = -1;
        for (int t = 0; t < s.length; t++) if (s[t] >= claimBelow && (best < 0 || s[t] > s[best])) best = t;
        return best;
    }
}
