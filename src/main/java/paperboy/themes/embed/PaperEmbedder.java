package paperboy.themes.embed;

import java.util.List;

/**
 * Turns a paper's text ("title. abstract") into a unit-length sentence embedding, in-process: papers on one topic
 * land close together even where their words differ, which TF-IDF cannot see.
 */
public interface PaperEmbedder {
    /** Names the model and how it is used: vectors kept under another id are never mixed with these. */
    String modelId();

    int dimensions();

    /** One unit vector per text, same order; the same text always gives the same vector. */
    List<float[]> embed(List<String> texts);
}
