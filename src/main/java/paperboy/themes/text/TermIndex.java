package paperboy.themes.text;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Every term of a build's papers that two or more of them use, as a number: its place in the sorted list of those
 * terms, so any vocabulary drawn from them is in sorted order when taken by number. Made once per build from the
 * papers' analyses and shared by every corpus of the build (the fit set's, and each step of the lineage, which
 * counts its window's document frequencies by number instead of hashing every term of every paper again).
 * A term used by one paper only is left out: no vocabulary keeps it.
 */
public final class TermIndex {
    /** the terms used by two or more papers, sorted: a term's number is its index here */
    private final String[] terms;
    /**
     * per paper, its numbered terms ascending, each as {@code number << 32 | k} with {@code k} the term's index in
     * the paper's {@link PaperTerms} (its count, title flag and spelling)
     */
    private final long[][] byPaper;

    private TermIndex(String[] terms, long[][] byPaper) {
        this.terms = terms;
        this.byPaper = byPaper;
    }

    /**
     * The index of these analyses (in parallel; the numbers do not depend on thread order, as they are places in
     * sorted order).
     */
    public static TermIndex of(PaperTerms[] analysed) {
        int n = analysed.length;
        // First a number per distinct term in the order threads meet them, then the sorted places.
        ConcurrentHashMap<String, Integer> seen = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        int[][] first = new int[n][];
        IntStream.range(0, n).parallel().forEach(d -> {
            String[] ts = analysed[d].terms();
            int[] ids = new int[ts.length];
            for (int k = 0; k < ts.length; k++) {
                Integer id = seen.get(ts[k]);
                if (id == null) id = seen.computeIfAbsent(ts[k], x -> next.getAndIncrement());
                ids[k] = id;
            }
            first[d] = ids;
        });
        int distinct = next.get();
        int[] docFreq = new int[distinct];
        for (int[] ids : first) for (int id : ids) docFreq[id]++; // a paper's terms are distinct
        String[] byId = new String[distinct];
        seen.forEach((t, id) -> {
            if (docFreq[id] >= 2) byId[id] = t;
        });
        int shared = 0;
        for (String t : byId) if (t != null) shared++;
        String[] sorted = new String[shared];
        int s = 0;
        for (String t : byId) if (t != null) sorted[s++] = t;
        Arrays.parallelSort(sorted);
        int[] place = new int[distinct];
        Arrays.fill(place, -1);
        for (int r = 0; r < sorted.length; r++) place[seen.get(sorted[r])] = r;
        long[][] byPaper = new long[n][];
        IntStream.range(0, n).parallel().forEach(d -> {
            int[] ids = first[d];
            long[] out = new long[ids.length];
            int m = 0;
            for (int k = 0; k < ids.length; k++) {
                int r = place[ids[k]];
                if (r >= 0) out[m++] = ((long) r << 32) | k;
            }
            Arrays.sort(out, 0, m);
            byPaper[d] = m == out.length ? out : Arrays.copyOf(out, m);
            first[d] = null;
        });
        return new TermIndex(sorted, byPaper);
    }

    /** How many terms are numbered. */
    public int size() {
        return terms.length;
    }

    public String term(int number) {
        return terms[number];
    }

    /** The paper's numbered terms, ascending, as {@code number << 32 | k} (see the class). */
    long[] of(int paper) {
        return byPaper[paper];
    }

    static int number(long entry) {
        return (int) (entry >>> 32);
    }

    static int position(long entry) {
        return (int) entry;
    }

    /** Adds ({@code by} 1) or takes off ({@code by} -1) a paper's terms in a count per term number. */
    public void count(int paper, int[] docFreq, int by) {
        for (long e : byPaper[paper]) docFreq[number(e)] += by;
    }

    /** Per term number, how many of the papers {@code fit} use it. */
    public int[] docFreq(boolean[] fit) {
        int[] df = new int[terms.length];
        for (int d = 0; d < byPaper.length; d++) if (fit[d]) count(d, df, 1);
        return df;
    }
}
