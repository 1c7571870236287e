package paperboy.themes.text;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;
import java.util.stream.IntStream;
import paperboy.model.Paper;

/**
 * The distinct papers as TF-IDF vectors over stems and adjacent-stem pairs ("context learn" for "in-context
 * learning"), plus how each term is most often written, for naming themes. Terms found in only one paper
 * say nothing about groups and are left out; so are terms in most papers.
 *
 * <p>The vocabulary, document frequencies and spellings come from the <em>fit set</em> only (see
 * {@link FitSet}): papers outside it get vectors over the same vocabulary and weights, so adding papers outside
 * the fit set changes no other paper's vector.
 */
public final class Corpus {
    private static final double MAX_DOC_FRACTION = 0.5;

    public final List<Paper> papers;
    /**
     * What papers are compared by: the TF-IDF vectors, or (with {@link #withEmbeddings}) each TF-IDF vector joined
     * with the paper's sentence embedding, the embedding's dimensions numbered after the vocabulary's
     */
    public final List<SparseVector> vectors;
    /** the TF-IDF vectors alone: which words a paper uses, for naming themes */
    public final List<SparseVector> termVectors;
    /** the dimensions of {@link #vectors}: the vocabulary's terms, then the embedding's */
    public final int dims;
    /** per paper, its unit sentence embedding; null without embeddings */
    private final float[][] embeddings;
    /** the share of a cosine that comes from the embeddings (0: TF-IDF alone, 1: embeddings alone) */
    public final double embeddingWeight;
    /** the fit set's mean embedding, taken off every embedding before comparing; null without embeddings */
    private final float[] meanEmbedding;
    /** term id to term: stems, and two stems joined by a space for a pair */
    public final String[] terms;
    /** term id to the number of fit-set papers containing it */
    public final int[] docFreq;
    /** term id to the number of fit-set papers with it in the title */
    public final int[] titleFreq;
    /** per paper, the ids of the terms in its title, ascending */
    public final List<int[]> titleTerms;
    /** per paper, whether the model is fitted on it */
    public final boolean[] fit;
    public final int fitSize;
    /**
     * term id to how it is most often written: worked out when first asked (only naming asks, and most of the
     * lineage's monthly corpora name nothing)
     */
    private final Spellings surfaces;

    private Corpus(List<Paper> papers, List<SparseVector> vectors, Vocabulary vocabulary, List<int[]> titleTerms,
                   boolean[] fit) {
        this(papers, vectors, vectors, vocabulary.terms(), vocabulary.docFreq(), vocabulary.titleFreq(),
                new Spellings(vocabulary::surfaces), titleTerms, fit, null, 0, null);
    }

    private Corpus(List<Paper> papers, List<SparseVector> vectors, String[] terms, int[] docFreq, int[] titleFreq,
                   Spellings surfaces, List<int[]> titleTerms, boolean[] fit) {
        this(papers, vectors, vectors, terms, docFreq, titleFreq, surfaces, titleTerms, fit, null, 0, null);
    }

    private Corpus(List<Paper> papers, List<SparseVector> vectors, List<SparseVector> termVectors, String[] terms,
                   int[] docFreq, int[] titleFreq, Spellings surfaces, List<int[]> titleTerms, boolean[] fit,
                   float[][] embeddings, double embeddingWeight, float[] mean) {
        this.papers = papers;
        this.meanEmbedding = mean;
        this.vectors = vectors;
        this.termVectors = termVectors;
        this.embeddings = embeddings;
        this.embeddingWeight = embeddingWeight;
        this.dims = terms.length + (embeddings == null || embeddings.length == 0 ? 0 : embeddings[0].length);
        this.terms = terms;
        this.docFreq = docFreq;
        this.titleFreq = titleFreq;
        this.titleTerms = titleTerms;
        this.fit = fit;
        int f = 0;
        for (boolean b : fit) if (b) f++;
        this.fitSize = f;
        this.surfaces = surfaces;
    }

    /** How the fit set writes each term, worked out once, when first asked (from any thread). */
    private static final class Spellings {
        private final java.util.function.Supplier<String[]> source;
        private String[] value;

        Spellings(java.util.function.Supplier<String[]> source) {
            this.source = source;
        }

        synchronized String[] get() {
            if (value == null) value = source.get();
            return value;
        }
    }

    /** The vocabulary and weights taken from the fit set (see {@link Vocabulary}), to keep with a fitted model. */
    public Vocabulary vocabulary() {
        return new Vocabulary(terms, docFreq, titleFreq, surfaces.get());
    }

