package paperboy.themes.embed;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import paperboy.model.Paper;

/**
 * Every paper's embedding for a build: kept ones from the {@link VectorStore}, the others embedded (and kept). What
 * the themes use is always the int8 vector made unit again, so a build with the store and one without give the same
 * themes to the bit.
 */
public final class PaperVectors {
    /** Papers embedded per call: progress is told between batches. */
    static final int BATCH = 256;
    /** From this many papers to embed (a minute or more) the build says how far it is, on standard error. */
    static final int TELL_FROM = 2_000;

    private PaperVectors() {}

    /** Embeddings of other texts (curated themes' descriptions), kept in the store like the papers'. */
    public static List<float[]> ofTexts(List<String> texts, PaperEmbedder embedder, VectorStore store) {
        float[][] out = new float[texts.size()][];
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < out.length; i++) {
            int index = i;
            store.vector(embedder.modelId(), texts.get(i)).ifPresentOrElse(v -> out[index] = v.unit(),
                    () -> missing.add(index));
        }
        List<float[]> vs = embedder.embed(missing.stream().map(texts::get).toList());
        for (int m = 0; m < missing.size(); m++) {
            Int8Vector q = Int8Vector.of(vs.get(m));
            store.keep(embedder.modelId(), texts.get(missing.get(m)), q);
            out[missing.get(m)] = q.unit();
        }
        return List.of(out);
    }

    /** @param log where a long backfill tells how far it is (null: nowhere) */
    public static float[][] of(List<Paper> papers, PaperEmbedder embedder, VectorStore store, PrintStream log) {
        Int8Vector[] q = quantised(papers, embedder, store, log);
        float[][] out = new float[q.length][];
        for (int i = 0; i < q.length; i++) out[i] = q[i].unit();
        return out;
    }

    /** As {@link #of}, the int8 vectors themselves: to keep them elsewhere. */
    public static Int8Vector[] quantised(List<Paper> papers, PaperEmbedder embedder, VectorStore store, PrintStream log) {
        Int8Vector[] out = new Int8Vector[papers.size()];
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < out.length; i++) {
            int index = i;
            store.vector(embedder.modelId(), i, papers.get(i)).ifPresentOrElse(v -> out[index] = v,
                    () -> missing.add(index));
        }
        boolean tell = log != null && missing.size() >= TELL_FROM;
        long start = System.nanoTime();
        if (tell) {
            log.printf(Locale.ROOT, "themes: embedding %,d papers not embedded before (kept for later builds)%n",
                    missing.size());
        }
        int toldAt = 0;
        for (int from = 0; from < missing.size(); from += BATCH) {
            List<Integer> batch = missing.subList(from, Math.min(missing.size(), from + BATCH));
            List<String> texts = new ArrayList<>(batch.size());
            for (int i : batch) texts.add(PaperText.of(papers.get(i)));
            List<float[]> vs = embedder.embed(texts);
            for (int b = 0; b < batch.size(); b++) {
                Int8Vector q = Int8Vector.of(vs.get(b));
                store.keep(embedder.modelId(), batch.get(b), papers.get(batch.get(b)), q);
                out[batch.get(b)] = q;
            }
            int done = from + batch.size();
            if (tell && (done - toldAt >= missing.size() / 20 || done == missing.size())) {
                toldAt = done;
                double s = (System.nanoTime() - start) / 1e9;
                log.printf(Locale.ROOT, "themes: embedded %,d of %,d papers (%.0f s, about %.0f s left)%n", done,
                        missing.size(), s, s / done * (missing.size() - done));
            }
        }
        return out;
    }
}
