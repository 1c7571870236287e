package paperboy.themes.cache;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import paperboy.themes.cluster.AutoClustering;
import paperboy.themes.cluster.FittedModel;
import paperboy.themes.text.Corpus;
import paperboy.write.CacheFile;

/**
 * A {@link FittedModel} in the theme cache's CBOR: its papers as positions within the fit set, its terms and
 * spellings as ids into the cache's strings (the analyses' terms are there: read back, the vocabulary's terms are
 * then the very strings the papers' analyses hold, which makes looking them up cheap).
 */
final class ModelCodec {
    private ModelCodec() {}

    /** The ids of the vocabulary's terms and of its spellings (0 for none, else 1 + id), taken before writing. */
    static int[][] stringIds(FittedModel model, ToIntFunction<String> id) {
        Corpus.Vocabulary v = model.vocabulary();
        int[] terms = new int[v.terms().length], surfaces = new int[terms.length];
        for (int t = 0; t < terms.length; t++) {
            terms[t] = id.applyAsInt(v.terms()[t]);
            surfaces[t] = v.surfaces()[t] == null ? 0 : 1 + id.applyAsInt(v.surfaces()[t]);
        }
        return new int[][] {terms, surfaces};
    }

    static void write(JsonGenerator g, FittedModel model, boolean[] fit, int[][] stringIds) throws IOException {
        int[] ordinal = new int[fit.length];
        int f = 0;
        for (int i = 0; i < fit.length; i++) ordinal[i] = fit[i] ? f++ : -1;
        Corpus.Vocabulary v = model.vocabulary();
        AutoClustering.Fit clusters = model.clusters();
        g.writeStartArray(null, 8);
        g.writeArray(stringIds[0], 0, stringIds[0].length);
        g.writeArray(v.docFreq(), 0, v.docFreq().length);
        g.writeArray(v.titleFreq(), 0, v.titleFreq().length);
        g.writeArray(stringIds[1], 0, stringIds[1].length);
        g.writeNumber(clusters.chosenK());
        g.writeNumber(clusters.silhouette());
        g.writeStartArray(null, clusters.themes().size());
        for (int j = 0; j < clusters.themes().size(); j++) {
            AutoClustering.Fitted theme = clusters.themes().get(j);
            float[] c = theme.centroid();
            int nonZero = 0;
            for (float x : c) if (x != 0) nonZero++;
            int[] gaps = new int[nonZero];
            g.writeStartArray(null, 8);
            g.writeNumber(c.length); // the vocabulary's terms, then an embedding's dimensions if any
            for (int t = 0, e = 0, last = 0; t < c.length; t++) {
                if (c[t] == 0) continue;
                gaps[e++] = t - last; // ascending: the gap from the previous term
                last = t;
            }
            g.writeArray(gaps, 0, nonZero);
            g.writeStartArray(null, nonZero);
            for (float x : c) if (x != 0) g.writeNumber(x);
            g.writeEndArray();
            papers(g, theme.members(), ordinal);
            papers(g, theme.secondary(), ordinal);
            FittedModel.Named n = model.names().get(j);
            g.writeString(n.name());
            CacheFile.writeStrings(g, n.keywords());
            papers(g, n.typical(), ordinal);
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeStartArray(null, f);
        for (int i = 0; i < fit.length; i++) if (fit[i]) papers(g, model.related()[i], ordinal);
        g.writeEndArray();
        g.writeEndArray();
    }

    private static void papers(JsonGenerator g, int[] corpusIndices, int[] ordinal) throws IOException {
        int[] o = new int[corpusIndices.length];
        for (int i = 0; i < o.length; i++) o[i] = ordinal[corpusIndices[i]];
        g.writeArray(o, 0, o.length);
    }

    /** The model {@link #write} wrote for the same fit set; throws on anything inconsistent. */
    static FittedModel read(CacheFile.In in, boolean[] fit, String[] strings) throws IOException {
        int[] corpusIndex = new int[fit.length];
        int fitSize = 0;
        for (int i = 0; i < fit.length; i++) if (fit[i]) corpusIndex[fitSize++] = i;
        Papers papers = new Papers(in, corpusIndex, fitSize);
        in.array();
        int[] termIds = in.indices(strings.length), docFreq = in.ints(), titleFreq = in.ints();
        int[] surfaceIds = in.indices(strings.length + 1);
        int dims = termIds.length;
        if (docFreq.length != dims || titleFreq.length != dims || surfaceIds.length != dims) {
            throw new IOException("vocabulary columns of different lengths");
        }
        String[] terms = new String[dims], surfaces = new String[dims];
        for (int t = 0; t < dims; t++) {
            terms[t] = strings[termIds[t]];
            surfaces[t] = surfaceIds[t] == 0 ? null : strings[surfaceIds[t] - 1];
        }
        int chosenK = in.integer();
        double silhouette = in.decimal();
        List<AutoClustering.Fitted> themes = new ArrayList<>();
        List<FittedModel.Named> names = new ArrayList<>();
        in.array();
        while (in.nextArray()) {
            int length = in.integer();
            if (length < dims || length > dims + 4096) throw new IOException("a centroid of " + length + " dimensions");
            int[] gaps = in.ints();
            float[] c = new float[length];
            in.array();
            int t = 0;
            for (int gap : gaps) {
                t += gap;
                c[t] = (float) in.decimal(); // written as a float: exact
            }
            in.end();
            int[] members = papers.read(), secondary = papers.read();
            if (members.length == 0) throw new IOException("a theme without members");
            themes.add(new AutoClustering.Fitted(c, members, secondary));
            String name = in.string();
            List<String> keywords = List.copyOf(in.strings());
            names.add(new FittedModel.Named(name, keywords, papers.read()));
            in.end();
        }
        int[][] related = new int[corpusIndex.length][];
        in.array();
        for (int o = 0; o < fitSize; o++) related[corpusIndex[o]] = papers.read();
        in.end();
        in.end();
        return new FittedModel(new Corpus.Vocabulary(terms, docFreq, titleFreq, surfaces),
                new AutoClustering.Fit(themes, chosenK, silhouette), names, related);
    }

    /** Positions within the fit set, read as corpus indices. */
    private record Papers(CacheFile.In in, int[] corpusIndex, int fitSize) {
        int[] read() throws IOException {
            int[] a = in.indices(fitSize);
            for (int i = 0; i < a.length; i++) a[i] = corpusIndex[a[i]];
            return a;
        }
    }
}
