package paperboy.editorial;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.config.MarkdownConfig;
import paperboy.problems.Problem;
import paperboy.problems.Problems;

class EditorialLoaderTest {
    @TempDir
    Path content;
    private final Problems problems = new Problems();
    private final EditorialLoader loader = new EditorialLoader(new Markdown(MarkdownConfig.defaults()));

    private void write(String path, String text) throws IOException {
        Path f = content.resolve(path);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }

    private List<String> messages() {
        return problems.sorted().stream().map(Problem::toString)
                .map(s -> s.replace(content.toString().replace('\\', '/') + "/", "")).toList();
    }

    @Test
    void pageWithFrontMatterBecomesASitePage() throws IOException {
        write("pages/about.md", """
                ---
                title: About this digest
                description: Who writes it.
                date: 2025-03-01
                ---
                Written by **people**.
                """);
        EditorialSource e = loader.load(content, problems);
        assertThat(messages()).isEmpty();
        assertThat(e.pages()).singleElement().satisfies(p -> {
            assertThat(p.slug()).isEqualTo("about");
            assertThat(p.path()).isEqualTo("about/index.html");
            assertThat(p.title()).isEqualTo("About this digest");
            assertThat(p.description()).isEqualTo("Who writes it.");
            assertThat(p.date()).contains(LocalDate.of(2025, 3, 1));
            assertThat(p.html()).isEqualTo("<p>Written by <strong>people</strong>.</p>");
        });
    }

    @Test
    void slugFromFrontMatterWinsAndDraftsAreReportedNotBuilt() throws IOException {
        write("pages/colophon-page.md", "---\ntitle: Colophon\nslug: colophon\n---\nHow it is made.\n");
        write("pages/upcoming.md", "---\ntitle: Upcoming\ndraft: true\n---\nSoon.\n");
        EditorialSource e = loader.load(content, problems);
        assertThat(e.pages()).extracting(p -> p.slug()).containsExactly("colophon");
        assertThat(messages()).containsExactly(
                "pages/upcoming.md:3: warning: draft: not built (remove \"draft: true\" to publish it)");
        assertThat(problems.hasErrors()).isFalse();
    }

    @Test
    void badFrontMatterIsAnErrorAtItsLine() throws IOException {
        write("pages/a.md", "---\ntitle: A\ncolour: blue\n---\nx\n");
        write("pages/b.md", "---\ntitle: B\nslug: Not A Slug\n---\nx\n");
        write("pages/c.md", "---\ndescription: no title\n---\nx\n");
        write("pages/days.md", "---\ntitle: Days\n---\nx\n");
        write("pages/e.md", "---\ntitle: E\nno closing line\n");
        loader.load(content, problems);
        assertThat(messages()).containsExactly(
                "pages/a.md:3:1: unknown front matter key \"colour\"; known keys: date, description, draft, slug, title",
                "pages/b.md:3: slug \"Not A Slug\" must be lower-case letters, digits and hyphens (e.g. about)",
                "pages/c.md:1: a page needs a \"title\" in its front matter",
                "pages/days.md:1: slug \"days\" is a folder the site already uses; choose another",
                "pages/e.md:1: front matter starts with \"---\" but has no closing \"---\" line");
    }

    @Test
    void dayNotesAndPaperNotesAreToldApartByNameAndFrontMatter() throws IOException {
        write("notes/2025-03-14.md", "A *good* day.\n");
        write("notes/probes.md", "---\npaper: arXiv:2503.10001\n---\nRead this one.\n");
        write("notes/stray.md", "No date in the name and no paper.\n");
        write("notes/readme.txt", "not markdown");
        EditorialSource e = loader.load(content, problems);
        assertThat(e.dayNotes()).containsOnlyKeys(LocalDate.of(2025, 3, 14));
        assertThat(e.dayNotes().get(LocalDate.of(2025, 3, 14)).html()).isEqualTo("<p>A <em>good</em> day.</p>");
        assertThat(e.dayNotes().get(LocalDate.of(2025, 3, 14)).text()).isEqualTo("A good day.");
        assertThat(e.paperNotes()).singleElement().satisfies(n -> {
            assertThat(n.paperRef()).isEqualTo("arXiv:2503.10001");
            assertThat(n.refAt().line()).isEqualTo(2);
        });
        assertThat(messages()).containsExactly(
                "notes/readme.txt: warning: skipped: not a Markdown file (*.md)",
                "notes/stray.md:1: a note is either notes/YYYY-MM-DD.md (a note on that day) or has "
                        + "\"paper: <title or arXiv id>\" in its front matter");
    }

    @Test
    void dayNotesTakeTheFrontMatterOfHugoAndJekyllAndUseTheTitleAsHeading() throws IOException {
        write("notes/2025-03-14.md", """
                ---
                title: A week of agents
                description: Why so many agent papers
                date: 2025-03-14
                tags: [agents, benchmarks]
                draft: false
                layout: post
                ---
                Agents everywhere.
                """);
        EditorialSource e = loader.load(content, problems);
        assertThat(problems.hasErrors()).isFalse();
        assertThat(messages()).containsExactly("notes/2025-03-14.md:7:1: warning: unknown front matter key \"layout\" "
                + "(ignored); known keys: date, description, draft, paper, tags, title");
        assertThat(e.dayNotes().get(LocalDate.of(2025, 3, 14)).title()).contains("A week of agents");
        assertThat(e.dayNotes().get(LocalDate.of(2025, 3, 14)).html()).isEqualTo("<p>Agents everywhere.</p>");
    }

    @Test
    void aDayNoteWithoutTitleHasNone() throws IOException {
        write("notes/2025-03-14.md", "Plain.\n");
        assertThat(loader.load(content, problems).dayNotes().get(LocalDate.of(2025, 3, 14)).title()).isEmpty();
    }
}
