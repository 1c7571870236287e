package paperboy.checks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import paperboy.build.SiteBuild;
import paperboy.assemble.ThemeAssigner;
import paperboy.config.ConfigLoader;
import paperboy.config.SiteConfig;
import paperboy.problems.Problems;
import paperboy.build.SiteRenderer;

/** Builds the sample site (content/, templates/, paperboy.yml) into a folder, as {@code paperboy build} does. */
public final class TestSites {
    public static final URI BASE_URL = URI.create("https://example.org/digest/");

    private TestSites() {}

    public static SiteConfig config(boolean withBaseUrl) {
        SiteConfig c = ConfigLoader.load(Path.of("paperboy.yml"), false, new Problems()).orElseThrow();
        return withBaseUrl ? c.withBaseUrl(BASE_URL) : c.withoutBaseUrl();
    }

    public static Path build(Path out, boolean withBaseUrl) throws Exception {
        new SiteBuild(SiteRenderer.standard()).run(new SiteBuild.Request(Path.of("content"), out,
                Path.of("templates"), config(withBaseUrl), ThemeAssigner.none()));
        return out;
    }

    /** Every web page of the site; the e-mail editions under newsletter/ are mail, not web pages, and are checked apart. */
    public static List<Path> htmlPages(Path site) {
        try (Stream<Path> walk = Files.walk(site)) {
            return walk.filter(p -> p.toString().endsWith(".html"))
                    .filter(p -> !site.relativize(p).startsWith("newsletter"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
