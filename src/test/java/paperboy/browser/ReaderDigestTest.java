package paperboy.browser;

import paperboy.testing.Samples;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import paperboy.build.SiteBuild;
import paperboy.checks.TestSites;
import paperboy.config.ThemesConfig;
import paperboy.build.SiteRenderer;
import paperboy.themes.Themes;

/**
 * The reader's features of a themed site in a real browser: a day with nothing new (the sample plus Aug 21, a
 * repeat of Aug 20) and hiding what was listed before, keyboard navigation and its help dialog, the week page.
 */
@Timeout(300)
class ReaderDigestTest {
    @TempDir
    static Path tmp;
    static Path site;
    static Browser browser;
    BrowserContext context;
    Page page;
    final List<String> errors = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void buildAndLaunch() throws Exception {
        browser = Browser.launch();
        Path content = Samples.contentCopy(tmp.resolve("content"));
        String aug20 = Files.readString(Path.of("content/001_7c0b036a2128a9f5.txt"), StandardCharsets.UTF_8);
        Files.writeString(content.resolve("aug21.txt"), aug20.replaceFirst("(?m)^Aug 20$", "Aug 21"), StandardCharsets.UTF_8);
        site = tmp.resolve("site");
        new SiteBuild(SiteRenderer.standard()).run(new SiteBuild.Request(content, site, Path.of("templates"),
                TestSites.config(true), Themes.forBuild(ThemesConfig.defaults(), "curated", content)));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) browser.close();
    }

    @BeforeEach
    void newPage() {
        context = browser.chromium.newContext(Browser.desktop());
        context.setDefaultTimeout(15_000);
        page = context.newPage();
        page.onPageError(errors::add);
    }

    @AfterEach
    void noScriptErrors() {
        context.close();
        assertThat(errors).isEmpty();
    }

    private void open(String sitePath) {
        page.navigate(site.resolve(sitePath).toUri().toString());
    }

    private String path() {
        page.waitForLoadState();
        return page.url().substring(site.toUri().toString().length());
    }

    @Test
    void aDayWithNothingNewSaysSoAndHidingRepeatsLeavesNoEmptyThemeHeading() {
        open("days/2025-08-21/index.html");
        String line = page.locator(".nothing-new").textContent().replaceAll("\\s+", " ").strip();
        int count = page.locator("li.listing").count();
        assertThat(line).isEqualTo("Nothing new today: " + count + " papers seen before. The last day with new papers was "
                + "Wednesday, August 20, 2025.");
        page.locator(".nothing-new a").click();
        assertThat(path()).isEqualTo("days/2025-08-20/index.html");

        open("days/2025-08-21/index.html");
        assertThat(page.locator("section.theme-section").count()).isGreaterThan(1);
        assertThat(page.locator("label[for=hide-seen]").textContent())
                .isEqualTo("Hide the " + count + " papers listed on an earlier day");
        page.locator("#hide-seen").check();
        assertThat(page.locator("li.listing:visible").count()).isZero();
        assertThat(page.locator("section.theme-section:visible").count()).as("no empty theme headings").isZero();
        assertThat(page.locator(".theme-index li:visible").count()).isZero();
        assertThat(page.locator(".nothing-new").isVisible()).isTrue();
        // On a day with new papers, the sections that keep new papers stay, new papers first in each.
        open("days/2025-08-20/index.html");
        assertThat(page.locator("#hide-seen").isChecked()).as("the choice is remembered").isTrue();
        assertThat(page.locator("section.theme-section:visible").count()).isPositive();
        for (var section : page.locator("section.theme-section").all()) {
            List<String> marks = section.locator(".mark").allTextContents();
            assertThat(marks).isSortedAccordingTo((a, b) -> Boolean.compare(!a.equals("new"), !b.equals("new")));
        }
    }

    @Test
    void keysMoveBetweenPapersAndDaysAndQuestionMarkOpensTheHelp() {
        open("days/2025-08-20/index.html");
        List<String> ids = page.locator("li.listing").evaluateAll("els => els.map(e => e.id)")
                instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
        page.keyboard().press("j");
        assertThat(page.locator(".listing.is-current").getAttribute("id")).isEqualTo(ids.get(0));
        page.keyboard().press("j");
        page.keyboard().press("ArrowDown");
        assertThat(page.locator(".listing.is-current").getAttribute("id")).isEqualTo(ids.get(2));
        assertThat(page.evaluate("document.activeElement.closest('.listing').id")).isEqualTo(ids.get(2));
        page.keyboard().press("k");
        assertThat(page.locator(".listing.is-current").getAttribute("id")).isEqualTo(ids.get(1));
        page.keyboard().press("?");
        assertThat(page.locator("#kbd-help").isVisible()).isTrue();
        assertThat(page.evaluate("document.activeElement.closest('dialog') !== null")).isEqualTo(true);
        assertThat(page.locator("#kbd-help").textContent()).contains("Next paper", "Previous day");
        page.keyboard().press("Escape");
        assertThat(page.locator("#kbd-help").isVisible()).isFalse();
        assertThat(page.evaluate("document.activeElement.closest('.listing').id")).as("focus returns").isEqualTo(ids.get(1));
        page.keyboard().press("[");
        page.waitForURL("**/days/2025-08-07/index.html");
        page.keyboard().press("]");
        page.waitForURL("**/days/2025-08-20/index.html");
        // Typing in the search box is not a shortcut.
        page.locator("#search-q").pressSequentially("j[");
        assertThat(path()).isEqualTo("days/2025-08-20/index.html");
    }

    @Test
    void theWeekPageListsTheWeeksNewPapersByThemeAndLinksItsNeighbours() {
        open("index.html");
        page.locator("a", new Page.LocatorOptions().setHasText("this week")).click();
        assertThat(path()).isEqualTo("weeks/2025-W34/index.html");
        assertThat(page.locator("h1").textContent()).isEqualTo("Week 34, 2025 (Aug 18 – Aug 24)");
        assertThat(page.locator(".counts").textContent()).contains("new papers", "2 days");
        assertThat(page.locator(".period-papers li").count()).isPositive();
        assertThat(page.locator(".period-papers li").first().textContent()).contains("listed on 2 days");
        assertThat(page.locator(".follow a").allTextContents()).contains("RSS", "Atom", "JSON Feed", "E-mail edition");
        page.keyboard().press("[");
        page.waitForURL("**/weeks/2025-W32/index.html");
        page.locator(".period-links a", new Page.LocatorOptions().setHasText("August 2025")).click();
        assertThat(path()).isEqualTo("months/2025-08/index.html");
    }
}
