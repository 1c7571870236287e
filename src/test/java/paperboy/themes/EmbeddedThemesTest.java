package paperboy.themes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.assemble.ThemeAssigner;
import paperboy.assemble.ThemeAssigner.Assignment;
import paperboy.config.ThemesConfig;
import paperboy.model.Paper;
import paperboy.problems.Problems;
import paperboy.themes.embed.PaperEmbedder;

/**
 * Themes with sentence embeddings ({@code themes: {embeddings: on}}): each paper is embedded once and its vector
 * kept in the theme cache, so a later build embeds only its new papers, and the result is the same with or without
 * the cache. A stand-in model (a hashed bag of words, quick and deterministic) counts what it is asked to embed;
 * {@code EmbeddingModelOfflineTest} runs the real one.
 */
class EmbeddedThemesTest {
    static List<Paper> archive;

    /** 600 papers made from the sample's: 20 a day from 1 January 2025, so the last days are in February. */
    @BeforeAll
    static void papers() throws Exception {
        List<Paper> made = ThemesBench.synthetic(ThemesBench.samplePapers(), 600);
        archive = new ArrayList<>();
        for (int i = 0; i < made.size(); i++) {
            Paper p = made.get(i);
            archive.add(new Paper(p.slug(), p.title(), p.abstractRaw(), List.of(LocalDate.of(2025, 1, 1).plusDays(i / 20)),
                    0, 0, List.of(), List.of(), p.firstSource(), Optional.empty(), List.of()));
        }
    }

    /** Words hashed into 64 dimensions: papers sharing words are close, as with a real model. */
    static final class CountingEmbedder implements PaperEmbedder {
        final AtomicInteger embedded = new AtomicInteger();

        @Override
        public String modelId() {
            return "hashed-words-64";
        }

        @Override
        public int dimensions() {
            return 64;
        }

        @Override
        public List<float[]> embed(List<String> texts) {
            embedded.addAndGet(texts.size());
            List<float[]> out = new ArrayList<>();
            for (String t : texts) {
                float[] v = new float[64];
                for (String w : t.toLowerCase(java.util.Locale.ROOT).split("[^a-z]+")) {
                    if (w.length() > 3) v[(w.hashCode() & 0x7fffffff) % 64] += 1;
                }
                double n = 0;
                for (float x : v) n += x * x;
                for (int i = 0; i < 64 && n > 0; i++) v[i] /= (float) Math.sqrt(n);
                out.add(v);
            }
            return out;
        }
    }

    private static ThemeAssigner themes(String mode, PaperEmbedder e) {
        return Themes.forBuild(ThemesConfig.Mode.parse(mode).orElseThrow(), ThemesConfig.defaults(), Path.of("content"),
                Optional.of(e));
    }

    @Test
    void eachPaperIsEmbeddedOnceAndTheCacheChangesNothing(@TempDir Path dir) throws java.io.IOException {
        for (String mode : List.of("auto", "curated")) {
            java.nio.file.Files.createDirectories(dir.resolve(mode));
            CountingEmbedder plainModel = new CountingEmbedder(), cachedModel = new CountingEmbedder();
            ThemeAssigner plain = themes(mode, plainModel);
            ThemeAssigner cached = themes(mode, cachedModel).cachedFor(dir.resolve(mode).resolve("site"));
            List<Paper> first = archive.subList(0, 580);
            Assignment expected = plain.assign(first, new Problems());
            // The key of the daily store the cached assigner keeps aside, the same assignment.
            assertThat(cached.assign(first, new Problems()).withStoreKey("")).as(mode + ": cold").isEqualTo(expected);
            // content/themes.yml's themes' descriptions are embedded too
            int descriptions = cachedModel.embedded.get() - 580;
            assertThat(descriptions).isEqualTo(mode.equals("curated") ? new paperboy.themes.curated.TaxonomyLoader(
                    new paperboy.themes.text.TermAnalyzer()).load(Path.of("content/themes.yml"), new Problems())
                    .orElseThrow().themes().size() : 0);
            assertThat(cached.assign(first, new Problems()).withStoreKey("")).as(mode + ": warm").isEqualTo(expected);
            assertThat(cachedModel.embedded.get()).as("nothing embedded again").isEqualTo(580 + descriptions);
            // A new day: only its papers are embedded, and the result is a full build's.
            assertThat(cached.assign(archive, new Problems()).withStoreKey("")).as(mode + ": a new day").isEqualTo(plain.assign(archive, new Problems()));
            assertThat(cachedModel.embedded.get()).as("only the new papers").isEqualTo(600 + descriptions);
        }
    }

    @Test
    void embeddingsChangeTheThemesAndAddingADayChangesNoOlderPapersThemesOrRelatedPapers() {
        ThemeAssigner themes = themes("auto", new CountingEmbedder());
        // January's papers are the fit set; February's join its themes.
        List<Paper> before = new ArrayList<>(archive.subList(0, 560));
        before.addAll(StableThemesTest.shifted(archive.subList(560, 580), 3)); // February 1
        List<Paper> after = new ArrayList<>(before);
        after.addAll(StableThemesTest.shifted(archive.subList(580, 600), 4)); // February 2
        Assignment a = themes.assign(before, new Problems()), b = themes.assign(after, new Problems());
        for (Paper p : before) {
            assertThat(b.paperThemes().get(p.slug())).as(p.slug()).isEqualTo(a.paperThemes().get(p.slug()));
            assertThat(b.related().get(p.slug())).as(p.slug()).isEqualTo(a.related().get(p.slug()));
        }
        Assignment words = Themes.forBuild(ThemesConfig.defaults(), "auto", Path.of("content")).assign(before, new Problems());
        assertThat(a.related()).as("embeddings are used").isNotEqualTo(words.related());
        assertThat(a.themes()).hasSizeGreaterThan(3);
    }
}