    public int size() {
        return papers.size();
    }

    /**
     * This corpus with each paper compared by its TF-IDF vector and its sentence embedding together: the cosine of
     * two papers becomes {@code (1 - weight) * tfidf + weight * embedding}. The vocabulary and the TF-IDF vectors
     * are kept, for naming themes.
     *
     * <p>The fit set's mean embedding is taken off each embedding first: sentence embeddings of papers in one field
     * all share a large common part (any two abstracts have a cosine of 0.2 to 0.4), which would make every theme
     * look alike; without it, unrelated papers have a cosine near 0, as with TF-IDF.
     *
     * @param embeddings per paper (same order), a unit vector, all of one length
     */
    public Corpus withEmbeddings(float[][] embeddings, double weight) {
        if (embeddings.length != papers.size()) throw new IllegalArgumentException("one embedding per paper");
        int d = embeddings.length == 0 ? 0 : embeddings[0].length;
        double[] sum = new double[d];
        int count = 0;
        for (int i = 0; i < embeddings.length; i++) {
            if (!fit[i]) continue;
            count++;
            for (int k = 0; k < d; k++) sum[k] += embeddings[i][k];
        }
        float[] mean = new float[d];
        for (int k = 0; k < d; k++) mean[k] = count == 0 ? 0 : (float) (sum[k] / count);
        SparseVector[] joined = new SparseVector[embeddings.length];
        IntStream.range(0, joined.length).parallel()
                .forEach(i -> joined[i] = join(termVectors.get(i), centred(embeddings[i], mean), weight));
        return new Corpus(papers, Arrays.asList(joined), termVectors, terms, docFreq, titleFreq, surfaces, titleTerms, fit,
                embeddings, weight, mean);
    }

    /** The fit set's mean embedding, taken off every embedding ({@link #withEmbeddings}); empty without embeddings. */
    public Optional<float[]> meanEmbedding() {
        return Optional.ofNullable(meanEmbedding).map(float[]::clone);
    }

    /**
     * A paper outside the fit set as {@link #withEmbeddings} joins it, without the corpus: its TF-IDF vector over a
     * vocabulary of {@code vocabularySize} terms, its unit embedding and the fit set's mean embedding.
     */
    public static SparseVector joined(SparseVector tfidf, float[] embedding, float[] mean, double weight,
                                      int vocabularySize) {
        return join(tfidf, centred(embedding, mean), weight, vocabularySize);
    }

    /** The embedding less the mean, as a unit vector. */
    private static float[] centred(float[] e, float[] mean) {
        float[] out = new float[e.length];
        double n = 0;
        for (int k = 0; k < e.length; k++) {
            out[k] = e[k] - mean[k];
            n += (double) out[k] * out[k];
        }
        if (n == 0) return out;
        float inv = (float) (1 / Math.sqrt(n));
        for (int k = 0; k < e.length; k++) out[k] *= inv;
        return out;
    }

    /** This corpus's embeddings for its papers {@code indices}, in that order; empty without embeddings. */
    public Optional<float[][]> embeddings(List<Integer> indices) {
        if (embeddings == null) return Optional.empty();
        float[][] out = new float[indices.size()][];
        for (int i = 0; i < out.length; i++) out[i] = embeddings[indices.get(i)];
        return Optional.of(out);
    }

    /**
     * A TF-IDF vector joined with an embedding in this corpus's space (for a theme's description); the TF-IDF
     * vector alone when the corpus has no embeddings.
     */
    public SparseVector join(SparseVector tfidf, Optional<float[]> embedding) {
        return embeddings == null || embedding.isEmpty() ? tfidf
                : join(tfidf, centred(embedding.get(), meanEmbedding), embeddingWeight);
    }

    private SparseVector join(SparseVector tfidf, float[] embedding, double weight) {
        return join(tfidf, embedding, weight, terms.length);
    }

    /** @param base the first embedding dimension's id: the vocabulary's size */
    private static SparseVector join(SparseVector tfidf, float[] embedding, double weight, int base) {
        if (weight <= 0) return tfidf;
        int m = weight >= 1 ? 0 : tfidf.ids().length;
        int[] ids = new int[m + embedding.length];
        float[] w = new float[ids.length];
        float a = (float) Math.sqrt(1 - Math.min(1, weight)), b = (float) Math.sqrt(Math.max(0, weight));
        double norm = 0;
        for (int i = 0; i < m; i++) {
            ids[i] = tfidf.ids()[i];
            w[i] = a * tfidf.weights()[i];
            norm += (double) w[i] * w[i];
        }
        for (int e = 0; e < embedding.length; e++) {
            ids[m + e] = base + e;
            w[m + e] = b * embedding[e];
            norm += (double) w[m + e] * w[m + e];
        }
        // A paper without any term of the vocabulary is compared by its embedding alone, still as a unit vector.
        if (norm > 0 && Math.abs(norm - 1) > 1e-6) {
            float inv = (float) (1 / Math.sqrt(norm));
            for (int i = 0; i < w.length; i++) w[i] *= inv;
        }
        return new SparseVector(ids, w);
    }

