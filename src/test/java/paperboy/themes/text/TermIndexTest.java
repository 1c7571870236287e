package paperboy.themes.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import paperboy.model.Paper;

/**
 * A corpus drawn from the build's term index (the fit set's, and each of the lineage's windows) is the corpus
 * made by hashing every term of every paper, to the bit: the same vocabulary, weights, title terms and spellings.
 */
class TermIndexTest {
    private static final TermAnalyzer ANALYZER = new TermAnalyzer();

    @Test
    void numbersAreTheSortedSharedTerms() {
        PaperTerms[] analysed = analyse(List.of(paper("Sparse autoencoders", "Sparse features in language models."),
                paper("Language models", "Language models reason."), paper("Diffusion", "Images.")));
        TermIndex index = TermIndex.of(analysed);
        List<String> terms = new ArrayList<>();
        for (int r = 0; r < index.size(); r++) terms.add(index.term(r));
        assertThat(terms).isSorted().contains("languag", "model", "languag model").doesNotContain("imag", "diffus");
        int[] df = index.docFreq(new boolean[] {true, true, true});
        assertThat(df[terms.indexOf("model")]).isEqualTo(2);
        index.count(1, df, -1);
        assertThat(df[terms.indexOf("model")]).isEqualTo(1);
    }

    @Test
    void aCorpusFromTheIndexIsTheCorpusByHashing() {
        List<Paper> papers = generated(600, 7);
        PaperTerms[] analysed = analyse(papers);
        TermIndex index = TermIndex.of(analysed);
        Random random = new Random(3);
        for (int trial = 0; trial < 4; trial++) {
            // A window of the papers (as a step of the lineage takes), its fit set all or part of it.
            int from = random.nextInt(200), to = from + 100 + random.nextInt(400);
            List<Paper> sub = papers.subList(from, to);
            PaperTerms[] subTerms = Arrays.copyOfRange(analysed, from, to);
            int[] numbers = new int[sub.size()];
            boolean[] fit = new boolean[sub.size()];
            int[] df = new int[index.size()];
            for (int i = 0; i < numbers.length; i++) {
                numbers[i] = from + i;
                fit[i] = trial % 2 == 0 || random.nextInt(5) > 0;
                if (fit[i]) index.count(from + i, df, 1);
            }
            Corpus byIndex = Corpus.of(sub, subTerms, fit, index, numbers, df);
            Corpus.Vocabulary v = byIndex.vocabulary();
            // The hashing path, given the vocabulary's terms and frequencies: weighs each paper by a lookup per term.
            Corpus byHash = Corpus.of(sub, subTerms, fit, Optional.of(v));
            assertThat(v.terms()).isSorted().hasSizeGreaterThan(50);
            for (int i = 0; i < sub.size(); i++) {
                assertThat(byIndex.vectors.get(i).ids()).isEqualTo(byHash.vectors.get(i).ids());
                assertThat(byIndex.vectors.get(i).weights()).isEqualTo(byHash.vectors.get(i).weights());
                assertThat(byIndex.titleTerms.get(i)).isEqualTo(byHash.titleTerms.get(i));
            }
            // The vocabulary is what counting the fit set's terms by hash gives.
            java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
            int fitSize = 0;
            for (int i = 0; i < sub.size(); i++) {
                if (!fit[i]) continue;
                fitSize++;
                for (String t : subTerms[i].terms()) counts.merge(t, 1, Integer::sum);
            }
            int maxDf = Math.max(2, fitSize / 2);
            assertThat(v.terms()).containsExactlyElementsOf(counts.entrySet().stream()
                    .filter(e -> e.getValue() >= 2 && e.getValue() <= maxDf).map(java.util.Map.Entry::getKey).toList());
            for (int t = 0; t < v.terms().length; t++) assertThat(v.docFreq()[t]).isEqualTo(counts.get(v.terms()[t]));
            assertThat(v.titleFreq()).isEqualTo(byHash.titleFreq);
            assertThat(v.surfaces()).doesNotContainNull();
        }
    }

    private static PaperTerms[] analyse(List<Paper> papers) {
        return Corpus.analyse(papers, ANALYZER, AnalysisCache.NONE);
    }

    /** Papers drawing their words from a few topics, so terms repeat as in an archive. */
    private static List<Paper> generated(int n, long seed) {
        String[][] topics = {
                {"sparse", "autoencoder", "feature", "interpretability", "circuit", "neuron", "Probing"},
                {"diffusion", "image", "denoising", "sampler", "latent", "Video", "generation"},
                {"reinforcement", "reward", "policy", "agent", "planning", "RLHF", "preference"},
                {"retrieval", "augmented", "generation", "document", "index", "RAG", "query"}};
        Random r = new Random(seed);
        List<Paper> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String[] words = topics[r.nextInt(topics.length)];
            StringBuilder title = new StringBuilder(), abs = new StringBuilder();
            for (int w = 0; w < 4; w++) title.append(words[r.nextInt(words.length)]).append(' ');
            for (int w = 0; w < 30; w++) abs.append(words[r.nextInt(words.length)]).append(r.nextInt(9) == 0 ? ". " : " ");
            abs.append("token").append(r.nextInt(40)).append(" ");
            out.add(paper(title.toString().trim(), abs.toString().trim()));
        }
        return out;
    }

    private static Paper paper(String title, String abs) {
        return new Paper(Integer.toHexString((title + abs).hashCode()), title, Optional.of(abs), List.of(LocalDate.of(2025, 1, 1)), 0, 0, List.of(),
                List.of(), paperboy.model.SourceRef.file(Path.of("generated")), Optional.empty(), List.of());
    }
}
