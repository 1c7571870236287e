package paperboy.themes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.assemble.ThemeAssigner.Assignment;
import paperboy.model.Paper;
import paperboy.model.SourceRef;
import paperboy.problems.Problems;
import paperboy.themes.cache.ModelCache;
import paperboy.themes.curated.Taxonomy;
import paperboy.themes.curated.TaxonomyLoader;
import paperboy.themes.curated.TaxonomyScorer;
import paperboy.themes.text.AnalysisCache;
import paperboy.themes.text.Corpus;
import paperboy.themes.text.PaperTerms;
import paperboy.themes.text.TermAnalyzer;

/**
 * A taxonomy with sentence embeddings keeps every piece of the TF-IDF scorer's evidence and adds one: how close a
 * paper's embedding is to those of the papers a theme has claimed. A paper that says what a theme's papers say in
 * words none of them use, and no keyword of the theme, is left out by TF-IDF and joins the theme with embeddings.
 */
class EmbeddedTaxonomyTest {
    @TempDir
    Path dir;

    private static Paper paper(String slug, String title, String abstractText) {
        return new Paper(slug, title, Optional.of(abstractText), List.of(LocalDate.of(2025, 3, 13)), 0, 0, List.of(),
                List.of(), SourceRef.file(Path.of("test")), Optional.empty(), List.of());
    }

    private static final List<Paper> PAPERS = List.of(
            paper("vision-1", "Image segmentation with transformers", "We segment every image into regions."),
            paper("vision-2", "Image classification at scale", "A classifier for each image in a large collection."),
            paper("vision-3", "Self-supervised image features", "Features learned from unlabelled image collections."),
            paper("vision-4", "Image generation by diffusion", "Diffusion turns noise into an image step by step."),
            paper("language-1", "Prompting language models", "Language models follow a prompt written in English."),
            paper("language-2", "Language models as few-shot learners", "A language model learns from examples."),
            paper("language-3", "Aligning language models", "Feedback from people aligns a language model."),
            paper("language-4", "Language models that reason", "Chains of thought help a language model reason."),
            // What the vision papers are about, in none of their words and no keyword of the theme.
            paper("photographs", "Restoring old photographs", "Scratches and stains vanish from scanned pictures."));

    /** Stands for what a real model knows: texts on pictures point one way, texts on language another. */
    static final class TopicEmbedder implements paperboy.themes.embed.PaperEmbedder {
        @Override
        public String modelId() {
            return "topics-2";
        }

        @Override
        public int dimensions() {
            return 2;
        }

        @Override
        public List<float[]> embed(List<String> texts) {
            List<float[]> out = new ArrayList<>();
            for (String t : texts) {
                String s = t.toLowerCase(Locale.ROOT);
                boolean pictures = s.contains("image") || s.contains("photograph") || s.contains("picture");
                out.add(pictures ? new float[] {1, 0} : new float[] {0, 1});
            }
            return out;
        }
    }

    private Assignment assign(ThemeEngine.Weights weights) throws Exception {
        TermAnalyzer analyzer = new TermAnalyzer();
        Path yml = dir.resolve(TaxonomyLoader.FILE_NAME);
        Files.writeString(yml, """
                themes:
                  - name: Vision
                    description: Papers on images.
                    keywords: [image]
                  - name: Language Models
                    description: Papers on language models.
                    keywords: [language model]
                """);
        Taxonomy taxonomy = new TaxonomyLoader(analyzer).load(yml, new Problems()).orElseThrow();
        TopicEmbedder model = new TopicEmbedder();
        float[][] vectors = model.embed(PAPERS.stream().map(paperboy.themes.embed.PaperText::of).toList())
                .toArray(float[][]::new);
        ThemeEngine.Embedded embedded = new ThemeEngine.Embedded(vectors,
                model.embed(taxonomy.themes().stream().map(Themes::describe).toList()));
        PaperTerms[] analysed = Corpus.analyse(PAPERS, analyzer, AnalysisCache.NONE);
        return new ThemeEngine(analyzer, 2, 8, weights, model.modelId())
                .assign(PAPERS, analysed, Optional.of(embedded), Optional.of(taxonomy), new Problems(), ModelCache.NONE);
    }

    @Test
    void aPaperCloseInMeaningToAThemesPapersJoinsItThoughItSharesNoWordWithThem() throws Exception {
        Assignment a = assign(ThemeEngine.Weights.EMBEDDINGS);
        assertThat(a.paperThemes().get("photographs")).first().isEqualTo("vision");
        for (int i = 1; i <= 4; i++) {
            assertThat(a.paperThemes().get("vision-" + i)).first().isEqualTo("vision");
            assertThat(a.paperThemes().get("language-" + i)).first().isEqualTo("language-models");
        }
    }

    @Test
    void withoutTheEmbeddingsCentroidTheTfIdfScorerLeavesThatPaperToTheAutomaticThemes() throws Exception {
        TaxonomyScorer.Weights tfidf = TaxonomyScorer.Weights.TFIDF;
        ThemeEngine.Weights without = new ThemeEngine.Weights(ThemeEngine.Weights.EMBEDDINGS.auto(), 0,
                new TaxonomyScorer.Weights(tfidf.similarity(), tfidf.centroid(), tfidf.claimBelow(), 0),
                ThemeEngine.Weights.EMBEDDINGS.related(), ThemeEngine.Weights.EMBEDDINGS.sameThemeBonus(),
                ThemeEngine.Weights.EMBEDDINGS.clustering());
        Assignment a = assign(without);
        assertThat(a.paperThemes().get("photographs")).doesNotContain("vision", "language-models");
        assertThat(a.paperThemes().get("vision-1")).first().isEqualTo("vision");
    }
}
