package paperboy.themes.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One paper's text as analysed: its distinct terms (stems and adjacent-stem pairs) in order of first use, how
 * often each occurs (the title counted {@link #TITLE_WEIGHT} times), whether it is in the title, how the paper
 * first wrote it, and the title's and abstract's stems in order (as indices into {@code terms}) for curated
 * matching. A function of the title and abstract alone, so it can be kept between builds.
 */
public record PaperTerms(String[] terms, int[] counts, boolean[] inTitle, String[] surfaces, int[] titleStems,
                  int[] abstractStems) {
    /** The title says what a paper is about more densely than the abstract. */
    static final int TITLE_WEIGHT = 2;

    public static PaperTerms analyse(String title, String abstractText, TermAnalyzer analyzer) {
        List<TermAnalyzer.Token> t = analyzer.tokens(title);
        List<TermAnalyzer.Token> a = abstractText == null ? List.of() : analyzer.tokens(abstractText);
        Builder b = new Builder();
        int[] titleStems = null;
        for (int r = 0; r < TITLE_WEIGHT; r++) titleStems = b.count(t);
        b.markTitle();
        int[] absStems = b.count(a);
        return b.build(titleStems, absStems);
    }

    /** The stems of the given sequence, as strings. */
    List<String> stems(int[] seq) {
        List<String> out = new ArrayList<>(seq.length);
        for (int i : seq) out.add(terms[i]);
        return out;
    }

    private static final class Builder {
        final Map<String, Integer> index = new HashMap<>();
        final List<String> terms = new ArrayList<>();
        final List<String> surfaces = new ArrayList<>();
        int[] counts = new int[32];
        int titleTerms = -1;

        int add(String term, String surface) {
            Integer i = index.get(term);
            if (i == null) {
                i = terms.size();
                index.put(term, i);
                terms.add(term);
                surfaces.add(surface);
                if (i == counts.length) counts = java.util.Arrays.copyOf(counts, i * 2);
            }
            counts[i]++;
            return i;
        }

        int[] count(List<TermAnalyzer.Token> tokens) {
            int[] stems = new int[tokens.size()];
            for (int i = 0; i < tokens.size(); i++) {
                TermAnalyzer.Token tok = tokens.get(i);
                stems[i] = add(tok.stem(), tok.surface());
                if (tok.joinsPrevious() && i > 0) {
                    TermAnalyzer.Token prev = tokens.get(i - 1);
                    add(prev.stem() + " " + tok.stem(), prev.surface() + tok.joiner() + tok.surface());
                }
            }
            return stems;
        }

        void markTitle() {
            titleTerms = terms.size();
        }

        PaperTerms build(int[] titleStems, int[] absStems) {
            int n = terms.size();
            boolean[] inTitle = new boolean[n];
            for (int i = 0; i < titleTerms; i++) inTitle[i] = true;
            return new PaperTerms(terms.toArray(new String[0]), java.util.Arrays.copyOf(counts, n), inTitle,
                    surfaces.toArray(new String[0]), titleStems == null ? new int[0] : titleStems, absStems);
        }
    }
}
