package paperboy.editorial;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.build.SiteBuild;
import paperboy.assemble.ThemeAssigner;
import paperboy.config.ConfigLoader;
import paperboy.config.SiteConfig;
import paperboy.model.Digest;
import paperboy.problems.Problems;
import paperboy.build.SiteRenderer;

/** The shipped sample content: its facts stay as they were, and it shows the about page and the day note. */
class SampleEditorialTest {
    @TempDir
    Path out;

    @Test
    void sampleSiteKeepsItsFactsAndShowsTheEditorialContent() throws Exception {
        Problems problems = new Problems();
        SiteConfig config = ConfigLoader.load(Path.of("paperboy.yml"), true, problems).orElseThrow();
        SiteBuild.Report r = new SiteBuild(SiteRenderer.standard())
                .run(new SiteBuild.Request(Path.of("content"), out, Path.of("templates"), config, ThemeAssigner.none()));
        Digest d = r.digest();
        assertThat(d.days()).hasSize(5);
        assertThat(d.listingCount()).isEqualTo(279);
        assertThat(d.papers()).hasSize(207);
        assertThat(d.papers().stream().filter(p -> p.days().size() > 1)).hasSize(51);
        assertThat(r.warnings()).isEmpty();

        assertThat(d.dayNote(LocalDate.of(2025, 3, 14))).isPresent();
        assertThat(Files.readString(out.resolve("days/2025-03-14/index.html"))).contains("Editor's note")
                .contains("<strong>sparse autoencoders</strong>");
        assertThat(Files.readString(out.resolve("about/index.html"))).contains("<h1>About</h1>").contains("<table>");
        assertThat(Files.readString(out.resolve("archive/index.html"))).contains("<a href=\"../about/index.html\">About</a>");
    }
}
