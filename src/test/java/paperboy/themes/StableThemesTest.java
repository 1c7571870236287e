package paperboy.themes;

import paperboy.themes.text.AnalysisCache;
import paperboy.themes.text.Corpus;
import paperboy.themes.curated.CuratedMatcher;
import paperboy.themes.text.FitSet;
import paperboy.themes.text.PaperTerms;
import paperboy.themes.curated.Taxonomy;
import paperboy.themes.curated.TaxonomyLoader;
import paperboy.themes.text.TermAnalyzer;
import paperboy.themes.cache.ThemeCache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.assemble.ThemeAssigner;
import paperboy.assemble.ThemeAssigner.Assignment;
import paperboy.config.ThemesConfig;
import paperboy.model.Paper;
import paperboy.problems.Problems;

/** The fit set keeps older papers' themes and related papers when a day is added; the theme cache changes nothing. */
class StableThemesTest {
    private static List<Paper> archive;

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

    /** The assignment, without the key of the daily store a cached assigner names (a plain one keeps none). */
    private static Assignment assign(ThemeAssigner themes, List<Paper> papers) {
        return themes.assign(papers, new Problems()).withStoreKey("");
    }

    @Test
    void fitSetIsThePapersBeforeTheLatestMonthUnlessTooFew() {
        boolean[] fit = FitSet.of(archive); // 30 days, the last in January 30: all in January
        assertThat(fit).containsOnly(true);
        List<Paper> more = new ArrayList<>(archive.subList(0, 580)); // 29 days: January 1-29
        more.addAll(shifted(archive.subList(580, 600), 3)); // and February 1
        boolean[] f = FitSet.of(more);
        for (int i = 0; i < more.size(); i++) assertThat(f[i]).isEqualTo(i < 580);
    }

    @Test
    void addingADayChangesNoOlderPapersThemesOrRelatedPapers() {
        ThemeAssigner themes = Themes.forBuild(ThemesConfig.defaults(), "auto", Path.of("content"));
        List<Paper> before = new ArrayList<>(archive.subList(0, 560)); // January 1-28
        before.addAll(shifted(archive.subList(560, 580), 3)); // February 1
        List<Paper> after = new ArrayList<>(before);
        after.addAll(shifted(archive.subList(580, 600), 4)); // February 2
        Assignment a = assign(themes, before), b = assign(themes, after);
        for (Paper p : before) {
            assertThat(b.paperThemes().get(p.slug())).as(p.slug()).isEqualTo(a.paperThemes().get(p.slug()));
            assertThat(b.related().get(p.slug())).as(p.slug()).isEqualTo(a.related().get(p.slug()));
        }
        assertThat(b.themes()).extracting(t -> t.name()).containsAll(a.themes().stream().map(t -> t.name()).toList());
        for (Paper p : after.subList(560, 600)) assertThat(b.paperThemes().get(p.slug())).as(p.slug()).isNotEmpty();
    }

