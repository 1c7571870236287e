package paperboy.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import paperboy.checks.TestSites;

/**
 * A reader's session in a real browser, on the built sample site opened from {@code file://} (no server: the
 * site must work offline): home → a day → a paper listed on all five days → its cross-link → search → hide the
 * papers seen before and reload → a phone-sized viewport; axe-core on every kind of page, light and dark.
 */
@Timeout(300)
class ReaderJourneyTest {
    static final String RETROMAE = "retromae-v2-duplex-masked-auto-encoder-for-pre-training";

    @TempDir
    static Path tmp;
    static Path site;
    static Browser browser;
    BrowserContext context;
    Page page;
    final List<String> requests = new CopyOnWriteArrayList<>();
    final List<String> consoleErrors = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void buildAndLaunch() throws Exception {
        browser = Browser.launch();
        site = TestSites.build(tmp.resolve("site"), false);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) browser.close();
    }

    private Page open(String sitePath) {
        if (page == null) {
            context = browser.chromium.newContext(Browser.desktop());
            context.setDefaultTimeout(15_000);
            page = context.newPage();
            page.onRequest(r -> requests.add(r.url()));
            page.onConsoleMessage(m -> {
                if (m.type().equals("error")) consoleErrors.add(m.text());
            });
            page.onPageError(e -> consoleErrors.add(e));
        }
        page.navigate(site.resolve(sitePath).toUri().toString());
        return page;
    }

    /** Where the browser is, once the page it went to has loaded (a click returns when navigation commits). */
    private String path() {
        page.waitForLoadState();
        return page.url().substring(site.toUri().toString().length());
    }

    @Test
    void aReaderFollowsAPaperAcrossDaysSearchesAndHidesWhatTheyHaveSeen() {
        open("index.html");
        assertThat(page.title()).isEqualTo("Paper Digest");
        // Home → the latest day.
        page.locator(".day-head h2 a").click();
        assertThat(path()).isEqualTo("days/2025-08-20/index.html");
        assertThat(page.locator("h1").textContent()).isEqualTo("Wednesday, August 20, 2025");

        // A paper seen on all five days: its listing says where it was seen before.
        Locator listing = page.locator("#" + RETROMAE);
        assertThat(listing.locator(".mark-seen").textContent()).isEqualTo("seen before");
        assertThat(listing.locator(".seen-on a").allTextContents())
                .containsExactly("Mar 11, 2025", "Mar 13, 2025", "Mar 14, 2025", "Aug 7, 2025");
        listing.locator(".listing-title a").click();
        assertThat(path()).isEqualTo("papers/" + RETROMAE + "/index.html");
        assertThat(page.locator(".listed .day-list li").count()).isEqualTo(5);

        // Its cross-link lands on the listing on that day.
        page.locator(".listed .day-list a", new Page.LocatorOptions().setHasText("Thursday, March 13, 2025")).click();
        assertThat(path()).isEqualTo("days/2025-03-13/index.html#" + RETROMAE);
        assertThat(page.locator("#" + RETROMAE).isVisible()).isTrue();

        // Search as you type; the index is loaded only now.
        assertThat(requests).noneMatch(u -> u.contains("/search/"));
        Locator box = page.locator("#search-q");
        box.click();
        box.pressSequentially("duplex masked", new Locator.PressSequentiallyOptions().setDelay(20));
        Locator results = page.locator(".search-list a");
        results.first().waitFor();
        assertThat(requests).anyMatch(u -> u.endsWith("search/manifest.js"));
        assertThat(results.first().locator(".r-title").textContent()).startsWith("RetroMAE v2");
        assertThat(results.first().locator(".r-meta").textContent()).isEqualTo("Mar 11, 2025 · listed on 5 days");
        assertThat(page.locator("#search-status").textContent()).isEqualTo("1 paper matches.");
        // Keyboard: arrow down to the result, Enter opens it.
        box.press("ArrowDown");
        assertThat(page.evaluate("document.activeElement.classList.length === 0 && document.activeElement.closest('.search-list') !== null")).isEqualTo(true);
        page.keyboard().press("Enter");
        page.waitForURL("**/papers/" + RETROMAE + "/index.html");

        // A word from abstracts finds many papers; opening one by click.
        box = page.locator("#search-q");
        box.fill("");
        box.pressSequentially("diffusion");
        // The summary shows each prefix's state as it is typed ("d": too short): wait for the whole word's.
        page.waitForFunction("() => / papers match/.test(document.querySelector('.search-summary')?.textContent || '')");
        assertThat(page.locator(".search-summary").textContent()).matches("\\d+ papers match; the first 12 are shown\\.");
        String firstTitle = page.locator(".search-list a .r-title").first().textContent();
        page.locator(".search-list a").first().click();
        page.waitForURL("**/papers/*/index.html");
        assertThat(page.locator("h1").textContent()).isEqualTo(firstTitle);
        box = page.locator("#search-q");
        box.fill("zzzxqy");
        assertThat(page.locator(".search-summary").textContent()).isEqualTo("No papers match “zzzxqy”.");
        box.press("Escape");
        assertThat(page.locator("#search-results").isHidden()).isTrue();

        // Hide the papers seen before; the choice survives a reload.
        open("days/2025-08-20/index.html");
        Locator seen = page.locator("li.listing.is-seen");
        assertThat(seen.count()).isEqualTo(23);
        assertThat(visible(seen)).isEqualTo(23);
        page.locator("label[for=hide-seen]").click();
        assertThat(visible(seen)).isZero();
        assertThat(visible(page.locator("li.listing.is-new"))).isEqualTo(25);
        page.reload();
        assertThat(page.locator("#hide-seen").isChecked()).isTrue();
        assertThat(visible(page.locator("li.listing.is-seen"))).isZero();
        assertThat(layoutShift()).as("cumulative layout shift on reload").isLessThan(0.01);
        page.locator("#hide-seen").uncheck();
        page.reload();
        assertThat(visible(page.locator("li.listing.is-seen"))).isEqualTo(23);

        // Phone-sized: nothing wider than the screen, the search box still there.
        page.setViewportSize(375, 740);
        for (String p : List.of("index.html", "days/2025-08-20/index.html", "papers/" + RETROMAE + "/index.html",
                "archive/index.html")) {
            open(p);
            assertThat(page.evaluate("document.documentElement.scrollWidth")).as(p).isEqualTo(375);
            assertThat(page.locator("#search-q").isVisible()).as(p).isTrue();
        }

        // Printed: no search box, toggle or day navigation on paper.
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.PRINT));
        open("days/2025-08-20/index.html");
        assertThat(page.locator("#search-q").isVisible()).isFalse();
        assertThat(page.locator(".seen-toggle").isVisible()).isFalse();
        assertThat(page.locator("h1").isVisible()).isTrue();

        // Nothing was requested from outside the site, and no script failed.
        assertThat(requests).allMatch(u -> u.startsWith("file://"));
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void withoutJavaScriptTheSeenMarksStayAndTheToggleStillHides() {
        try (BrowserContext noJs = browser.chromium.newContext(Browser.desktop().setJavaScriptEnabled(false))) {
            Page p = noJs.newPage();
            p.navigate(site.resolve("days/2025-08-20/index.html").toUri().toString());
            assertThat(visible(p.locator("li.listing.is-seen .mark-seen"))).isEqualTo(23);
            p.locator("#hide-seen").check();
            assertThat(visible(p.locator("li.listing.is-seen"))).isZero();
        }
    }

    @Test
    void axeFindsNoSeriousOrCriticalViolationsInLightOrDarkMode() {
        List<String> problems = new ArrayList<>();
        for (ColorScheme scheme : List.of(ColorScheme.LIGHT, ColorScheme.DARK)) {
            for (String p : List.of("index.html", "days/2025-03-13/index.html", "papers/" + RETROMAE + "/index.html",
                    "archive/index.html", "404.html")) {
                open(p);
                page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(scheme));
                problems.addAll(seriousViolations(scheme + " " + p));
            }
            // With the search results open.
            open("index.html");
            page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(scheme));
            page.locator("#search-q").fill("retrieval");
            page.locator(".search-list a").first().waitFor();
            problems.addAll(seriousViolations(scheme + " search results"));
        }
        assertThat(problems).isEmpty();

        // axe itself works here: a page with a known critical problem is caught.
        page.setContent("<!DOCTYPE html><html lang=\"en\"><title>t</title><main><img src=\"x.png\"></main></html>");
        assertThat(seriousViolations("bad page")).anyMatch(v -> v.contains("image-alt"));
    }

    private List<String> seriousViolations(String where) {
        List<String> out = new ArrayList<>();
        for (Rule r : new AxeBuilder(page).analyze().getViolations()) {
            if (System.getProperty("paperboy.axe.verbose") != null) System.out.println(where + ": " + r.getId() + " " + r.getImpact());
            if ("serious".equals(r.getImpact()) || "critical".equals(r.getImpact())) {
                out.add(where + ": " + r.getId() + " (" + r.getImpact() + ") " + r.getHelp() + " at "
                        + r.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")));
            }
        }
        return out;
    }

    private static int visible(Locator items) {
        int n = 0;
        for (int i = 0; i < items.count(); i++) if (items.nth(i).isVisible()) n++;
        return n;
    }

    private double layoutShift() {
        Object v = page.evaluate("() => new Promise(resolve => {"
                + "let total = 0;"
                + "new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value; })"
                + ".observe({type: 'layout-shift', buffered: true});"
                + "setTimeout(() => resolve(total), 300); })");
        return ((Number) v).doubleValue();
    }
}
