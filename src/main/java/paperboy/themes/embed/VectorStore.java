package paperboy.themes.embed;

import java.util.Optional;
import paperboy.model.Paper;

/**
 * Where each paper's embedding is kept between builds, under the model's id and the paper's text (title and
 * abstract), so a build embeds only papers it has not seen with that text. Only a hint: a vector missing is
 * embedded again and gives the same vector.
 */
public interface VectorStore {
    VectorStore NONE = new VectorStore() {
        @Override
        public Optional<Int8Vector> vector(String modelId, int index, Paper paper) {
            return Optional.empty();
        }

        @Override
        public void keep(String modelId, int index, Paper paper, Int8Vector vector) {}

        @Override
        public Optional<Int8Vector> vector(String modelId, String text) {
            return Optional.empty();
        }

        @Override
        public void keep(String modelId, String text, Int8Vector vector) {}
    };

    /** The vector kept for this paper's text by this model; {@code index} is the paper's place in the build. */
    Optional<Int8Vector> vector(String modelId, int index, Paper paper);

    /** Keeps a vector for the next build; called from one thread at a time. */
    void keep(String modelId, int index, Paper paper, Int8Vector vector);

    /** The vector kept for any other text (a curated theme's description) by this model. */
    Optional<Int8Vector> vector(String modelId, String text);

    void keep(String modelId, String text, Int8Vector vector);
}
