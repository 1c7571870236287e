package paperboy.themes.cache;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import paperboy.themes.cluster.AutoClustering;
import paperboy.themes.cluster.FittedModel;
import paperboy.themes.text.Corpus;

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
            g.writeStartArray(null, 7);
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
            ThemeCache.strings(g, n.keywords());
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
    static FittedModel read(JsonParser p, boolean[] fit, String[] strings) throws IOException {
        return new Reader(p, fit, strings).model();
    }

    private static final class Reader extends CborReader {
        private final String[] strings;
        private final int[] corpusIndex;
        private final int fitSize;

        Reader(JsonParser p, boolean[] fit, String[] strings) {
            super(p);
            this.strings = strings;
            corpusIndex = new int[fit.length];
            int f = 0;
            for (int i = 0; i < fit.length; i++) if (fit[i]) corpusIndex[f++] = i;
            fitSize = f;
        }

        FittedModel model() throws IOException {
            expect(JsonToken.START_ARRAY);
            int[] termIds = indices(strings.length), docFreq = ints(), titleFreq = ints(), surfaceIds = indices(strings.length + 1);
            int dims = termIds.length;
            if (docFreq.length != dims || titleFreq.length != dims || surfaceIds.length != dims) {
                throw new IllegalStateException("vocabulary columns of different lengths");
            }
            String[] terms = new String[dims], surfaces = new String[dims];
            for (int t = 0; t < dims; t++) {
                terms[t] = strings[termIds[t]];
                surfaces[t] = surfaceIds[t] == 0 ? null : strings[surfaceIds[t] - 1];
            }
            int chosenK = number();
            expect(JsonToken.VALUE_NUMBER_FLOAT);
            double silhouette = p.getDoubleValue();
            List<AutoClustering.Fitted> themes = new ArrayList<>();
            List<FittedModel.Named> names = new ArrayList<>();
            expect(JsonToken.START_ARRAY);
            while (p.nextToken() == JsonToken.START_ARRAY) {
                int[] gaps = ints();
                float[] c = new float[dims];
                expect(JsonToken.START_ARRAY);
                int t = 0;
                for (int gap : gaps) {
                    t += gap;
                    expect(JsonToken.VALUE_NUMBER_FLOAT);
                    c[t] = p.getFloatValue();
                }
                expect(JsonToken.END_ARRAY);
                int[] members = papers(), secondary = papers();
                if (members.length == 0) throw new IllegalStateException("a theme without members");
                themes.add(new AutoClustering.Fitted(c, members, secondary));
                String name = string();
                List<String> keywords = List.copyOf(strings());
                names.add(new FittedModel.Named(name, keywords, papers()));
                expect(JsonToken.END_ARRAY);
            }
            closed();
            int[][] related = new int[corpusIndex.length][];
            expect(JsonToken.START_ARRAY);
            for (int o = 0; o < fitSize; o++) related[corpusIndex[o]] = papers();
            expect(JsonToken.END_ARRAY);
            expect(JsonToken.END_ARRAY);
            return new FittedModel(new Corpus.Vocabulary(terms, docFreq, titleFreq, surfaces),
                    new AutoClustering.Fit(themes, chosenK, silhouette), names, related);
        }

        /** Positions within the fit set, as corpus indices. */
        private int[] papers() throws IOException {
            int[] a = indices(fitSize);
            for (int i = 0; i < a.length; i++) a[i] = corpusIndex[a[i]];
            return a;
        }
    }
}
