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

    /**
     * Every word of a part's shards, in sorted order across its shards, lists the papers whose title, abstract or
     * theme names hold it, and those whose title does: the index read back equals the one worked out paper by paper.
     */
    @Test
    void wordShardsListEveryWordsPapersInSortedOrder() throws Exception {
        paperboy.model.Digest digest = paperboy.testing.Samples.sampleDigest();
        paperboy.render.RenderContext ctx = paperboy.testing.Samples.context(paperboy.testing.Samples.config());
        java.util.Map<String, byte[]> files = new java.util.TreeMap<>();
        new SearchIndex().render(digest, ctx).forEach(o -> files.put(o.path(), o.bytes()));
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.JsonNode manifest = json.readTree(payload(files.get(SearchIndex.MANIFEST_PATH)));
        List<paperboy.model.Paper> docs = digest.firstSeenOrder();
        paperboy.render.PaperTexts texts = new paperboy.render.PaperTexts(digest);
        assertThat(manifest.path("parts")).hasSize(2);
        for (com.fasterxml.jackson.databind.JsonNode part : manifest.path("parts")) {
            String id = part.path("id").asText();
            int from = part.path("from").asInt(), to = part.path("to").asInt();
            // Worked out paper by paper.
            java.util.Map<String, List<Integer>> body = new java.util.TreeMap<>(), title = new java.util.TreeMap<>();
            for (int i = from; i < to; i++) {
                paperboy.model.Paper p = docs.get(i);
                java.util.Set<String> words = new java.util.TreeSet<>(SearchIndex.words(texts.title(p)));
                for (String w : words) title.computeIfAbsent(w, k -> new ArrayList<>()).add(i - from);
                words.addAll(SearchIndex.words(texts.abstractText(p)));
                for (String t : p.themes()) words.addAll(SearchIndex.words(digest.theme(t).orElseThrow().name()));
                for (String w : words) body.computeIfAbsent(w, k -> new ArrayList<>()).add(i - from);
            }
            // Read back from the shards, in file order.
            List<String> read = new ArrayList<>();
            java.util.Map<String, List<Integer>> readBody = new java.util.HashMap<>(), readTitle = new java.util.HashMap<>();
            for (int n = 0; n < part.path("keys").size(); n++) {
                com.fasterxml.jackson.databind.JsonNode shard = json.readTree(payload(files.get("search/" + id + "/" + n + ".js")));
                assertThat(shard.fieldNames().next()).isEqualTo(part.path("keys").get(n).asText());
                for (var e : (Iterable<java.util.Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>>) shard::fields) {
                    read.add(e.getKey());
                    readBody.put(e.getKey(), SearchIndex.decode(e.getValue().get(0).asText(), to - from));
                    if (e.getValue().size() > 1) readTitle.put(e.getKey(), SearchIndex.decode(e.getValue().get(1).asText(), to - from));
                }
            }
            assertThat(read).as("part " + id).isSorted().containsExactlyElementsOf(body.keySet());
            assertThat(readBody).as("part " + id).isEqualTo(body);
            assertThat(readTitle).as("part " + id).isEqualTo(title);
            assertThat(body).as("part " + id).hasSizeGreaterThan(20);
            assertThat(title).as("part " + id).isNotEmpty();
        }
    }

    /** The JSON inside {@code PAPERBOY_SEARCH("key",<json>);}. */
    private static String payload(byte[] script) {
        String js = new String(script, java.nio.charset.StandardCharsets.UTF_8).strip();
        return js.substring(js.indexOf(',') + 1, js.length() - 2);
    }
}
