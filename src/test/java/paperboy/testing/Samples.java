package paperboy.testing;

import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import paperboy.build.BuildFailed;
import paperboy.build.SiteBuild;
import paperboy.assemble.ThemeAssigner;
import paperboy.config.FeedsConfig;
import paperboy.config.MarkdownConfig;
import paperboy.config.NewsletterConfig;
import paperboy.config.SiteConfig;
import paperboy.config.ThemesConfig;
import paperboy.model.Day;
import paperboy.model.Digest;
import paperboy.model.Listing;
import paperboy.model.Paper;
import paperboy.model.SourceRef;
import paperboy.model.Theme;
import paperboy.problems.Problems;
import paperboy.render.RenderContext;
import paperboy.render.Templates;

/** The sample content and small hand-made digests for feed and newsletter tests. */
public final class Samples {
    public static final URI BASE = URI.create("https://example.org/digest/");
    public static final String NASTY_TITLE = "A <b>bold</b> & \"quoted\" ]]> title";
    public static final String NASTY_ABSTRACT = "Uses <script>alert(1)</script> & ]]> in text, \"quoted\" and 'single'.";

    private Samples() {}

    /** A copy of the sample's content folder (its files, not its subfolders) as {@code dir}, for tests that add to it. */
    public static Path contentCopy(Path dir) throws java.io.IOException {
        java.nio.file.Files.createDirectories(dir);
        try (var files = java.nio.file.Files.list(Path.of("content"))) {
            for (Path f : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                java.nio.file.Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        return dir;
    }

    public static SiteConfig config() {
        return config(BASE, ZoneId.of("UTC"), 200);
    }

    public static SiteConfig config(URI base, ZoneId zone, int maxItems) {
        return new SiteConfig("Paper Digest", "New papers.", Optional.ofNullable(base), OptionalInt.of(2025), zone, 14,
                ThemesConfig.defaults(), new FeedsConfig(maxItems),
                new NewsletterConfig("Paper Digest <digest@example.org>", "reader@example.org",
                        "https://example.org/digest/unsubscribe"), MarkdownConfig.defaults());
    }

    public static RenderContext context(SiteConfig config) {
        return new RenderContext(config, Templates.from(Path.of("templates")), Path.of("templates"));
    }

    /** The sample content (5 days, 279 listings, 207 papers), loaded as the build does. */
    public static Digest sampleDigest() {
        try {
            return SiteBuild.digest(new SiteBuild.Request(Path.of("content"), Path.of("target/unused"),
                    Path.of("templates"), config(), ThemeAssigner.none()), new Problems());
        } catch (BuildFailed e) {
            throw new AssertionError(e.getMessage() + " " + e.problems(), e);
        }
    }

    /**
     * Three days and two themes: day 1 lists p1 (nasty title, theme "vision") and p2 (theme "language");
     * day 2 lists p3 (both themes) and p1 again; day 3 lists p4 (no theme) and p2 again.
     */
    public static Digest themedDigest() {
        LocalDate d1 = LocalDate.of(2025, 3, 11), d2 = LocalDate.of(2025, 3, 13), d3 = LocalDate.of(2025, 3, 14);
        List<Paper> papers = List.of(
                paper("p1", NASTY_TITLE, NASTY_ABSTRACT, List.of(d1, d2), List.of("vision")),
                paper("p2", "Language models count", "Counting. ".repeat(80), List.of(d1, d3), List.of("language")),
                paper("p3", "Seeing and saying", "Both.", List.of(d2), List.of("vision", "language")),
                paper("p4", "Untitled thoughts", null, List.of(d3), List.of()));
        List<Day> days = new ArrayList<>();
        days.add(day(d1, listing("p1", d1, 1), listing("p2", d1, 2)));
        days.add(day(d2, listing("p3", d2, 1), listing("p1", d2, 2, d1)));
        days.add(day(d3, listing("p4", d3, 1), listing("p2", d3, 2, d1)));
        List<Theme> themes = List.of(
                new Theme("vision", "Vision & Images", "Seeing things.", List.of("p3", "p1"), List.of("image"), true),
                new Theme("language", "Language", "", List.of("p3", "p2"), List.of("text"), false));
        return Digest.of(days, papers, themes);
    }

    private static Paper paper(String slug, String title, String abs, List<LocalDate> days, List<String> themes) {
        return new Paper(slug, title, Optional.ofNullable(abs), days, 0, 0, themes, List.of(),
                SourceRef.of(Path.of("content/x.txt"), 1), Optional.empty(), List.of());
    }

    private static Listing listing(String slug, LocalDate date, int pos, LocalDate... earlier) {
        return new Listing(slug, date, pos, List.of(earlier), SourceRef.of(Path.of("content/x.txt"), pos));
    }

    private static Day day(LocalDate date, Listing... listings) {
        return new Day(date, List.of(listings), List.of(Path.of("content/x.txt")));
    }
}
