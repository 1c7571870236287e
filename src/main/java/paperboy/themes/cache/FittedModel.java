package paperboy.themes.cache;

import paperboy.themes.cluster.AutoClustering;
import paperboy.themes.text.Corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything the themes take from the fit set alone (see {@link FitSet}): the vocabulary and weights, the themes
 * fitted on it with their names, and the fit set's related papers (its papers' candidates are the fit set alone).
 * A build whose fit set, clustered papers and bounds on k are those of the previous build takes this from the
 * theme cache instead of fitting again: within a month, adding a day then costs only the new papers.
 *
 * <p>In memory papers are corpus indices of the current build; in the cache file they are positions within the
 * fit set (which the cache's key pins down, in order), so a model read back applies to the build that reads it.
 *
 * @param related per corpus index, the related papers of a fit-set paper; null for the others
 */
public record FittedModel(Corpus.Vocabulary vocabulary, AutoClustering.Fit clusters, List<Named> names, int[][] related) {

    /** A fitted theme's name, keywords and typical members (corpus indices, closest first), as the build shows them. */
    public record Named(String name, List<String> keywords, int[] typical) {}

    /**
     * Writes the model, its papers as positions within the fit set and its terms and spellings as ids into the
     * cache's table of strings (the analyses' terms are there: read back, the vocabulary's terms are then the
     * very strings the papers' analyses hold, which makes looking them up cheap).
     */
    void encode(ThemeCache.Writer w, boolean[] fit, java.util.function.ToIntFunction<String> stringId) {
        int[] ordinal = new int[fit.length];
        int f = 0;
        for (int i = 0; i < fit.length; i++) ordinal[i] = fit[i] ? f++ : -1;
        Corpus.Vocabulary v = vocabulary;
        w.varint(v.terms().length);
        for (int t = 0; t < v.terms().length; t++) {
            w.varint(stringId.applyAsInt(v.terms()[t]));
            w.varint(v.docFreq()[t]);
            w.varint(v.titleFreq()[t]);
            w.varint(v.surfaces()[t] == null ? 0 : 1 + stringId.applyAsInt(v.surfaces()[t]));
        }
        w.varint(clusters.chosenK());
        w.longValue(Double.doubleToRawLongBits(clusters.silhouette()));
        w.varint(clusters.themes().size());
        for (int j = 0; j < clusters.themes().size(); j++) {
            AutoClustering.Fitted theme = clusters.themes().get(j);
            float[] c = theme.centroid();
            int nonZero = 0;
            for (float x : c) if (x != 0) nonZero++;
            w.varint(nonZero);
            int last = 0;
            for (int t = 0; t < c.length; t++) {
                if (c[t] == 0) continue;
                w.varint(t - last); // ascending: the gap from the previous term
                w.intValue(Float.floatToRawIntBits(c[t]));
                last = t;
            }
            papers(w, theme.members(), ordinal);
            papers(w, theme.secondary(), ordinal);
            Named n = names.get(j);
            w.string(n.name());
            w.varint(n.keywords().size());
            for (String k : n.keywords()) w.string(k);
            papers(w, n.typical(), ordinal);
        }
        for (int i = 0; i < fit.length; i++) if (fit[i]) papers(w, related[i], ordinal);
    }

    private static void papers(ThemeCache.Writer w, int[] corpusIndices, int[] ordinal) {
        w.varint(corpusIndices.length);
        for (int d : corpusIndices) w.varint(ordinal[d]);
    }

    /**
     * The model written by {@link #encode} for the same fit set; throws a runtime exception on anything
     * inconsistent (the cache is then ignored).
     */
    static FittedModel decode(ThemeCache.Reader in, boolean[] fit, String[] strings) {
        int[] corpusIndex = new int[fit.length];
        int f = 0;
        for (int i = 0; i < fit.length; i++) if (fit[i]) corpusIndex[f++] = i;
        int fitSize = f;
        int dims = in.count();
        String[] terms = new String[dims], surfaces = new String[dims];
        int[] docFreq = new int[dims], titleFreq = new int[dims];
        for (int t = 0; t < dims; t++) {
            terms[t] = strings[in.varint()];
            docFreq[t] = in.varint();
            titleFreq[t] = in.varint();
            int s = in.varint();
            surfaces[t] = s == 0 ? null : strings[s - 1];
        }
        int chosenK = in.varint();
        double silhouette = Double.longBitsToDouble(in.longValue());
        int k = in.count();
        List<AutoClustering.Fitted> themes = new ArrayList<>(k);
        List<Named> names = new ArrayList<>(k);
        for (int j = 0; j < k; j++) {
            float[] c = new float[dims];
            int nonZero = in.count();
            int t = 0;
            for (int e = 0; e < nonZero; e++) {
                t += in.varint();
                c[t] = Float.intBitsToFloat(in.intValue());
            }
            int[] members = papers(in, corpusIndex, fitSize), secondary = papers(in, corpusIndex, fitSize);
            if (members.length == 0) throw new IllegalStateException("a theme without members");
            themes.add(new AutoClustering.Fitted(c, members, secondary));
            String name = in.string();
            int nk = in.count();
            List<String> keywords = new ArrayList<>(nk);
            for (int e = 0; e < nk; e++) keywords.add(in.string());
            names.add(new Named(name, List.copyOf(keywords), papers(in, corpusIndex, fitSize)));
        }
        int[][] related = new int[fit.length][];
        for (int o = 0; o < fitSize; o++) related[corpusIndex[o]] = papers(in, corpusIndex, fitSize);
        return new FittedModel(new Corpus.Vocabulary(terms, docFreq, titleFreq, surfaces),
                new AutoClustering.Fit(themes, chosenK, silhouette), names, related);
    }

    private static int[] papers(ThemeCache.Reader in, int[] corpusIndex, int fitSize) {
        int[] a = new int[in.count()];
        for (int i = 0; i < a.length; i++) {
            int o = in.varint();
            if (o >= fitSize) throw new IllegalStateException("paper beyond the fit set");
            a[i] = corpusIndex[o];
        }
        return a;
    }
}
