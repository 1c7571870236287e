package paperboy.themes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import paperboy.model.Paper;

/**
 * The distinct papers as TF-IDF vectors over stems and adjacent-stem pairs ("context learn" for "in-context
 * learning"), plus how each term is most often written, for naming themes. Terms found in only one paper
 * say nothing about groups and are left out; so are terms in most papers.
 */
final class Corpus {
    /** The title says what a paper is about more densely than the abstract. */
    private static final int TITLE_WEIGHT = 2;
    private static final double MAX_DOC_FRACTION = 0.5;

    final List<Paper> papers;
    final List<SparseVector> vectors;
    /** term id to term: stems, and two stems joined by a space for a pair */
    final String[] terms;
    /** term id to the number of papers containing it */
    final int[] docFreq;
    /** term id to the number of papers with it in the title */
    final int[] titleFreq;
    /** per paper, the ids of the terms in its title, ascending */
    final List<int[]> titleTerms;
    /** term to how it is most often written */
    private final Map<String, String> surfaces;

    private Corpus(List<Paper> papers, List<SparseVector> vectors, String[] terms, int[] docFreq, int[] titleFreq,
                   List<int[]> titleTerms, Map<String, String> surfaces) {
        this.papers = papers;
        this.vectors = vectors;
        this.terms = terms;
        this.docFreq = docFreq;
        this.titleFreq = titleFreq;
        this.titleTerms = titleTerms;
        this.surfaces = surfaces;
    }

    int size() {
        return papers.size();
    }

    /** How a term is most often written: "in-context learning" for {@code context learn}. */
    String surface(int termId) {
        return surfaces.getOrDefault(terms[termId], terms[termId]);
    }

    /** Sees each paper's stems as they are analysed, so curated rules need no second pass over the text. */
    interface StemSink {
        /** Called once per paper, possibly from several threads at once. */
        void accept(int paper, List<String> titleStems, List<String> abstractStems);
    }

    static Corpus of(List<Paper> papers, TermAnalyzer analyzer) {
        return of(papers, analyzer, null);
    }

    /** @param sink null when nobody needs the stems */
    static Corpus of(List<Paper> papers, TermAnalyzer analyzer, StemSink sink) {
        // Analysis dominates at scale and is independent per paper; results are collected in paper order.
        // Surface counts are sums, so the order threads add them in does not change the result.
        ConcurrentHashMap<String, Map<String, Integer>> written = new ConcurrentHashMap<>();
        List<Map<String, int[]>> counts = IntStream.range(0, papers.size()).parallel()
                .mapToObj(i -> termCounts(i, papers.get(i), analyzer, written, sink)).toList();

        Map<String, Integer> df = new HashMap<>();
        for (Map<String, int[]> doc : counts) {
            for (String t : doc.keySet()) df.merge(t, 1, Integer::sum);
        }
        int n = papers.size();
        int maxDf = Math.max(2, (int) (MAX_DOC_FRACTION * n));
        // Sorted vocabulary: term ids do not depend on hash or thread order.
        TreeMap<String, Integer> vocab = new TreeMap<>();
        df.forEach((t, f) -> {
            if (f >= 2 && (f <= maxDf || n < 10)) vocab.put(t, 0);
        });
        String[] terms = vocab.keySet().toArray(new String[0]);
        for (int i = 0; i < terms.length; i++) vocab.put(terms[i], i);
        int[] docFreq = new int[terms.length];
        for (int i = 0; i < terms.length; i++) docFreq[i] = df.get(terms[i]);

        List<SparseVector> vectors = new ArrayList<>(n);
        List<int[]> titleTerms = new ArrayList<>(n);
        int[] titleFreq = new int[terms.length];
        for (Map<String, int[]> doc : counts) {
            int[] inTitle = doc.entrySet().stream().filter(e -> e.getValue()[1] > 0)
                    .map(e -> vocab.get(e.getKey())).filter(id -> id != null)
                    .mapToInt(Integer::intValue).sorted().toArray();
            for (int t : inTitle) titleFreq[t]++;
            titleTerms.add(inTitle);
            int[] ids = new int[doc.size()];
            int m = 0;
            for (String t : doc.keySet()) {
                Integer id = vocab.get(t);
                if (id != null) ids[m++] = id;
            }
            ids = Arrays.copyOf(ids, m);
            Arrays.sort(ids);
            float[] w = new float[m];
            double norm = 0;
            for (int i = 0; i < m; i++) {
                String t = terms[ids[i]];
                double tf = 1 + Math.log(doc.get(t)[0]);
                double idf = Math.log((1.0 + n) / (1.0 + docFreq[ids[i]])) + 0.1;
                w[i] = (float) (tf * idf);
                norm += w[i] * w[i];
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < m; i++) w[i] /= (float) norm;
            vectors.add(m == 0 ? SparseVector.EMPTY : new SparseVector(ids, w));
        }
        return new Corpus(papers, vectors, terms, docFreq, titleFreq, titleTerms, mostFrequent(written, vocab));
    }

