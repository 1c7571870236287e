package paperboy.themes.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sentence embedding model runs offline: its weights and tokenizer are resources inside the jar, and loading
 * and running it asks for no connection. Every URL connection and every plain socket goes through the default
 * {@link ProxySelector} first, so one that records what it is asked for sees any attempt to reach the network.
 */
class EmbeddingModelOfflineTest {

    @Test
    void theModelLoadsFromTheClasspathAndEmbedsWithoutOpeningAConnection() {
        assertThat(getClass().getClassLoader().getResource("bge-small-en-v1.5-q.onnx")).as("model inside the jar").isNotNull();
        assertThat(getClass().getClassLoader().getResource("bge-small-en-v1.5-q-tokenizer.json")).isNotNull();
        List<URI> asked = new ArrayList<>();
        ProxySelector before = ProxySelector.getDefault();
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public synchronized List<Proxy> select(URI uri) {
                asked.add(uri);
                return List.of(Proxy.NO_PROXY);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {}
        });
        List<float[]> v;
        try {
            v = new BgeSmallEmbedder(1).embed(List.of(
                    "Masked autoencoders are scalable vision learners. We mask random patches of the input image.",
                    "Masked image modeling pre-trains vision transformers by reconstructing hidden image patches.",
                    "Chain-of-thought prompting elicits reasoning in large language models."));
        } finally {
            ProxySelector.setDefault(before);
        }
        assertThat(asked).as("connections asked for").isEmpty();
        assertThat(v).hasSize(3).allSatisfy(x -> {
            assertThat(x).hasSize(384);
            assertThat(dot(x, x)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        });
        // Two papers on one topic in other words are closer than two on different topics.
        assertThat(dot(v.get(0), v.get(1))).isGreaterThan(dot(v.get(0), v.get(2)) + 0.2);
    }

    @Test
    void theSameTextGivesTheSameVectorToTheBit() {
        BgeSmallEmbedder e = new BgeSmallEmbedder(2);
        String text = PaperText.of("Sparse attention for long contexts", "We attend to a few blocks of a long input.");
        List<float[]> a = e.embed(List.of(text, "another text", text));
        assertThat(a.get(0)).isEqualTo(a.get(2));
        assertThat(Int8Vector.of(a.get(0))).usingRecursiveComparison().isEqualTo(Int8Vector.of(e.embed(List.of(text)).get(0)));
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (double) a[i] * b[i];
        return s;
    }
}
