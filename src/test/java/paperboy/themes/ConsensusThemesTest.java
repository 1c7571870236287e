package paperboy.themes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import paperboy.model.Paper;
import paperboy.themes.cluster.AutoClustering;
import paperboy.themes.text.Corpus;
import paperboy.themes.text.TermAnalyzer;

/**
 * Automatic themes by the consensus of many k-means runs (what a build with embeddings uses): the number of themes
 * comes out of the runs' agreement, not out of the bounds, and the same papers always give the same themes.
 */
class ConsensusThemesTest {
    private static final List<Paper> PAPERS = PlantedTopicsTest.planted(1);
    private static final Corpus CORPUS = Corpus.of(PAPERS, new TermAnalyzer());
    private static final List<Integer> ALL = IntStream.range(0, PAPERS.size()).boxed().toList();

    private static Set<Set<String>> themes(AutoClustering.Fit fit) {
        return fit.themes().stream()
                .map(t -> Arrays.stream(t.members()).mapToObj(d -> PAPERS.get(d).slug().substring(0, 6)).collect(Collectors.toSet()))
                .collect(Collectors.toSet());
    }

    @Test
    void theConsensusRecoversThePlantedTopicsWithoutBeingToldHowMany() {
        for (int maxK : new int[] {4, 6, 8}) {
            AutoClustering.Fit fit = AutoClustering.fit(CORPUS, ALL, 2, maxK, AutoClustering.Options.consensus(0.5));
            // Each theme holds the ten papers of one topic and nothing else.
            assertThat(themes(fit)).as("bounds 2-%d", maxK).containsExactlyInAnyOrder(Set.of("topic0"), Set.of("topic1"), Set.of("topic2"));
            assertThat(fit.themes()).allSatisfy(t -> assertThat(t.members()).hasSize(10));
            assertThat(fit.chosenK()).isEqualTo(3);
        }
    }

    @Test
    void theConsensusGivesTheSameThemesEveryTime() {
        AutoClustering.Fit a = AutoClustering.fit(CORPUS, ALL, 2, 8, AutoClustering.Options.consensus(0.5));
        AutoClustering.Fit b = AutoClustering.fit(CORPUS, ALL, 2, 8, AutoClustering.Options.consensus(0.5));
        assertThat(b.themes()).hasSameSizeAs(a.themes());
        for (int t = 0; t < a.themes().size(); t++) {
            assertThat(b.themes().get(t).members()).isEqualTo(a.themes().get(t).members());
            assertThat(b.themes().get(t).centroid()).isEqualTo(a.themes().get(t).centroid());
        }
        assertThat(b.silhouette()).isEqualTo(a.silhouette());
    }

    @Test
    void aHigherCutStillPartsTopicsEveryRunPartsAndTheBoundsAreKept() {
        // Parted in every run, the planted topics stay apart even when 80% of the runs must part two papers.
        assertThat(themes(AutoClustering.fit(CORPUS, ALL, 2, 8, AutoClustering.Options.consensus(0.8))))
                .containsExactlyInAnyOrder(Set.of("topic0"), Set.of("topic1"), Set.of("topic2"));
        // Asked for at least 4 themes, every run splits a topic and so does the consensus, but never mixes two.
        AutoClustering.Fit four = AutoClustering.fit(CORPUS, ALL, 4, 8, AutoClustering.Options.consensus(0.5));
        assertThat(four.chosenK()).isBetween(4, 8);
        assertThat(themes(four)).allSatisfy(topics -> assertThat(topics).hasSize(1));
        assertThat(four.themes().stream().mapToInt(t -> t.members().length).sum()).isEqualTo(30);
    }

    @Test
    void aBuildWithEmbeddingsClustersByTheConsensusAndOneWithoutByKMeans() {
        assertThat(ThemeEngine.Weights.EMBEDDINGS.clustering().runs()).isPositive();
        assertThat(ThemeEngine.Weights.TFIDF.clustering()).isEqualTo(AutoClustering.Options.KMEANS);
    }
}
