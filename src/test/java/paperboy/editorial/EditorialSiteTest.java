package paperboy.editorial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.build.BuildFailed;
import paperboy.cli.Main;
import paperboy.build.SiteBuild;
import paperboy.assemble.ThemeAssigner;
import paperboy.config.SiteConfig;
import paperboy.model.Digest;
import paperboy.model.Paper;
import paperboy.problems.Problem;
import paperboy.problems.Problems;
import paperboy.build.SiteRenderer;

/**
 * Builds small sites from mixed inputs (text dump, Hugging Face JSON, JSON Feed, saved HTML page) with notes and
 * pages, and reads the pages a person would open.
 */
class EditorialSiteTest {
    private static final Path FIXTURES = Path.of("src/test/resources/inputs");

    @TempDir
    Path tmp;
    Path content;
    Path out;

    @BeforeEach
    void content() throws IOException {
        content = tmp.resolve("content");
        out = tmp.resolve("site");
        write("2025-03-13.txt", """
                Daily Papers
                Mar 13, 2025

                Sparse Probes for Circuit Discovery in Language Models
                We introduce sparse probes, a method for finding the circuits a language model uses to solve a task.

                Retrieval Without an Index
                Language models memorise enough of their training data to act as their own search index.
                """);
        for (String f : List.of("2025-03-14.json", "wrapped.json", "feed.json", "2025-03-16.html")) {
            Files.copy(FIXTURES.resolve(f), content.resolve(f));
        }
        write("notes/2025-03-14.md", """
                A day for **interpretability**.

                <script>alert('owned')</script><p onclick="steal()">Click here</p>
                """);
        write("notes/probes.md", "---\npaper: arXiv:2503.10001v1\n---\nThe clearest write-up of the week.\n");
        write("notes/compiling.md", "---\npaper: \"compiling attention: fast kernels for long contexts\"\n---\nFast.\n");
        write("pages/about.md", "---\ntitle: About\ndescription: Who we are.\n---\n# Who we are\n\nPeople who read papers.\n");
        write("pages/later.md", "---\ntitle: Later\ndraft: true\n---\nNot yet.\n");
    }

    private void write(String path, String text) throws IOException {
        Path f = content.resolve(path);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }

    private SiteBuild.Request request() {
        return new SiteBuild.Request(content, out, Path.of("templates"), SiteConfig.defaults().withYear(2025),
                ThemeAssigner.none());
    }

    private String page(String path) throws IOException {
        return Files.readString(out.resolve(path));
    }

    private static Paper paper(Digest d, String title) {
        return d.papers().stream().filter(p -> p.title().equals(title)).findFirst().orElseThrow();
    }

    @Test
    void mixedInputsMergeIntoOneDigest() throws BuildFailed {
        Problems problems = new Problems();
        Digest d = SiteBuild.digest(request(), problems);

        assertThat(d.days()).extracting(day -> day.date().toString())
                .containsExactly("2025-03-13", "2025-03-14", "2025-03-15", "2025-03-16");
        assertThat(d.listingCount()).isEqualTo(10);
        assertThat(d.papers()).hasSize(6);
        // text dump, HF list and JSON Feed (different capitalisation): one paper, its id and authors from JSON
        Paper probes = paper(d, "Sparse Probes for Circuit Discovery in Language Models");
        assertThat(probes.days()).extracting(LocalDate::toString).containsExactly("2025-03-13", "2025-03-14", "2025-03-15");
        assertThat(probes.arxivId()).contains("2503.10001");
        assertThat(probes.authors()).containsExactly("Ada Lovelace", "Alan Turing");
        assertThat(probes.firstSource().file().getFileName().toString()).isEqualTo("2025-03-13.txt");
        // seen first in text without an id; the id learned later from the HTML page attaches to it
        Paper retrieval = paper(d, "Retrieval Without an Index");
        assertThat(retrieval.days()).hasSize(2);
        assertThat(retrieval.arxivId()).contains("2503.10006");
        // the same arXiv id from JSON and HTML
        assertThat(paper(d, "Compiling Attention: Fast Kernels for Long Contexts").days()).hasSize(2);
        // notes are in the model for the other outputs (feeds, newsletter)
        assertThat(d.dayNote(LocalDate.of(2025, 3, 14))).get()
                .satisfies(n -> assertThat(n.text()).startsWith("A day for interpretability."));
        assertThat(d.paperNote(probes.slug())).isPresent();
        assertThat(d.editorial().pages()).extracting(p -> p.slug()).containsExactly("about");
        assertThat(problems.sorted()).extracting(Problem::toString)
                .anySatisfy(s -> assertThat(s).endsWith("pages/later.md:3: warning: draft: not built (remove \"draft: true\" to publish it)"));
    }

