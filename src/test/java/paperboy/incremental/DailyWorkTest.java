package paperboy.incremental;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.bench.CorpusGenerator;
import paperboy.build.SiteBuild;
import paperboy.build.SiteRenderer;
import paperboy.config.SiteConfig;
import paperboy.config.ThemesConfig;
import paperboy.themes.Themes;

/**
 * The daily job counts its work, not its time: on a ten-year archive, one new day builds the view models of a
 * few dozen outputs and writes a few dozen files, whatever the archive's size. It fails if a change makes the
 * render phase of a daily build walk the archive again (the 3,650-day benchmark's new day considered 132,271
 * pages and wrote 168 files before the change set).
 */
class DailyWorkTest {
    @TempDir
    Path tmp;

    @Test
    void aNewDayOnATenYearArchiveRendersOnlyWhatItReaches() throws Exception {
        Path corpus = tmp.resolve("corpus"), content = tmp.resolve("content"), site = tmp.resolve("out/site");
        // Ten years of two papers a day: the archive's shape (3,650 days, their weeks, months, years, themes,
        // sitemaps and search shards) at a size a test can build.
        var options = new CorpusGenerator.Options(3651, 2, 0.3, 5, LocalDate.of(2016, 1, 1));
        new CorpusGenerator(options, CorpusGenerator.vocabularyFrom(Path.of("content"))).write(corpus);
        List<Path> days;
        try (Stream<Path> files = Files.list(corpus)) {
            days = files.sorted().toList();
        }
        Files.createDirectories(content);
        for (Path f : days.subList(0, days.size() - 1)) Files.copy(f, content.resolve(f.getFileName()));
        SiteConfig config = SiteConfig.defaults().withBaseUrl(URI.create("https://example.org/digest/"));
        SiteBuild.Request request = new SiteBuild.Request(content, site, Path.of("templates"), config,
                Themes.forBuild(ThemesConfig.defaults(), "auto", content));
        SiteBuild.Report first = new SiteBuild(SiteRenderer.standard(), true, true).run(request);
        assertThat(first.pages().summary().days()).isEqualTo(3650);

        Path last = days.get(days.size() - 1);
        Files.copy(last, content.resolve(last.getFileName()));
        SiteBuild.Report day = new SiteBuild(SiteRenderer.standard(), true, true).run(request);

        assertThat(day.pages().scope()).as("the change set").startsWith("2 days, ");
        // Pages considered: rendered, or compared with the previous build and kept. The new day, the day before,
        // its papers, home, archive and its year, the week and month, the themes' pages.
        int considered = day.pages().rendered() + day.pages().reused();
        System.out.printf("DailyWorkTest: a new day on 3,650 days considered %d of %d pages, wrote %d of %d files; "
                        + "state: %s%n", considered, first.pages().rendered(), day.written().written(),
                day.written().files(), day.pages().state());
        assertThat(considered).as("pages considered of " + first.pages().rendered()).isLessThan(120);
        assertThat(day.written().written()).as("files written").isLessThan(150);
        // The listings: the new file alone parsed and appended to the archive kept; of the archive's 120 month
        // files, the new day's month and at most one other (a paper first seen then, listed again) written.
        assertThat(day.pages().state().appended()).as("appended to the archive kept").isTrue();
        assertThat(day.pages().state().monthsWritten()).as("state months written").isBetween(1, 2);
        // Of the archive's abstracts (most of its bytes), those of the papers the build shows: the new day's, the
        // latest month's (its search shards and data file), the feeds' newest items.
        assertThat(day.pages().state().textsRead()).as("abstracts read of " + day.pages().state().papersKept())
                .isLessThan(day.pages().state().papersKept() / 20);
        // The archive kept is decoded paper by paper as the build reads it: the new day's papers and those listed
        // again, the latest month's and the latest search chunk's (about a thousand here, a fifth of this thin
        // archive; 4,259 of 127,858 at fifty papers a day), the papers the new ones are related to, the themes' and
        // feeds' newest; not the archive.
        assertThat(day.pages().state().papersRead()).as("papers decoded of " + day.pages().state().papersKept())
                .isLessThan(day.pages().state().papersKept() / 4);
    }
}