    /** How a term is most often written: "in-context learning" for {@code context learn}. */
    public String surface(int termId) {
        String s = surfaces.get()[termId];
        return s != null ? s : terms[termId];
    }

    /** Sees each paper's stems, so curated rules need no second pass over the text. */
    public interface StemSink {
        /** Called once per paper, possibly from several threads at once. */
        void accept(int paper, List<String> titleStems, List<String> abstractStems);
    }

    /** Every paper analysed and in the fit set: for tests, suggestions and benchmarks. */
    public static Corpus of(List<Paper> papers, TermAnalyzer analyzer) {
        boolean[] all = new boolean[papers.size()];
        Arrays.fill(all, true);
        return of(papers, analyse(papers, analyzer, AnalysisCache.NONE), all, Optional.empty());
    }

    /**
     * Each paper's terms, in paper order: from the cache where it has the same text, else analysed (in parallel;
     * the result does not depend on the order threads finish in).
     */
    public static PaperTerms[] analyse(List<Paper> papers, TermAnalyzer analyzer, AnalysisCache cache) {
        PaperTerms[] out = new PaperTerms[papers.size()];
        // Papers share most of their terms: one String per distinct term, so an archive's analyses fit in memory.
        java.util.concurrent.ConcurrentHashMap<String, String> pool = new java.util.concurrent.ConcurrentHashMap<>();
        IntStream.range(0, papers.size()).parallel().forEach(i -> {
            Paper p = papers.get(i);
            String abs = p.abstractRaw().orElse(null);
            out[i] = cache.get(i, p).orElseGet(() -> {
                PaperTerms t = PaperTerms.analyse(p.title(), abs, analyzer);
                for (String[] a : new String[][] {t.terms(), t.surfaces()}) {
                    for (int k = 0; k < a.length; k++) {
                        String had = pool.putIfAbsent(a[k], a[k]);
                        if (had != null) a[k] = had;
                    }
                }
                return t;
            });
        });
        return out;
    }

    /**
     * The vocabulary and weights taken from the fit set: sorted terms, their document and title frequencies among
     * the fit set and how the fit set most often writes them. A function of the fit set's analyses alone, so a
     * build whose fit set did not change can take it from the theme cache.
     */
    public record Vocabulary(String[] terms, int[] docFreq, int[] titleFreq, String[] surfaces) {}

    /** Hands each paper's title and abstract stems to the sink (in parallel). */
    public static void stems(PaperTerms[] analysed, StemSink sink) {
        IntStream.range(0, analysed.length).parallel().forEach(i -> sink.accept(i,
                analysed[i].stems(analysed[i].titleStems()), analysed[i].stems(analysed[i].abstractStems())));
    }

    /**
     * @param fit   per paper, whether the vocabulary and weights are taken from it
     * @param known the fit set's vocabulary from an earlier build with the same fit set, if there is one; without
     *              it, the vocabulary is drawn from the papers' {@link TermIndex}
     */
    public static Corpus of(List<Paper> papers, PaperTerms[] analysed, boolean[] fit, Optional<Vocabulary> known) {
        if (known.isEmpty()) {
            TermIndex index = TermIndex.of(analysed);
            return of(papers, analysed, fit, index, null, index.docFreq(fit));
        }
        Vocabulary v = known.get();
        int n = papers.size();
        int nFit = 0;
        for (boolean f : fit) if (f) nFit++;
        final int fitCount = nFit;
        Map<String, Integer> vocab = new HashMap<>(v.terms().length * 2);
        for (int i = 0; i < v.terms().length; i++) vocab.put(v.terms()[i], i);
        SparseVector[] vectors = new SparseVector[n];
        int[][] titleTerms = new int[n][];
        IntStream.range(0, n).parallel().forEach(d -> {
            Weighed w = weigh(analysed[d], t -> {
                Integer id = vocab.get(t);
                return id == null ? -1 : id;
            }, v.docFreq(), fitCount);
            titleTerms[d] = w.titleTerms();
            vectors[d] = w.vector();
        });
        return new Corpus(papers, Arrays.asList(vectors), v, Arrays.asList(titleTerms), fit);
    }