    @Test
    void theCacheGivesTheSameAssignmentAndDamagedCachesAreIgnored(@TempDir Path dir) throws IOException {
        ThemeAssigner plain = Themes.forBuild(ThemesConfig.defaults(), "curated", Path.of("content"));
        ThemeAssigner cached = plain.cachedFor(dir.resolve("site"));
        Path file = ThemeCache.location(dir.resolve("site"));
        List<Paper> papers = archive.subList(0, 300);
        Assignment expected = assign(plain, papers);
        assertThat(assign(cached, papers)).as("cold").isEqualTo(expected);
        assertThat(file).exists();
        assertThat(ThemeCache.read(file).size()).isEqualTo(300);
        assertThat(assign(cached, papers)).as("warm").isEqualTo(expected);
        assertThat(assign(cached, archive)).as("more papers").isEqualTo(assign(plain, archive));
        assertThat(ThemeCache.read(file).size()).isEqualTo(600);
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));
        assertThat(ThemeCache.read(file).size()).as("truncated").isZero();
        assertThat(assign(cached, papers)).as("after truncation").isEqualTo(expected);
        Files.write(file, new byte[] {1, 2, 3});
        assertThat(assign(cached, papers)).as("garbage").isEqualTo(expected);
    }

    @Test
    void aBuildWithTheSameFitSetReusesTheFittedModelAndAssignsAsAFullBuildDoes(@TempDir Path dir) throws IOException {
        for (String mode : List.of("auto", "curated")) {
            ThemeAssigner plain = Themes.forBuild(ThemesConfig.defaults(), mode, Path.of("content"));
            Path site = dir.resolve(mode);
            ThemeAssigner cached = plain.cachedFor(site);
            Path file = ThemeCache.location(site);
            List<Paper> before = new ArrayList<>(archive.subList(0, 560)); // January 1-28
            before.addAll(shifted(archive.subList(560, 580), 3)); // February 1
            List<Paper> after = new ArrayList<>(before);
            after.addAll(shifted(archive.subList(580, 600), 4)); // February 2: the same fit set
            assertThat(assign(cached, before)).as(mode + ": fitted").isEqualTo(assign(plain, before));
            assertThat(modelFound(file, after, mode)).as(mode + ": kept for the same fit set").isTrue();
            assertThat(assign(cached, after)).as(mode + ": reused").isEqualTo(assign(plain, after));
            assertThat(modelFound(file, after, mode)).as(mode + ": still kept").isTrue();

            List<Paper> march = new ArrayList<>(after);
            march.addAll(shifted(archive.subList(0, 20).stream().map(p -> renamed(p, "m-")).toList(), 31)); // March 1
            assertThat(modelFound(file, march, mode)).as(mode + ": a new month's fit set").isFalse();
            assertThat(assign(cached, march)).as(mode + ": refitted").isEqualTo(assign(plain, march));
            assertThat(modelFound(file, march, mode)).as(mode + ": the new model kept").isTrue();

            // A damaged file is not used: one byte changed anywhere before its checksum.
            byte[] whole = Files.readAllBytes(file);
            whole[whole.length / 2] ^= 0x10;
            Files.write(file, whole);
            assertThat(modelFound(file, march, mode)).as(mode + ": damaged").isFalse();
            assertThat(assign(cached, march)).as(mode + ": after damage").isEqualTo(assign(plain, march));
        }
    }

    @Test
    void analysisKeysTellApartTextsThatDifferOnlyInWhereTheTitleEndsOrWhetherThereIsAnAbstract() {
        List<Object> keys = List.of(ThemeCache.key("Sparse attention", null), ThemeCache.key("Sparse attention", ""),
                ThemeCache.key("Sparse attentio", "n"), ThemeCache.key("Sparse attention", "Long context."),
                ThemeCache.key("Sparse attention", "Long context!"), ThemeCache.key("Sparse attentionLong", " context."));
        assertThat(keys).doesNotHaveDuplicates();
        assertThat(ThemeCache.key("Sparse attention", "Long context.")).isEqualTo(ThemeCache.key("Sparse attention", "Long context."));
    }

    /** Whether the theme cache holds a model for these papers (all of them clustered, as without a taxonomy). */
    private static boolean modelFound(Path file, List<Paper> papers, String mode) {
        ThemesConfig c = ThemesConfig.defaults().orDefaults();
        boolean[] clustered = new boolean[papers.size()];
        java.util.Arrays.fill(clustered, true);
        if (mode.equals("curated")) {
            // which papers the taxonomy leaves to clustering: ask the engine the way a build does
            Problems problems = new Problems();
            Taxonomy t = new TaxonomyLoader(new TermAnalyzer()).load(Path.of("content").resolve(TaxonomyLoader.FILE_NAME),
                    problems).orElseThrow();
            CuratedMatcher m = new CuratedMatcher(t, new TermAnalyzer());
            PaperTerms[] analysed = Corpus.analyse(papers, new TermAnalyzer(), AnalysisCache.NONE);
            ThemeEngine engine = new ThemeEngine(new TermAnalyzer(), c.minThemes(), c.maxThemes());
            Corpus corpus = Corpus.of(papers, analysed, FitSet.of(papers), Optional.empty());
            List<List<Integer>> matches = engine.claims(papers, analysed, corpus, t, m, problems);
            for (int i = 0; i < papers.size(); i++) clustered[i] = matches.get(i).isEmpty();
        }
        return ThemeCache.read(file).lookUp(papers).find(papers, FitSet.of(papers), clustered,
                new ThemeEngine(new TermAnalyzer(), c.minThemes(), c.maxThemes()).modelConfig()).isPresent();
    }

    private static Paper renamed(Paper p, String prefix) {
        return new Paper(prefix + p.slug(), p.title(), p.abstractRaw(), p.days(), 0, 0, List.of(), List.of(),
                p.firstSource(), Optional.empty(), List.of());
    }

    /** The papers moved to one day: February {@code offset - 2}, 2025. */
    static List<Paper> shifted(List<Paper> papers, int offset) {
        List<Paper> out = new ArrayList<>();
        LocalDate day = LocalDate.of(2025, 2, 1).plusDays(offset - 3);
        for (Paper p : papers) {
            out.add(new Paper(p.slug(), p.title(), p.abstractRaw(), List.of(day), 0, 0, List.of(), List.of(),
                    p.firstSource(), Optional.empty(), List.of()));
        }
        return out;
    }
}