    @Test
    void pagesShowNotesArxivLinksAuthorsAndNavigation() throws Exception {
        new SiteBuild(SiteRenderer.standard()).run(request());
        // The site's own script is the one script a page may have; nothing from the note may add another.
        String day = page("days/2025-03-14/index.html").replace("<script src=\"../../assets/site.js\"></script>", "");
        assertThat(day).contains("Editor's note").contains("A day for <strong>interpretability</strong>.")
                .contains("<p>Click here</p>");
        assertThat(day).doesNotContainIgnoringCase("<script").doesNotContain("onclick").doesNotContain("owned");
        assertThat(day).contains("<a href=\"../../about/index.html\">About</a>");

        Digest d = SiteBuild.digest(request(), new Problems());
        String probes = page("papers/" + paper(d, "Sparse Probes for Circuit Discovery in Language Models").slug() + "/index.html");
        assertThat(probes).contains("<a href=\"https://arxiv.org/abs/2503.10001\" rel=\"noopener\">arXiv:2503.10001</a>")
                .contains("<a href=\"https://arxiv.org/pdf/2503.10001\" rel=\"noopener\">PDF</a>")
                .contains("<a href=\"https://huggingface.co/papers/2503.10001\" rel=\"noopener\">Hugging Face</a>")
                .contains("Ada Lovelace, Alan Turing")
                .contains("Editor's note").contains("The clearest write-up of the week.");

        String about = page("about/index.html");
        assertThat(about).contains("<title>About · Paper Digest</title>").contains("Who we are.")
                .contains("id=\"who-we-are\"").contains("aria-current=\"page\"");
        assertThat(page("index.html")).contains("<a href=\"about/index.html\">About</a>");
        assertThat(out.resolve("later")).doesNotExist();
    }

    @Test
    void noteNamingNoKnownPaperFailsTheBuildWithFileAndLine() throws IOException {
        write("notes/ghost.md", "---\npaper: A Paper Nobody Listed\n---\nHm.\n");
        assertThatThrownBy(() -> new SiteBuild(SiteRenderer.standard()).run(request()))
                .isInstanceOfSatisfying(BuildFailed.class, e -> assertThat(e.problems()).extracting(Problem::toString)
                        .anySatisfy(s -> assertThat(s).endsWith("notes/ghost.md:2: paper: \"A Paper Nobody Listed\" "
                                + "names no paper in the digest; use its title as listed or its arXiv id")));
        assertThat(out).doesNotExist();
    }

    @Test
    void dayNoteForADayWithoutListingsIsAWarningNotSilence() throws Exception {
        write("notes/2025-04-01.md", "Nothing listed this day.\n");
        SiteBuild.Report r = new SiteBuild(SiteRenderer.standard()).run(request());
        assertThat(r.warnings()).extracting(Problem::toString).anySatisfy(s -> assertThat(s)
                .endsWith("notes/2025-04-01.md:1: warning: no listings on 2025-04-01: this day note is not shown"));
        assertThat(r.digest().dayNote(LocalDate.of(2025, 4, 1))).isEmpty();
    }

    @Test
    void badJsonFailsTheCommandWithLineAndColumnAndWritesNothing() throws IOException {
        Files.copy(FIXTURES.resolve("bad/2025-03-14-syntax.json"), content.resolve("2025-03-17.json"));
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"build", "--content", content.toString(), "--out", out.toString(),
                "--year", "2025"}, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("2025-03-17.json:5:7: invalid JSON: Unexpected character");
        assertThat(out).doesNotExist();
    }

    @Test
    void badHtmlFailsTheBuildAndLeavesThePreviousSite() throws Exception {
        new SiteBuild(SiteRenderer.standard()).run(request());
        String before = page("index.html");
        Files.copy(FIXTURES.resolve("bad/2025-03-16-empty-title.html"), content.resolve("2025-03-18.html"));
        assertThatThrownBy(() -> new SiteBuild(SiteRenderer.standard()).run(request()))
                .isInstanceOfSatisfying(BuildFailed.class, e -> assertThat(e.problems()).extracting(Problem::toString)
                        .anySatisfy(s -> assertThat(s).endsWith("2025-03-18.html:6:3: empty <h3>: a paper card needs its title")));
        assertThat(page("index.html")).isEqualTo(before);
    }
}
