package paperboy.themes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import paperboy.build.SiteBuild;
import paperboy.assemble.ThemeAssigner;
import paperboy.config.SiteConfig;
import paperboy.config.ThemesConfig;
import paperboy.model.Digest;
import paperboy.model.Paper;
import paperboy.model.Theme;
import paperboy.problems.Problems;

/** Themes on the sample content (content/, the 207 papers of the seeds), in both modes. */
class SampleThemesTest {
    private static final Path CONTENT = Path.of("content");
    private static final Map<String, Digest> DIGESTS = new HashMap<>();

    @BeforeAll
    static void build() throws Exception {
        for (String mode : List.of("auto", "curated")) DIGESTS.put(mode, load(mode));
    }

    static Digest load(String mode) throws Exception {
        SiteConfig config = SiteConfig.defaults().withYear(2025);
        ThemeAssigner themes = Themes.forBuild(config.themes(), mode, CONTENT);
        SiteBuild.Request req = new SiteBuild.Request(CONTENT, Path.of("target/unused"), Path.of("templates"), config, themes);
        Problems problems = new Problems();
        Digest d = SiteBuild.digest(req, problems);
        assertThat(problems.sorted()).as("warnings").isEmpty();
        return d;
    }

    @ParameterizedTest
    @ValueSource(strings = {"auto", "curated"})
    void everyPaperHasOneToThreeThemesThatExist(String mode) {
        Digest d = DIGESTS.get(mode);
        assertThat(d.papers()).hasSize(207);
        for (Paper p : d.papers()) {
            assertThat(p.themes()).as(p.title()).isNotEmpty().hasSizeLessThanOrEqualTo(3).doesNotHaveDuplicates();
            p.themes().forEach(slug -> assertThat(d.theme(slug)).as(slug).isPresent());
            p.themes().forEach(slug -> assertThat(d.theme(slug).orElseThrow().paperSlugs()).contains(p.slug()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"auto", "curated"})
    void noThemeButOtherHasFewerThanThreePapers(String mode) {
        Digest d = DIGESTS.get(mode);
        Map<String, Long> primary = d.papers().stream().collect(Collectors.groupingBy(p -> p.themes().get(0), Collectors.counting()));
        for (Theme t : d.themes()) {
            if (t.slug().equals("other")) continue;
            assertThat(t.paperSlugs()).as(t.name()).hasSizeGreaterThanOrEqualTo(3);
            if (!t.curated()) assertThat(primary.get(t.slug())).as(t.name() + " primary members").isGreaterThanOrEqualTo(3);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"auto", "curated"})
    void themesHaveReadableUniqueNamesAndSlugs(String mode) {
        Digest d = DIGESTS.get(mode);
        assertThat(d.themes()).extracting(Theme::name).doesNotHaveDuplicates()
                .allSatisfy(n -> assertThat(n).doesNotContainPattern("(?i)cluster|\\d+$"));
        assertThat(d.themes()).extracting(Theme::slug).doesNotHaveDuplicates()
                .allSatisfy(s -> assertThat(s).matches("[a-z0-9]+(-[a-z0-9]+)*"));
        if (mode.equals("auto")) {
            assertThat(d.themes()).extracting(Theme::name).anySatisfy(n -> assertThat(n).contains("In-Context Learning"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"auto", "curated"})
    void twoRunsGiveIdenticalThemes(String mode) throws Exception {
        Digest again = load(mode);
        Digest first = DIGESTS.get(mode);
        assertThat(again.themes()).isEqualTo(first.themes());
        assertThat(again.papers()).isEqualTo(first.papers());
    }

    @ParameterizedTest
    @ValueSource(strings = {"auto", "curated"})
    void relatedPapersAreFiveOthersMostSimilarFirst(String mode) {
        Digest d = DIGESTS.get(mode);
        for (Paper p : d.papers()) {
            assertThat(p.related()).as(p.title()).hasSizeLessThanOrEqualTo(5).doesNotContain(p.slug()).doesNotHaveDuplicates();
            p.related().forEach(d::paper);
        }
        assertThat(d.papers().stream().filter(p -> p.related().size() == 5).count()).isGreaterThan(200);
        Paper icl = d.papers().stream().filter(p -> p.title().equals("Transformers learn in-context by gradient descent"))
                .findFirst().orElseThrow();
        assertThat(icl.related().stream().map(s -> d.paper(s).title()).toList())
                .anySatisfy(t -> assertThat(t).containsIgnoringCase("in-context"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"curated"})
    void curatedModeUsesTheShippedTaxonomyAndFallsBackForTheRest(String mode) {
        Digest d = DIGESTS.get(mode);
        assertThat(d.theme("in-context-learning").orElseThrow().curated()).isTrue();
        assertThat(d.theme("long-context").orElseThrow().paperSlugs()).isNotEmpty();
        // The shipped taxonomy covers the sample: most papers' primary theme is a curated one (the fallback to
        // automatic themes for papers no curated theme claims is CuratedThemesTest's).
        Set<String> curatedSlugs = d.themes().stream().filter(Theme::curated).map(Theme::slug).collect(Collectors.toSet());
        assertThat(d.papers().stream().filter(p -> curatedSlugs.contains(p.themes().get(0))).count())
                .isGreaterThan(d.papers().size() * 3L / 4);
    }

    @org.junit.jupiter.api.Test
    void offModeAssignsNothing() throws Exception {
        ThemeAssigner none = Themes.forBuild(ThemesConfig.defaults(), "off", CONTENT);
        assertThat(none.assign(DIGESTS.get("auto").papers()).themes()).isEmpty();
    }
}
