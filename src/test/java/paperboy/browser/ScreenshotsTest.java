package paperboy.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.checks.TestSites;
import paperboy.testing.UpvotesFixture;

/**
 * Makes the README's screenshots: {@code mvn -B -o test -Dtest=ScreenshotsTest -Dpaperboy.screenshots=docs}.
 * Does nothing in a normal test run.
 */
class ScreenshotsTest {
    static final Map<String, String> PAGES = Map.of(
            "home", "index.html",
            "day", "days/2025-08-20/index.html",
            "paper", "papers/" + ReaderJourneyTest.RETROMAE + "/index.html",
            "week", "weeks/2025-W11/index.html");

    @Test
    void screenshots(@TempDir Path tmp) throws Exception {
        String dir = System.getProperty("paperboy.screenshots");
        Assumptions.assumeTrue(dir != null, "screenshots are made only with -Dpaperboy.screenshots=DIR");
        Path out = Files.createDirectories(Path.of(dir));
        // The sample as `paperboy build` makes it: curated themes and a base URL (feeds, e-mail editions), with
        // upvotes from Hugging Face lists of the same days beside its text dumps (which carry none).
        Path content = tmp.resolve("content");
        try (var files = Files.walk(Path.of("content"))) {
            for (Path f : files.toList()) {
                Path to = content.resolve(Path.of("content").relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(to);
                else Files.copy(f, to);
            }
        }
        UpvotesFixture.addTo(content);
        Path site = tmp.resolve("site");
        new paperboy.build.SiteBuild(paperboy.build.SiteRenderer.standard()).run(new paperboy.build.SiteBuild.Request(
                content, site, Path.of("templates"), TestSites.config(true),
                paperboy.themes.Themes.forBuild(paperboy.config.ThemesConfig.defaults(), "curated", Path.of("content"))));
        try (Browser browser = Browser.launch()) {
            for (var size : Map.of("desktop", new int[] {1200, 900}, "375", new int[] {375, 812}).entrySet()) {
                try (BrowserContext ctx = browser.chromium.newContext(Browser.desktop()
                        .setViewportSize(size.getValue()[0], size.getValue()[1]))) {
                    Page page = ctx.newPage();
                    for (var p : PAGES.entrySet()) {
                        page.navigate(site.resolve(p.getValue()).toUri().toString());
                        if (p.getKey().equals("day") && size.getKey().equals("375")) {
                            // On a phone the day's head fills the screen: show its first listings instead.
                            page.evaluate("document.querySelector('.theme-section').scrollIntoView()");
                        }
                        page.screenshot(new Page.ScreenshotOptions().setPath(out.resolve(p.getKey() + "-" + size.getKey() + ".png")));
                    }
                    if (size.getKey().equals("desktop")) {
                        page.navigate(site.resolve("days/2025-08-20/index.html").toUri().toString());
                        page.locator("#search-q").pressSequentially("retrieval");
                        page.locator(".search-list a").first().waitFor();
                        page.screenshot(new Page.ScreenshotOptions().setPath(out.resolve("search-desktop.png")));
                        page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.DARK));
                        page.navigate(site.resolve("archive/index.html").toUri().toString());
                        page.screenshot(new Page.ScreenshotOptions().setPath(out.resolve("archive-dark-desktop.png")));
                    }
                }
            }
        }
    }
}
