package paperboy.themes.embed;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * bge-small-en-v1.5 (quantised to int8, 384 dimensions), as shipped inside langchain4j's Maven artifact and run
 * through ONNX Runtime: the model and its tokenizer are classpath resources, so nothing is fetched at run time.
 * The model is loaded on first use (about a second), so a build whose vectors are all cached never loads it.
 *
 * <p>Chosen over all-MiniLM-L6-v2 by cross-validation on the dev set (README, Themes): its neighbours share the
 * paper's topic more often. bge asks for an instruction before short search queries; a theme's description is
 * embedded as a document like the papers, which did as well or better under the same cross-validation.
 */
public final class BgeSmallEmbedder implements PaperEmbedder {
    /** The artifact's model, and the text cut applied here: part of the key of every vector kept. */
    static final String ID = "bge-small-en-v1.5-q/langchain4j-1.20.0-beta30/words-" + PaperText.MAX_WORDS;

    private final int threads;
    private BgeSmallEnV15QuantizedEmbeddingModel model;
    private ExecutorService pool;

    /** @param threads texts embedded at once (ONNX Runtime also uses the cores within one text) */
    public BgeSmallEmbedder(int threads) {
        this.threads = Math.max(1, threads);
    }

    public BgeSmallEmbedder() {
        this(Runtime.getRuntime().availableProcessors());
    }

    @Override
    public String modelId() {
        return ID;
    }

    @Override
    public int dimensions() {
        return 384;
    }

    @Override
    public synchronized List<float[]> embed(List<String> texts) {
        if (texts.isEmpty()) return List.of();
        if (model == null) {
            // Daemon threads: a build that forgets to close the embedder still exits.
            pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "paperboy-embed");
                t.setDaemon(true);
                return t;
            });
            model = new BgeSmallEnV15QuantizedEmbeddingModel(pool);
        }
        List<TextSegment> segments = new ArrayList<>(texts.size());
        for (String t : texts) segments.add(TextSegment.from(t.isBlank() ? "-" : t));
        List<Embedding> out = model.embedAll(segments).content();
        List<float[]> vectors = new ArrayList<>(out.size());
        for (Embedding e : out) vectors.add(unit(e.vector()));
        return vectors;
    }

    static float[] unit(float[] v) {
        double n = 0;
        for (float x : v) n += (double) x * x;
        float[] u = new float[v.length];
        if (n == 0) return u;
        float inv = (float) (1 / Math.sqrt(n));
        for (int i = 0; i < v.length; i++) u[i] = v[i] * inv;
        return u;
    }
}
