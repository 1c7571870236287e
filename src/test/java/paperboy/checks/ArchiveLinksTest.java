package paperboy.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.build.SiteBuild;
import paperboy.bench.CorpusGenerator;
import paperboy.config.ThemesConfig;
import paperboy.build.SiteRenderer;
import paperboy.themes.Themes;

/**
 * A generated archive of 126 days with automatic themes, big enough that themes have several pages: every
 * internal link of every page resolves (the day, paper, theme, week and month pages and their feed links).
 */
class ArchiveLinksTest {
    @TempDir
    static Path tmp;
    static Path site;

    @BeforeAll
    static void build() throws Exception {
        Path corpus = tmp.resolve("content");
        var options = new CorpusGenerator.Options(126, 10, 0.3, 5, LocalDate.of(2025, 1, 6));
        new CorpusGenerator(options, CorpusGenerator.vocabularyFrom(Path.of("content"))).write(corpus);
        site = tmp.resolve("site");
        new SiteBuild(SiteRenderer.standard()).run(new SiteBuild.Request(corpus, site, Path.of("templates"),
                TestSites.config(true), Themes.forBuild(ThemesConfig.defaults(), "auto", corpus)));
    }

    @Test
    void everyInternalLinkOfAPaginatedArchiveResolves() throws Exception {
        List<Path> laterThemePages;
        try (Stream<Path> walk = Files.walk(site.resolve("themes"))) {
            laterThemePages = walk.filter(p -> p.toString().contains("/page/") && p.endsWith("index.html")).toList();
        }
        assertThat(laterThemePages).as("themes with a second page").isNotEmpty();
        LinkChecker.Result r = new LinkChecker(site).check();
        assertThat(r.pages()).isGreaterThan(1000);
        assertThat(r.broken()).isEmpty();
        assertThat(r.rootAbsolute()).isEmpty();
    }
}
