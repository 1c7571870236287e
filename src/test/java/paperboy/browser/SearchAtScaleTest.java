package paperboy.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import paperboy.cli.Main;
import paperboy.bench.CorpusGenerator;

/**
 * Search on a generated archive in the real browser, from {@code file://}, counting the bytes every file the
 * browser loads for a query. By default a 180-day archive (9,000 listings) that CI can afford; to measure a
 * ten-year archive, build one and point the test at it:
 *
 * <pre>
 * java -cp target/paperboy.jar paperboy.bench.CorpusGenerator --days 3650 --per-day 50 --out /dev/shm/arch-3650
 * java -Xmx2g -jar target/paperboy.jar build --content /dev/shm/arch-3650 --out /dev/shm/site-3650 --no-cache
 * mvn -B -o test -Dtest=SearchAtScaleTest -Dpaperboy.searchSite=/dev/shm/site-3650
 * </pre>
 */
@Timeout(900)
class SearchAtScaleTest {
    static final long QUERY_BUDGET = 300 * 1024;
    static final long FILE_LIMIT = 512 * 1024;

    @TempDir
    static Path tmp;
    static Path site;
    static Browser browser;

    @BeforeAll
    static void buildAndLaunch() throws Exception {
        browser = Browser.launch();
        String given = System.getProperty("paperboy.searchSite");
        if (given != null && !given.isBlank()) {
            site = Path.of(given);
            return;
        }
        Path corpus = tmp.resolve("corpus");
        new CorpusGenerator(new CorpusGenerator.Options(180, 50, 0.3, 42, LocalDate.of(2024, 1, 1)),
                CorpusGenerator.vocabularyFrom(Path.of("content"))).write(corpus);
        site = tmp.resolve("site");
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"build", "--content", corpus.toString(), "--out", site.toString(),
                "--no-cache", "--themes", "auto"}, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertThat(code).as(err.toString()).isZero();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) browser.close();
    }

    @Test
    void noSearchFileIsOverHalfAMegabyte() throws IOException {
        try (Stream<Path> files = Files.walk(site.resolve("search"))) {
            files.filter(Files::isRegularFile).forEach(f -> {
                try {
                    assertThat(Files.size(f)).as(site.relativize(f).toString()).isLessThanOrEqualTo(FILE_LIMIT);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        assertThat(site.resolve("search/index.json")).doesNotExist();
    }

    @Test
    void aOneWordQueryTypedLetterByLetterDownloadsUnder300KilobytesAndPagesFiltersWork() {
        try (BrowserContext context = browser.chromium.newContext(Browser.desktop())) {
            context.setDefaultTimeout(60_000);
            Page page = context.newPage();
            Map<String, Long> fetched = new ConcurrentHashMap<>();
            page.onRequestFinished(r -> {
                if (r.url().contains("/search/")) fetched.put(r.url(), size(r.url()));
            });
            page.navigate(site.resolve("index.html").toUri().toString());
            Locator box = page.locator("#search-q");
            box.click();
            box.pressSequentially("learning", new Locator.PressSequentiallyOptions().setDelay(30));
            Locator summary = page.locator(".search-summary");
            page.waitForFunction("() => { const s = document.querySelector('.search-summary');"
                    + " return s && /\\d+ papers match/.test(s.textContent); }");
            assertThat(summary.textContent()).matches("\\d+ papers match; the first 12 are shown\\.");
            Locator results = page.locator(".search-list a");
            assertThat(results.count()).isEqualTo(12);
            long total = fetched.values().stream().mapToLong(Long::longValue).sum();
            System.out.printf("search at scale: %s: a one-word query fetched %d files, %,d bytes; largest %,d%n",
                    site, fetched.size(), total, fetched.values().stream().mapToLong(Long::longValue).max().orElse(0));
            assertThat(total).as("bytes fetched by a one-word query: " + fetched).isLessThanOrEqualTo(QUERY_BUDGET);

            // More results, then a theme filter and a date range narrow them.
            int matches = count(summary.textContent());
            page.locator(".search-more").click();
            page.waitForFunction("() => document.querySelectorAll('.search-list a').length === 24");
            assertThat(summary.textContent()).isEqualTo(matches + " papers match; the first 24 are shown.");

            page.locator("#search-theme").selectOption("0");
            page.waitForFunction("n => { const s = document.querySelector('.search-summary');"
                    + " return s && !s.textContent.startsWith(n + ' '); }", matches);
            int inTheme = count(summary.textContent());
            assertThat(inTheme).isPositive().isLessThan(matches);
            String theme = page.locator("#search-theme option[value='0']").textContent();
            for (String meta : results.locator(".r-meta").allTextContents()) assertThat(meta).contains(theme);

            page.locator("#search-theme").selectOption("-1");
            String lastMonth = (String) page.evaluate(
                    "() => { const o = document.querySelectorAll('#search-from option'); return o[o.length - 1].value; }");
            page.locator("#search-from").selectOption(lastMonth);
            page.waitForFunction("n => { const s = document.querySelector('.search-summary');"
                    + " return s && !s.textContent.startsWith(n + ' ') && !s.textContent.startsWith('" + inTheme + " '); }",
                    matches);
            LocalDate from = LocalDate.parse(lastMonth + "-01");
            for (String meta : results.locator(".r-meta").allTextContents()) {
                LocalDate first = LocalDate.parse(meta.split(" · ")[0],
                        java.time.format.DateTimeFormatter.ofPattern("MMM d, yyyy", java.util.Locale.ENGLISH));
                assertThat(first).isAfterOrEqualTo(from);
            }
        }
    }

    private static int count(String summary) {
        return Integer.parseInt(summary.substring(0, summary.indexOf(' ')));
    }

    private static long size(String fileUrl) {
        try {
            return Files.size(Path.of(java.net.URI.create(fileUrl)));
        } catch (IOException e) {
            return 0;
        }
    }
}
