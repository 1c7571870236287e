package paperboy.themes.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class Int8VectorTest {

    @Test
    void aQuantisedUnitVectorKeepsItsDirectionAndComesBackAsAUnitVector() {
        Random rng = new Random(1);
        float[] v = new float[384];
        for (int i = 0; i < v.length; i++) v[i] = (float) rng.nextGaussian();
        float[] u = BgeSmallEmbedder.unit(v);
        float[] back = Int8Vector.of(u).unit();
        assertThat(EmbeddingModelOfflineTest.dot(back, back)).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(EmbeddingModelOfflineTest.dot(u, back)).isGreaterThan(0.999);
        assertThat(Int8Vector.of(u).values()).hasSize(384);
    }

    @Test
    void aZeroVectorStaysZero() {
        assertThat(Int8Vector.of(new float[4]).unit()).containsOnly(0f);
    }

    @Test
    void theTextEmbeddedIsTitleThenAbstractCutToTheFirstWords() {
        assertThat(PaperText.of("A title", "An   abstract.")).isEqualTo("A title. An abstract.");
        assertThat(PaperText.of("A title.", "")).isEqualTo("A title.");
        String longAbstract = "word ".repeat(500);
        assertThat(PaperText.of("T", longAbstract).split(" ")).hasSize(PaperText.MAX_WORDS);
    }
}
