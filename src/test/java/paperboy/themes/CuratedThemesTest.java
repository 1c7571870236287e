package paperboy.themes;

import paperboy.themes.curated.CuratedMatcher;
import paperboy.themes.curated.TaxonomyLoader;
import paperboy.themes.text.TermAnalyzer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.cli.Main;
import paperboy.assemble.ThemeAssigner;
import paperboy.config.ThemesConfig;
import paperboy.model.Paper;
import paperboy.model.SourceRef;
import paperboy.problems.Problem;
import paperboy.problems.Problems;

/** content/themes.yml: rules, pins, stemmed keywords, fallback to automatic themes, and errors with lines. */
class CuratedThemesTest {
    @TempDir
    Path dir;

    private static Paper paper(String slug, String title, String abstractText) {
        return new Paper(slug, title, Optional.of(abstractText), List.of(LocalDate.of(2025, 3, 13)), 0, 0, List.of(),
                List.of(), SourceRef.file(Path.of("test")), Optional.empty(), List.of());
    }

    /** The planted topics, plus a few papers to match by keyword and to pin. */
    private static List<Paper> papers() {
        List<Paper> papers = new ArrayList<>(PlantedTopicsTest.planted(3));
        papers.add(paper("mae-1", "RetroMAE: Duplex Masked Auto-Encoder for Retrieval", "We pretrain a retriever."));
        papers.add(paper("mae-2", "Masked autoencoding for point clouds", "Point clouds are hard."));
        papers.add(paper("mae-3", "Efficient masked-autoencoder pretraining", "Masked images, cheaper."));
        papers.add(paper("not-mae", "Language models are few-shot learners",
                "An autoencoder is mentioned once but this is about prompting language models."));
        papers.add(paper("pinned", "Pointer Networks", "A new neural architecture to learn the conditional probability."));
        return papers;
    }

    private ThemeAssigner.Assignment assign(String yaml, Problems problems) throws IOException {
        Files.writeString(dir.resolve("themes.yml"), yaml);
        ThemeAssigner curated = Themes.forBuild(new ThemesConfig("curated", 2, 8), null, dir);
        return curated.assign(papers(), problems);
    }

    private static final String GOOD = """
            themes:
              - name: Masked Autoencoders
                description: Reconstructing what was hidden.
                keywords: [masked autoencoders]
              - name: Architectures
                slug: architectures
                keywords: [mixture of experts]
                papers:
                  - "pointer  networks"
              - name: Nobody
                papers: ["A title that is not there"]
            """;

    @Test
    void aKeywordMatchesItsStemmedAndHyphenatedVariants() throws IOException {
        ThemeAssigner.Assignment a = assign(GOOD, new Problems());
        for (String slug : List.of("mae-1", "mae-2", "mae-3")) {
            assertThat(a.paperThemes().get(slug)).as(slug).first().isEqualTo("masked-autoencoders");
        }
        // One mention of "autoencoder" in the abstract is not a keyword hit, but it is similarity to the theme's
        // description and papers: the scores weigh it (TaxonomyScorer), no keyword rule excludes it.
        assertThat(a.themes().get(0).slug()).isEqualTo("masked-autoencoders");
        assertThat(a.themes().get(0).curated()).isTrue();
        assertThat(a.themes().get(0).description()).isEqualTo("Reconstructing what was hidden.");
    }

    @Test
    void aCuratedRulePinsThePaperItNames() throws IOException {
        ThemeAssigner.Assignment a = assign(GOOD, new Problems());
        assertThat(a.paperThemes().get("pinned")).containsExactly("architectures");
        assertThat(a.themes()).filteredOn(t -> t.slug().equals("architectures")).singleElement()
                .satisfies(t -> assertThat(t.paperSlugs()).containsExactly("pinned"));
    }

    @Test
    void papersNoCuratedThemeClaimsFallBackToAutomaticThemes() throws IOException {
        ThemeAssigner.Assignment a = assign(GOOD, new Problems());
        for (int t = 0; t < 3; t++) {
            String slug = String.format(Locale.ROOT, "topic%d-paper00", t);
            String theme = a.paperThemes().get(slug).get(0);
            assertThat(a.themes()).filteredOn(x -> x.slug().equals(theme)).singleElement()
                    .satisfies(x -> assertThat(x.curated()).isFalse());
        }
    }

