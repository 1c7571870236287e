package paperboy.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.ColorScheme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import paperboy.build.SiteBuild;
import paperboy.build.SiteRenderer;
import paperboy.checks.TestSites;
import paperboy.config.ThemesConfig;
import paperboy.testing.Samples;
import paperboy.testing.UpvotesFixture;
import paperboy.themes.Themes;

/** The sample with upvotes (as the README's screenshots show it), read in Chromium: heard as "N upvotes", laid out at 375 px. */
@Timeout(300)
class UpvotesBrowserTest {
    @TempDir
    static Path tmp;
    static Path site;
    static Browser browser;

    @BeforeAll
    static void buildAndLaunch() throws Exception {
        browser = Browser.launch();
        Path content = Samples.contentCopy(tmp.resolve("content"));
        UpvotesFixture.addTo(content);
        site = tmp.resolve("site");
        new SiteBuild(SiteRenderer.standard()).run(new SiteBuild.Request(content, site, Path.of("templates"),
                TestSites.config(true), Themes.forBuild(ThemesConfig.defaults(), "curated", content)));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) browser.close();
    }

    private static Page open(BrowserContext ctx, String sitePath) {
        Page page = ctx.newPage();
        page.navigate(site.resolve(sitePath).toUri().toString());
        return page;
    }

    @Test
    void aScreenReaderHearsTheCountAsUpvotesNotAsATriangle() {
        try (BrowserContext ctx = browser.chromium.newContext(Browser.desktop())) {
            Page day = open(ctx, "days/2025-08-20/index.html");
            String heard = day.locator(".listing-head").first().ariaSnapshot();
            assertThat(heard).containsPattern("\\d+ upvotes").doesNotContain("▲");
            assertThat(day.locator(".listing-head .upvotes").first().innerText()).matches("▲ \\d+\\s*upvotes");
        }
    }

    @Test
    void onAPhoneTheCountSharesTheLineOfTheNewMarkAndStaysOnScreen() {
        try (BrowserContext ctx = browser.chromium.newContext(Browser.desktop().setViewportSize(375, 812))) {
            Page day = open(ctx, "days/2025-08-20/index.html");
            Locator head = day.locator(".listing-head").first();
            BoundingBox mark = head.locator(".mark").boundingBox();
            BoundingBox count = head.locator(".upvotes").boundingBox();
            BoundingBox title = head.locator(".listing-title").boundingBox();
            assertThat(Math.abs((count.y + count.height / 2) - (mark.y + mark.height / 2))).isLessThan(4);
            assertThat(count.x + count.width).isLessThanOrEqualTo(375);
            assertThat(title.y).isGreaterThanOrEqualTo(mark.y + mark.height);
        }
    }

    @Test
    void axeFindsNoSeriousOrCriticalViolationsWithUpvotesInLightOrDarkMode() {
        List<String> problems = new ArrayList<>();
        for (ColorScheme scheme : List.of(ColorScheme.LIGHT, ColorScheme.DARK)) {
            try (BrowserContext ctx = browser.chromium.newContext(Browser.desktop().setColorScheme(scheme))) {
                for (String p : List.of("days/2025-08-20/index.html", "papers/" + ReaderJourneyTest.RETROMAE + "/index.html",
                        "weeks/2025-W11/index.html")) {
                    Page page = open(ctx, p);
                    assertThat(page.locator(".upvotes").count()).as(p).isPositive();
                    for (Rule r : new AxeBuilder(page).analyze().getViolations()) {
                        if ("serious".equals(r.getImpact()) || "critical".equals(r.getImpact())) {
                            problems.add(scheme + " " + p + ": " + r.getId() + " " + r.getHelp());
                        }
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }
}