    /** Term to {count in the paper, 1 if in the title}; how each term was written goes to {@code written}. */
    private static Map<String, int[]> termCounts(int index, Paper p, TermAnalyzer analyzer,
                                                 ConcurrentHashMap<String, Map<String, Integer>> written, StemSink sink) {
        Map<String, int[]> c = new HashMap<>();
        Map<String, String> seen = new HashMap<>();
        List<TermAnalyzer.Token> title = analyzer.tokens(p.title());
        for (int r = 0; r < TITLE_WEIGHT; r++) count(title, c, seen);
        c.values().forEach(v -> v[1] = 1);
        List<TermAnalyzer.Token> abs = p.abstractRaw().map(analyzer::tokens).orElse(List.of());
        count(abs, c, seen);
        if (sink != null) {
            sink.accept(index, title.stream().map(TermAnalyzer.Token::stem).toList(),
                    abs.stream().map(TermAnalyzer.Token::stem).toList());
        }
        // One vote per paper (its first spelling), so one paper repeating a word does not decide its name.
        seen.forEach((term, surface) -> written.compute(term, (k, m) -> {
            Map<String, Integer> byForm = m == null ? new HashMap<>() : m;
            byForm.merge(surface, 1, Integer::sum);
            return byForm;
        }));
        return c;
    }

    private static void count(List<TermAnalyzer.Token> tokens, Map<String, int[]> c, Map<String, String> seen) {
        for (int i = 0; i < tokens.size(); i++) {
            TermAnalyzer.Token t = tokens.get(i);
            c.computeIfAbsent(t.stem(), k -> new int[2])[0]++;
            remember(seen, t.stem(), t.surface());
            if (t.joinsPrevious() && i > 0) {
                TermAnalyzer.Token prev = tokens.get(i - 1);
                String pair = prev.stem() + " " + t.stem();
                c.computeIfAbsent(pair, k -> new int[2])[0]++;
                seen.computeIfAbsent(pair, k -> prev.surface() + t.joiner() + t.surface());
            }
        }
    }

    private static void remember(Map<String, String> seen, String term, String surface) {
        seen.putIfAbsent(term, surface);
    }

    /** Per vocabulary term, its most used spelling; ties go to the alphabetically first, for determinism. */
    private static Map<String, String> mostFrequent(Map<String, Map<String, Integer>> written, Map<String, Integer> vocab) {
        Map<String, String> out = new HashMap<>();
        for (String term : vocab.keySet()) {
            Map<String, Integer> forms = written.get(term);
            if (forms == null) continue;
            String best = null;
            int bestCount = -1;
            for (Map.Entry<String, Integer> e : forms.entrySet()) {
                int cmp = Integer.compare(e.getValue(), bestCount);
                if (cmp > 0 || (cmp == 0 && e.getKey().compareTo(best) < 0)) {
                    best = e.getKey();
                    bestCount = e.getValue();
                }
            }
            out.put(term, best);
        }
        return out;
    }
}
