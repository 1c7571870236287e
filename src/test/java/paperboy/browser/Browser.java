package paperboy.browser;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Playwright driving Debian's Chromium ({@code apt-get install chromium}; .ci/run installs it). Playwright's own
 * browser download is switched off: nothing is fetched at run time. Without /usr/bin/chromium the browser tests
 * are skipped with a message saying so.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    final Playwright playwright;
    final com.microsoft.playwright.Browser chromium;

    private Browser(Playwright playwright, com.microsoft.playwright.Browser chromium) {
        this.playwright = playwright;
        this.chromium = chromium;
    }

    static Browser launch() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
                "browser tests skipped: " + CHROMIUM + " not found (install Debian's chromium package)");
        Playwright pw = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            return new Browser(pw, pw.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM)
                    .setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                            "--no-first-run", "--disable-background-networking", "--disable-component-update"))));
        } catch (RuntimeException e) {
            pw.close();
            throw e;
        }
    }

    static NewContextOptions desktop() {
        return new NewContextOptions().setViewportSize(1200, 900).setLocale("en-US");
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}