    /**
     * The corpus of papers numbered by the build's term {@code index}, as {@link #of(List, PaperTerms[], boolean[],
     * Optional)} makes it without a known vocabulary, to the bit: the vocabulary is the numbered terms whose document
     * frequency in the fit set is at least 2 and at most half the fit set, in the index's (sorted) order.
     *
     * @param numbers    per paper here, its number in the index (null: the same as here)
     * @param fitDocFreq per term number, how many papers of the fit set use it
     */
    public static Corpus of(List<Paper> papers, PaperTerms[] analysed, boolean[] fit, TermIndex index, int[] numbers,
                            int[] fitDocFreq) {
        int n = papers.size();
        int fitCount = 0;
        for (boolean f : fit) if (f) fitCount++;
        int maxDf = Math.max(2, (int) (MAX_DOC_FRACTION * fitCount));
        int[] local = new int[index.size()];
        int kept = 0;
        for (int r = 0; r < local.length; r++) {
            int f = fitDocFreq[r];
            local[r] = f >= 2 && (f <= maxDf || fitCount < 10) ? kept++ : -1;
        }
        int size = kept;
        String[] terms = new String[size];
        int[] docFreq = new int[size];
        double[] idf = new double[size];
        for (int r = 0; r < local.length; r++) {
            int id = local[r];
            if (id < 0) continue;
            terms[id] = index.term(r);
            docFreq[id] = fitDocFreq[r];
            idf[id] = Math.log((1.0 + fitCount) / (1.0 + docFreq[id])) + 0.1; // as weigh has it
        }
        SparseVector[] vectors = new SparseVector[n];
        int[][] titleTerms = new int[n][];
        IntStream.range(0, n).parallel().forEach(d -> {
            long[] entries = index.of(numbers == null ? d : numbers[d]);
            PaperTerms doc = analysed[d];
            int[] ids = new int[entries.length];
            int[] titled = new int[entries.length];
            float[] w = new float[entries.length];
            int m = 0, t = 0;
            double norm = 0;
            for (long e : entries) {
                int id = local[TermIndex.number(e)];
                if (id < 0) continue;
                int k = TermIndex.position(e);
                if (doc.inTitle()[k]) titled[t++] = id;
                double tf = 1 + Math.log(doc.counts()[k]);
                ids[m] = id;
                w[m] = (float) (tf * idf[id]);
                norm += w[m] * w[m];
                m++;
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < m; i++) w[i] /= (float) norm;
            titleTerms[d] = Arrays.copyOf(titled, t);
            vectors[d] = m == 0 ? SparseVector.EMPTY
                    : new SparseVector(m == ids.length ? ids : Arrays.copyOf(ids, m), m == w.length ? w : Arrays.copyOf(w, m));
        });
        int[] titleFreq = new int[size];
        for (int d = 0; d < n; d++) {
            if (fit[d]) for (int t : titleTerms[d]) titleFreq[t]++;
        }
        Spellings surfaces = new Spellings(() -> {
            // As mostFrequent: the most votes, ties to the alphabetically first, whatever the order of the papers.
            int[][] localIds = new int[n][];
            for (int d = 0; d < n; d++) {
                if (!fit[d]) continue;
                int[] ids = new int[analysed[d].terms().length];
                Arrays.fill(ids, -1);
                for (long e : index.of(numbers == null ? d : numbers[d])) ids[TermIndex.position(e)] = local[TermIndex.number(e)];
                localIds[d] = ids;
            }
            return mostFrequent(analysed, localIds, fit, size);
        });
        return new Corpus(papers, Arrays.asList(vectors), terms, docFreq, titleFreq, surfaces, Arrays.asList(titleTerms), fit);
    }

    /** One paper weighed over a vocabulary: its vector and its title's term ids. */
    private record Weighed(SparseVector vector, int[] titleTerms) {}

