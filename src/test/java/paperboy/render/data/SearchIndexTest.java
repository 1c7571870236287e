package paperboy.render.data;

import paperboy.render.data.SearchIndex;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SearchIndexTest {

    @Test
    void listsOfPapersRoundTripAsGapsOrBitmapsWhicheverIsShorter() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (double density : new double[] {0.001, 0.05, 0.2, 0.6, 1.0}) {
            int universe = 5000;
            List<Integer> ids = new ArrayList<>();
            for (int i = 0; i < universe; i++) if (rnd.nextDouble() < density) ids.add(i);
            int[] a = ids.stream().mapToInt(Integer::intValue).toArray();
            String encoded = SearchIndex.encode(a, a.length, 0, universe);
            assertThat(SearchIndex.decode(encoded, universe)).as("density " + density).isEqualTo(ids);
            assertThat(encoded.length()).isLessThanOrEqualTo(1 + (universe + 5) / 6);
        }
        assertThat(SearchIndex.encode(new int[] {0, 1, 2, 40}, 4, 0, 1000)).isEqualTo("000X5"); // gaps 0, 0, 0, 37 = 1·32 + 5
        assertThat(SearchIndex.decode("", 10)).isEmpty();
    }

    /** A scoped build (a new day) keeps the shards of earlier months and takes their keys from the manifest it keeps. */
    @Test
    void aScopedBuildKeepsTheEarlierMonthsShardsAndTheirKeys() {
        paperboy.model.Digest digest = paperboy.testing.Samples.sampleDigest(); // March and August 2025
        paperboy.render.RenderContext ctx = paperboy.testing.Samples.context(paperboy.testing.Samples.config());
        java.util.Map<String, byte[]> full = new java.util.HashMap<>();
        new SearchIndex().render(digest, ctx).forEach(o -> full.put(o.path(), o.bytes()));
        assertThat(full.keySet()).anyMatch(p -> p.startsWith("search/a/")); // two parts: before August, and August

        paperboy.render.Scope scope = paperboy.render.Scope.appended(digest, digest.latestDay().orElseThrow().date(),
                path -> java.util.Optional.ofNullable(full.get(path)));
        java.util.Map<String, byte[]> scoped = new java.util.HashMap<>();
        new SearchIndex().render(digest, ctx.within(scope)).forEach(o -> scoped.put(o.path(), o.bytes()));
        assertThat(scoped.keySet()).noneMatch(p -> p.startsWith("search/a/")).anyMatch(p -> p.startsWith("search/r/"));
        assertThat(scoped.get(SearchIndex.MANIFEST_PATH)).isEqualTo(full.get(SearchIndex.MANIFEST_PATH));
    }
}