    @Test
    void aPinThatMatchesNoPaperAndAnEmptyThemeAreWarnedAboutWithTheirLines() throws IOException {
        Problems problems = new Problems();
        ThemeAssigner.Assignment a = assign(GOOD, problems);
        assertThat(problems.hasErrors()).isFalse();
        Path file = dir.resolve("themes.yml");
        assertThat(problems.sorted()).extracting(Problem::toString).containsExactly(
                file + ":10: warning: theme \"Nobody\" matches no paper",
                file + ":11: warning: no paper titled \"A title that is not there\"; the pin was ignored");
        assertThat(a.themes()).extracting(t -> t.slug()).doesNotContain("nobody");
    }

    @Test
    void autoModeIgnoresThemesYml() throws IOException {
        Files.writeString(dir.resolve("themes.yml"), GOOD);
        ThemeAssigner auto = Themes.forBuild(new ThemesConfig("auto", 2, 8), null, dir);
        assertThat(auto.assign(papers()).themes()).noneMatch(t -> t.curated());
    }

    @Test
    void badThemesYmlIsAnErrorWithItsLine() throws IOException {
        assertThat(errors("""
                themes:
                  - name: Fine
                    keywords: [fine]
                  - name: Broken
                    keywords: fine
                """)).containsExactly(":5: keywords: expected a list, e.g. [first, second]");
        assertThat(errors("""
                themes:
                  - name: A
                    keywords: [a thing]
                    colour: red
                """)).containsExactly(":4: unknown key \"colour\"; known keys: description, keywords, name, papers, slug");
        assertThat(errors("""
                themes:
                  - description: no name
                    keywords: [x-ray]
                  - name: Dup
                    slug: dup
                    keywords: [dup]
                  - name: Dup again
                    slug: dup
                    keywords: [dup]
                  - name: Empty
                """)).containsExactly(":2: a theme needs a name", ":8: slug \"dup\" is used by an earlier theme",
                ":10: theme \"Empty\" needs keywords or papers, or it matches nothing");
        assertThat(errors("""
                themes:
                  - name: Fine
                    keywords: [fine
                  - name: Next
                """)).singleElement().asString().startsWith(":4:9: not valid YAML");
        assertThat(errors("- just a list\n")).containsExactly(":1: expected \"themes:\" followed by a list of themes");
    }

    private List<String> errors(String yaml) throws IOException {
        Problems problems = new Problems();
        Path file = dir.resolve("themes.yml");
        Files.writeString(file, yaml);
        assertThat(new TaxonomyLoader(new TermAnalyzer()).load(file, problems)).isEmpty();
        assertThat(problems.sorted()).allMatch(Problem::isError);
        return problems.sorted().stream().map(p -> p.toString().substring(file.toString().length())).toList();
    }

    @Test
    void theBuildFailsWithTheLineAndExitCodeOne() throws IOException {
        Path content = Files.createDirectories(dir.resolve("content"));
        Files.copy(Path.of("content/000_a9a6640b6b16a0e1.txt"), content.resolve("000.txt"));
        Files.writeString(content.resolve("themes.yml"), "themes:\n  - name: X\n    keywords: [ok]\n    rules: nope\n");
        Path out = dir.resolve("site");
        StringWriter stdout = new StringWriter(), stderr = new StringWriter();
        int code = Main.run(new String[] {"build", "--content", content.toString(), "--out", out.toString(), "--year", "2025"},
                new PrintWriter(stdout), new PrintWriter(stderr));
        assertThat(code).isEqualTo(1);
        assertThat(stderr.toString()).contains(content.resolve("themes.yml") + ":4: unknown key \"rules\"");
        assertThat(out).doesNotExist();
    }

    @Test
    void anUnknownThemesModeIsBadUsage() {
        StringWriter stdout = new StringWriter(), stderr = new StringWriter();
        int code = Main.run(new String[] {"build", "--themes", "sometimes", "--out", dir.resolve("s").toString()},
                new PrintWriter(stdout), new PrintWriter(stderr));
        assertThat(code).isEqualTo(2);
        assertThat(stderr.toString()).contains("--themes: themes mode \"sometimes\" is not one of auto, curated, off");
    }

    @Test
    void hitsMatchStemsAcrossWordBoundariesButNotInsideWords() {
        TermAnalyzer an = new TermAnalyzer();
        String key = CuratedMatcher.glued(an, "masked autoencoders");
        assertThat(CuratedMatcher.hits(an.stems("A Masked Auto-Encoder; masked auto encoders and a masked autoencoding"), key)).isEqualTo(3);
        assertThat(CuratedMatcher.hits(an.stems("unmasked autoencoders"), key)).isZero();
        assertThat(CuratedMatcher.hits(an.stems("In-Context Learning"), CuratedMatcher.glued(an, "in-context learning"))).isEqualTo(1);
    }
}