    /**
     * The one weighing of a paper's terms (tf 1 + ln count, idf over the fit set), for {@link #of} and for a paper
     * placed into a vocabulary fitted before it ({@link #vectorOver}), so both give the same bytes.
     */
    private static Weighed weigh(PaperTerms doc, ToIntFunction<String> termId, int[] docFreq, int fitCount) {
        long[] packed = new long[doc.terms().length]; // id << 32 | local index: sorted by id
        int m = 0, titled = 0;
        for (int k = 0; k < packed.length; k++) {
            int id = termId.applyAsInt(doc.terms()[k]);
            if (id >= 0) {
                packed[m++] = ((long) id << 32) | k;
                if (doc.inTitle()[k]) titled++;
            }
        }
        Arrays.sort(packed, 0, m);
        int[] ids = new int[m];
        int[] inTitle = new int[titled];
        float[] w = new float[m];
        double norm = 0;
        int ti = 0;
        for (int i = 0; i < m; i++) {
            ids[i] = (int) (packed[i] >>> 32);
            int k = (int) packed[i];
            if (doc.inTitle()[k]) inTitle[ti++] = ids[i];
            double tf = 1 + Math.log(doc.counts()[k]);
            double idf = Math.log((1.0 + fitCount) / (1.0 + docFreq[ids[i]])) + 0.1;
            w[i] = (float) (tf * idf);
            norm += w[i] * w[i];
        }
        norm = Math.sqrt(norm);
        for (int i = 0; i < m; i++) w[i] /= (float) norm;
        return new Weighed(m == 0 ? SparseVector.EMPTY : new SparseVector(ids, w), inTitle);
    }

    /**
     * A paper outside the fit set as {@link #of} weighs it, from the fit set's vocabulary alone (its terms sorted,
     * their document frequencies, the fit set's size): no other paper is needed.
     */
    public static SparseVector vectorOver(PaperTerms doc, ToIntFunction<String> termId, int[] docFreq, int fitCount) {
        return weigh(doc, termId, docFreq, fitCount).vector();
    }

    /**
     * Any text's terms (a theme's name, description and keywords) as a unit vector over this corpus's vocabulary
     * and weights; empty when it shares no term with the vocabulary.
     */
    public SparseVector vector(PaperTerms doc) {
        return describe(doc, t -> Arrays.binarySearch(terms, t), docFreq, fitSize);
    }

    /** As {@link #vector(PaperTerms)}, over a vocabulary without its corpus ({@code termId}: negative for none). */
    public static SparseVector describe(PaperTerms doc, ToIntFunction<String> termId, int[] docFreq, int fitSize) {
        java.util.TreeMap<Integer, Double> w = new java.util.TreeMap<>();
        for (int k = 0; k < doc.terms().length; k++) {
            int id = termId.applyAsInt(doc.terms()[k]);
            if (id < 0) continue;
            double idf = Math.log((1.0 + fitSize) / (1.0 + docFreq[id])) + 0.1;
            w.merge(id, (1 + Math.log(doc.counts()[k])) * idf, Double::sum);
        }
        double norm = Math.sqrt(w.values().stream().mapToDouble(x -> x * x).sum());
        if (norm == 0) return SparseVector.EMPTY;
        int[] ids = new int[w.size()];
        float[] ws = new float[w.size()];
        int i = 0;
        for (Map.Entry<Integer, Double> e : w.entrySet()) {
            ids[i] = e.getKey();
            ws[i++] = (float) (e.getValue() / norm);
        }
        return new SparseVector(ids, ws);
    }

    /**
     * Per vocabulary term, its most used spelling among the fit set, one vote per paper (its first spelling, so
     * one paper repeating a word does not decide its name); ties go to the alphabetically first, for determinism.
     */
    private static String[] mostFrequent(PaperTerms[] analysed, int[][] localIds, boolean[] fit, int vocabSize) {
        String[] first = new String[vocabSize];
        int[] firstVotes = new int[vocabSize];
        // Most terms are written one way; only those written several ways need a count per spelling.
        Map<Integer, Map<String, Integer>> others = new HashMap<>();
        for (int d = 0; d < analysed.length; d++) {
            if (!fit[d]) continue;
            String[] surfaces = analysed[d].surfaces();
            int[] ids = localIds[d];
            for (int k = 0; k < ids.length; k++) {
                int id = ids[k];
                if (id < 0) continue;
                String s = surfaces[k];
                if (first[id] == null) first[id] = s;
                if (first[id].equals(s)) firstVotes[id]++;
                else others.computeIfAbsent(id, x -> new HashMap<>()).merge(s, 1, Integer::sum);
            }
        }
        String[] out = first;
        others.forEach((id, forms) -> {
            String best = first[id];
            int bestCount = firstVotes[id];
            for (Map.Entry<String, Integer> e : forms.entrySet()) {
                int cmp = Integer.compare(e.getValue(), bestCount);
                if (cmp > 0 || (cmp == 0 && e.getKey().compareTo(best) < 0)) {
                    best = e.getKey();
                    bestCount = e.getValue();
                }
            }
            out[id] = best;
        });
        return out;
    }
}
